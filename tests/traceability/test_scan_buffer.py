"""Scans off the request path: buffered, written in batches, and what a crash can lose.

The bound (docs/deployment.md, "Scan counts"): with Redis, nothing unless Redis itself
loses data; a flusher that dies mid-batch leaves the batch to the next one, which writes
each scan once. Without Redis, a worker killed hard loses the scans in its memory (fewer
than SCANS_FLUSH_EVERY); one that exits normally writes them first.
"""

import datetime
import os
import signal
import subprocess
import sys
import textwrap
import uuid
import zoneinfo
from pathlib import Path

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Scan
from tests import factories
from traceability import scans
from traceability.scans import encode, flush_scans, scan_buffer

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def scan(client, url, **headers):
    return client.get(url, HTTP_USER_AGENT=PHONE, HTTP_ACCEPT_LANGUAGE="en", **headers)


@pytest.fixture
def memory_buffer(settings):
    """The embedded default: no Redis, scans wait in this process's memory."""
    settings.SCANS_REDIS_URL = ""
    return scan_buffer()


@pytest.fixture
def redis_buffer(settings):
    """The Redis buffer under a key of its own (removed afterwards); skipped, saying so,
    when no Redis answers."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    settings.SCANS_REDIS_URL = REDIS_URL
    settings.SCANS_REDIS_KEY = f"ocop-test-{uuid.uuid4().hex}:scans"
    buffer = scan_buffer()
    yield buffer
    buffer.clear()


@pytest.fixture(params=["memory", "redis"])
def buffer(request):
    return request.getfixturevalue(f"{request.param}_buffer")


def at(moment):
    """now_micros() standing at a given aware datetime."""
    micros = int((moment - scans.EPOCH) / datetime.timedelta(microseconds=1))
    return lambda: micros


# --- the request does no write ---------------------------------------------------------------


def test_a_warm_trace_request_makes_no_query_and_the_scan_waits_in_the_buffer(
    client, buffer, django_assert_num_queries
):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url())  # warms the caches (and, with Redis, flushes)
    flush_scans()
    with django_assert_num_queries(0):
        assert scan(client, product.get_trace_url()).status_code == 200
    assert len(buffer) == 1
    assert product.scans.count() == 1
    assert flush_scans() == 1
    assert product.scans.count() == 2 and len(buffer) == 0


def test_scans_are_written_once_with_what_the_request_said(client, buffer):
    lot = factories.LotFactory()
    scan(client, lot.get_trace_url(), HTTP_REFERER="https://example.org/")
    scan(client, lot.product.get_trace_url())
    flush_scans()
    assert flush_scans() == 0  # nothing left, nothing written twice
    assert set(Scan.objects.values_list("product_id", "lot_id", "language", "source")) == {
        (lot.product_id, lot.pk, "en", "link"),
        (lot.product_id, None, "en", "qr"),
    }
    assert Scan.objects.count() == 2


def test_a_buffer_that_cannot_be_reached_loses_the_count_not_the_page(client, settings, caplog):
    settings.SCANS_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    product = factories.PublishedProductFactory()
    assert scan(client, product.get_trace_url()).status_code == 200
    assert "Could not buffer a trace page scan" in caplog.text


# --- when scans are written ------------------------------------------------------------------


def test_memory_buffer_is_written_after_the_response_that_fills_it(client, memory_buffer, settings):
    settings.SCANS_FLUSH_EVERY = 3
    product = factories.PublishedProductFactory()
    for _ in range(2):
        scan(client, product.get_trace_url())
    assert product.scans.count() == 0
    scan(client, product.get_trace_url())
    assert product.scans.count() == 3 and len(memory_buffer) == 0


def test_memory_buffer_older_than_the_interval_is_written_after_any_request(client, memory_buffer, monkeypatch):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url())
    assert product.scans.count() == 0
    monkeypatch.setattr(memory_buffer, "started", memory_buffer.started - 11)  # SCANS_FLUSH_SECONDS = 10
    client.get("/healthz")  # not a trace page: the worker still writes what is overdue
    assert product.scans.count() == 1


def test_redis_buffer_asks_for_one_flush_per_interval(client, redis_buffer):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url())  # the first scan of an interval: written after its response
    assert product.scans.count() == 1
    for _ in range(3):
        scan(client, product.get_trace_url())
    assert product.scans.count() == 1 and len(redis_buffer) == 3  # until the interval is over
    redis_buffer.redis.delete(redis_buffer.due_key)  # the interval is over
    scan(client, product.get_trace_url())
    assert product.scans.count() == 5 and len(redis_buffer) == 0


def test_redis_buffer_is_written_every_n_scans_too(client, redis_buffer, settings):
    settings.SCANS_FLUSH_EVERY = 4
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url())  # first of the interval
    for _ in range(3):
        scan(client, product.get_trace_url())
    assert len(redis_buffer) == 3
    scan(client, product.get_trace_url())  # the 4th in the list
    assert product.scans.count() == 5


def test_flush_scans_command_writes_the_redis_buffer(client, redis_buffer, capsys):
    product = factories.PublishedProductFactory()
    redis_buffer.redis.set(redis_buffer.due_key, 1)  # as if another request had just flushed
    for _ in range(3):
        scan(client, product.get_trace_url())
    assert product.scans.count() == 0
    call_command("flush_scans")
    assert "3 scans written" in capsys.readouterr().out
    assert product.scans.count() == 3


def test_flush_scans_command_without_redis_says_workers_write_their_own(memory_buffer, capsys):
    call_command("flush_scans")
    assert "written by each worker" in capsys.readouterr().out


def test_only_one_flusher_at_a_time(redis_buffer):
    product = factories.PublishedProductFactory()
    redis_buffer.append(encode(product.pk, None, "vi", "qr", scans.now_micros()))
    redis_buffer.redis.set(redis_buffer.lock_key, "another flusher")
    assert flush_scans() == 0 and product.scans.count() == 0
    redis_buffer.redis.delete(redis_buffer.lock_key)
    assert flush_scans() == 1


def test_the_admin_counts_scans_still_in_the_buffer(client, admin_client, buffer):
    product = factories.PublishedProductFactory(name="Lụa Vạn Phúc")
    scan(client, product.get_trace_url())
    flush_scans()
    for _ in range(2):
        scan(client, product.get_trace_url())
    assert product.scans.count() == 1  # two are waiting
    admin_client.get("/admin/")  # the dashboard's "most scanned" writes them first
    assert product.scans.count() == 3
    scan(client, product.get_trace_url())
    body = admin_client.get("/admin/catalogue/scan/").content.decode()
    assert "<td>4</td>" in body


# --- crashes -----------------------------------------------------------------------------------


def test_a_flusher_that_dies_before_its_insert_leaves_the_batch_to_the_next(redis_buffer, monkeypatch):
    product = factories.PublishedProductFactory()
    for _ in range(5):
        redis_buffer.append(encode(product.pk, None, "vi", "qr", scans.now_micros()))

    def die(*args, **kwargs):
        raise SystemExit("killed after moving the batch to processing")

    with monkeypatch.context() as patched:
        patched.setattr(scans, "insert", die)
        with pytest.raises(SystemExit):
            flush_scans()
    assert product.scans.count() == 0
    assert redis_buffer.redis.llen(redis_buffer.processing) == 5
    redis_buffer.redis.delete(redis_buffer.lock_key)  # a killed flusher's lock expires
    assert flush_scans() == 5
    assert product.scans.count() == 5 and len(redis_buffer) == 0


def test_a_flusher_that_dies_after_its_insert_committed_causes_no_duplicate(redis_buffer, monkeypatch, settings):
    product = factories.PublishedProductFactory()
    lot = factories.LotFactory(product=product)
    start = scans.now_micros()
    records = [encode(product.pk, lot.pk if i % 2 else None, "vi", "qr", start + i) for i in range(7)]
    records.insert(1, records[0])  # two scans alike to the microsecond are both kept
    for record in records:
        redis_buffer.append(record)
    monkeypatch.setattr(redis_buffer.__class__, "BATCH", 5)

    def die(*args, **kwargs):
        raise SystemExit("killed between COMMIT and LTRIM")

    with monkeypatch.context() as patched:
        patched.setattr(type(redis_buffer.redis), "ltrim", die)
        with pytest.raises(SystemExit):
            flush_scans()
    assert product.scans.count() == 5  # the first batch is in, and still in processing
    redis_buffer.redis.delete(redis_buffer.lock_key)
    redis_buffer.append(encode(product.pk, None, "vi", "link", start + 99))  # a scan meanwhile
    flush_scans()
    assert product.scans.count() == 9 and len(redis_buffer) == 0
    assert Scan.objects.filter(source="qr", lot=None, scanned_at=scans.decode(records[0]).scanned_at).count() == 2


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # foreign keys are checked when a transaction commits
def test_scans_of_a_product_deleted_before_the_flush_are_dropped_not_blocking(buffer):
    kept = factories.PublishedProductFactory()
    gone = factories.PublishedProductFactory()
    for product in (kept, gone, kept):
        buffer.append(encode(product.pk, None, "vi", "qr", scans.now_micros()))
    gone.delete()
    assert flush_scans() == 2
    assert kept.scans.count() == 2 and len(buffer) == 0


def test_memory_buffer_keeps_its_scans_when_the_database_fails(memory_buffer, monkeypatch):
    product = factories.PublishedProductFactory()
    memory_buffer.append(encode(product.pk, None, "vi", "qr", scans.now_micros()))

    def fail(rows):
        from django.db import OperationalError

        raise OperationalError("database is locked")

    with monkeypatch.context() as patched:
        patched.setattr(scans, "insert", fail)
        with pytest.raises(Exception, match="locked"):
            flush_scans()
    assert len(memory_buffer) == 1 and not memory_buffer.due()  # retried after the interval
    assert flush_scans() == 1


WORKER = """
import os, signal
import django
django.setup()
from django.test import RequestFactory
from traceability.scans import record_scan, scan_buffer
request = RequestFactory().get("/t/X", HTTP_USER_AGENT={phone!r})
for _ in range(3):
    record_scan(request, {product_id}, None, "vi")
assert len(scan_buffer()) == 3
if {killed}:
    os.kill(os.getpid(), signal.SIGKILL)
"""


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("killed", [False, True], ids=["exits", "killed"])
def test_a_worker_without_redis_writes_its_scans_at_exit_and_a_killed_one_loses_them(killed):
    product = factories.PublishedProductFactory()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ocop_site.settings_test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": "",
        "SCANS_REDIS_URL": "",
    }
    code = textwrap.dedent(WORKER).format(phone=PHONE, product_id=product.pk, killed=killed)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=Path(__file__).parents[2], capture_output=True, text=True
    )
    assert done.returncode == (-signal.SIGKILL if killed else 0), done.stderr
    # The bound: a worker killed hard loses the scans it had not written (fewer than
    # SCANS_FLUSH_EVERY); a worker that exits writes them.
    assert product.scans.count() == (0 if killed else 3)


# --- exact daily counts --------------------------------------------------------------------


def test_a_scan_just_before_midnight_counts_on_that_day_whenever_it_is_written(client, buffer, monkeypatch):
    product = factories.PublishedProductFactory()
    client.get("/healthz")
    before = datetime.datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=HANOI)
    after = datetime.datetime(2026, 4, 1, 0, 0, 0, 1, tzinfo=HANOI)
    monkeypatch.setattr(scans, "now_micros", at(before))
    if isinstance(buffer, scans.RedisScanBuffer):
        buffer.redis.set(buffer.due_key, 1)  # as if another request had just flushed: these wait
    scan(client, product.get_trace_url())
    scan(client, product.get_trace_url(), HTTP_REFERER="https://example.org/")
    monkeypatch.setattr(scans, "now_micros", at(after))
    scan(client, product.get_trace_url())
    assert product.scans.count() == 0
    flush_scans()  # written "the next morning": now, long after both
    assert set(Scan.objects.values_list("scanned_at", flat=True)) == {before, after}
    rows = [(row["day"], row["total"], row["from_qr"]) for row in Scan.objects.daily_counts()]
    assert rows == [(datetime.date(2026, 4, 1), 1, 1), (datetime.date(2026, 3, 31), 2, 1)]


def test_records_keep_the_time_to_the_microsecond():
    moment = datetime.datetime(2026, 12, 31, 16, 59, 59, 999999, tzinfo=datetime.UTC)
    record = encode(7, 9, "vi", "link", at(moment)())
    decoded = scans.decode(record.encode())
    assert (decoded.product_id, decoded.lot_id, decoded.language, decoded.source) == (7, 9, "vi", "link")
    assert decoded.scanned_at == moment
    assert scans.decode(b"not a scan") is None


def test_a_request_costs_the_database_nothing_even_when_counted_many_times(client, buffer):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url())
    flush_scans()
    with CaptureQueriesContext(connection) as captured:
        for _ in range(20):
            scan(client, product.get_trace_url())
    assert captured.captured_queries == []
    assert flush_scans() == 20
