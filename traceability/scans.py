"""Scan recording: what counts as a scan, and how scans reach the database in batches.

Bots, link previews, prefetches and the page reloading itself after a language switch do
not count; no IP address, user agent or other personal data is stored (docs/deployment.md,
"Access logs").

A scan is not written by the request that counts it. `record_scan()` appends a compact
record (product, lot, language, source, the time of the request in UTC) to a buffer, and
a flusher writes the buffer with one bulk INSERT per batch:

- with REDIS_URL, a Redis list shared by every worker and machine (one RPUSH, in the
  same round trip as the "is a flush due?" check). The flusher moves the list aside
  (RENAMENX to a processing list), writes it batch by batch and trims each batch off only
  after its INSERT committed: a flusher that dies mid-batch leaves the batch for the next
  one, which checks it against the database first (no loss, no duplicate);
- without Redis (the embedded default), a list in the worker's memory, written when it
  holds SCANS_FLUSH_EVERY scans or its oldest is SCANS_FLUSH_SECONDS old (after the
  response of the request that finds it so), and when the worker exits. A worker killed
  hard (SIGKILL, out of memory, power cut) loses what it had not written yet.

Flushes happen after a response (`flush_when_due`, a request_finished receiver), in
`manage.py flush_scans` (cron or a systemd timer), and before the admin counts scans
(`catalogue.signals.scan_log_read`). The timestamp is taken at the request, so a scan at
23:59 Hanoi time counts on that day whenever it is written. The bound on what a crash
can lose is stated in docs/deployment.md ("Scan counts").
"""

import atexit
import collections
import contextvars
import datetime
import functools
import logging
import threading
import time
import uuid
from urllib.parse import urlsplit

import redis
from crawleruseragents import is_crawler
from django.conf import settings
from django.db import IntegrityError, transaction

from catalogue.models import Lot, Product, Scan

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=2048)
def is_robot(user_agent):
    """Crawlers and link-preview fetchers (Facebook, WhatsApp, Telegram, Slack...).

    The crawler-user-agents list is long (about 0.15 ms a check); the same few hundred
    phone user agents make almost all scans, so answers are cached per process.
    """
    return not user_agent or is_crawler(user_agent)


def counts_as_scan(request):
    """Whether this request is a person looking at the page (GET, not a bot, not a prefetch,
    not the page reloading itself after a language switch)."""
    if request.method != "GET":
        return False
    if request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")).startswith("prefetch"):
        return False
    if is_robot(request.headers.get("User-Agent", "")[:512]):
        return False
    return referer_path(request) != request.path


def referer_path(request):
    """The path of the Referer header; "" when there is none or it is not a URL.

    The header is whatever the client sent: `http://[::1` makes urlsplit raise, and a
    malformed Referer must not turn a scan into a server error.
    """
    try:
        return urlsplit(request.headers.get("Referer", "")).path
    except ValueError:
        return ""


# --- the entry point ---------------------------------------------------------------------

# Set by record_scan() when the buffer asks for a flush; flush_when_due() does it once the
# response has gone out.
_flush_due = contextvars.ContextVar("scan_flush_due", default=False)


def now_micros():
    """The time of the scan, microseconds since the epoch (UTC). A function so that tests
    can stand a scan just before midnight."""
    return time.time_ns() // 1000


def record_scan(request, product_id, lot_id, language):
    """Count this request as a scan of the product (and lot), if a person made it.

    The one entry point for every path that serves a trace page (the view, a cached
    response). Cheap: no database, at most one Redis round trip; the write happens later,
    in a batch. A buffer that cannot be reached loses this one count, never the page.
    """
    if not counts_as_scan(request):
        return
    source = Scan.Source.LINK if request.headers.get("Referer") else Scan.Source.QR
    record = encode(product_id, lot_id, language, source, now_micros())
    try:
        due = scan_buffer().append(record)
    except Exception:
        logger.exception("Could not buffer a trace page scan")
        return
    if due:
        _flush_due.set(True)


# --- records -------------------------------------------------------------------------------

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def encode(product_id, lot_id, language, source, micros):
    """One scan as a short line: "<product> <lot or -> <language> <source> <µs since epoch>"."""
    return f"{product_id} {lot_id or '-'} {language} {source} {micros}"


def decode(record):
    """The unsaved Scan of an encoded record (str or bytes); None if it is not one."""
    if isinstance(record, bytes):
        record = record.decode()
    try:
        product_id, lot_id, language, source, micros = record.split(" ")
        return Scan(
            product_id=int(product_id),
            lot_id=None if lot_id == "-" else int(lot_id),
            language=language,
            source=source,
            # Exact to the microsecond (a float division would not be).
            scanned_at=EPOCH + datetime.timedelta(microseconds=int(micros)),
        )
    except ValueError:
        return None


# --- writing -------------------------------------------------------------------------------


def write(records, *, maybe_written=False):
    """Insert the scans of `records` in one transaction; the number inserted.

    Normally one INSERT. Scans of a product or lot deleted since the scan are dropped (a
    stored scan would have been deleted with it). `maybe_written`: the batch a crashed
    flusher may have committed before it could trim it; scans already in the database
    are left out, matched on every column to the microsecond.
    """
    scans = [scan for scan in map(decode, records) if scan is not None]
    if len(scans) < len(records):
        logger.error("Dropped %d malformed scan records", len(records) - len(scans))
    if maybe_written:
        scans = not_yet_written(scans)
    if not scans:
        return 0
    try:
        return insert(scans)
    except IntegrityError:
        products = set(Product.objects.filter(pk__in={s.product_id for s in scans}).values_list("pk", flat=True))
        lots = set(Lot.objects.filter(pk__in={s.lot_id for s in scans if s.lot_id}).values_list("pk", flat=True))
        scans = [s for s in scans if s.product_id in products and (s.lot_id is None or s.lot_id in lots)]
        return insert(scans) if scans else 0


def insert(scans):
    # durable: a flush inside someone else's transaction could be rolled back after the
    # buffer forgot the batch. (Test cases' own transactions are allowed by Django.)
    with transaction.atomic(durable=True):
        Scan.objects.bulk_create(scans, batch_size=500)
    return len(scans)


def row_key(product_id, lot_id, language, source, scanned_at):
    return (product_id, lot_id, language, source, scanned_at)


def not_yet_written(scans):
    """The scans of `scans` that are not in the database (as many times as they occur)."""
    stored = collections.Counter(
        row_key(*row)
        for row in Scan.objects.filter(scanned_at__in={s.scanned_at for s in scans}).values_list(
            "product_id", "lot_id", "language", "source", "scanned_at"
        )
    )
    missing = []
    for scan in scans:
        key = row_key(scan.product_id, scan.lot_id, scan.language, scan.source, scan.scanned_at)
        if stored[key]:
            stored[key] -= 1
        else:
            missing.append(scan)
    return missing


# --- the buffers ---------------------------------------------------------------------------


class MemoryScanBuffer:
    """The worker's own buffer when there is no Redis (one machine, embedded default)."""

    # Past this many unwritten scans (a database down for long) the oldest are dropped,
    # so a worker's memory stays bounded.
    LIMIT = 100_000

    def __init__(self):
        self.records = []
        self.started = 0.0  # time.monotonic() of the oldest unwritten scan
        self.lock = threading.Lock()

    def append(self, record):
        with self.lock:
            if not self.records:
                self.started = time.monotonic()
            self.records.append(record)
        return self.due()

    def due(self):
        """Whether a flush is due: SCANS_FLUSH_EVERY scans waiting, or the oldest is
        SCANS_FLUSH_SECONDS old. No lock: a stale answer only moves a flush by a request."""
        return bool(self.records) and (
            len(self.records) >= settings.SCANS_FLUSH_EVERY
            or time.monotonic() - self.started >= settings.SCANS_FLUSH_SECONDS
        )

    def flush(self):
        with self.lock:
            records, self.records = self.records, []
        if not records:
            return 0
        try:
            return write(records)
        except Exception:
            # Keep them for a later try, SCANS_FLUSH_SECONDS from now (not on every request).
            with self.lock:
                self.records[:0] = records
                del self.records[: max(0, len(self.records) - self.LIMIT)]
                self.started = time.monotonic()
            raise

    def clear(self):
        with self.lock:
            self.records = []

    def __len__(self):
        return len(self.records)


class RedisScanBuffer:
    """The buffer shared by every worker and machine: a Redis list under `key`.

    Keys: `key` (new scans, RPUSH), `key:processing` (the scans a flusher is writing),
    `key:due` (exists for SCANS_FLUSH_SECONDS after a flush was asked for), `key:lock`
    (one flusher at a time).
    """

    BATCH = 1000
    LOCK_SECONDS = 120  # renewed before each batch; a flusher that dies frees it after this

    def __init__(self, client, key):
        self.redis = client
        self.key = key
        self.processing = f"{key}:processing"
        self.due_key = f"{key}:due"
        self.lock_key = f"{key}:lock"

    def append(self, record):
        """RPUSH, and ask for a flush every SCANS_FLUSH_SECONDS (the first scan after the
        `due` key expired) or every SCANS_FLUSH_EVERY scans: one round trip."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.rpush(self.key, record)
        pipe.set(self.due_key, 1, nx=True, ex=settings.SCANS_FLUSH_SECONDS)
        length, asked = pipe.execute()
        return bool(asked) or length % settings.SCANS_FLUSH_EVERY == 0

    def flush(self):
        """Write every buffered scan; the number written (0 if another flusher is at it)."""
        token = uuid.uuid4().hex
        if not self.redis.set(self.lock_key, token, nx=True, ex=self.LOCK_SECONDS):
            return 0
        written = 0
        # A processing list that is there before we moved anything to it was left by a
        # flusher that died: its first batch may be in the database already.
        maybe_written = True
        try:
            while self.still_ours(token):
                batch = self.redis.lrange(self.processing, 0, self.BATCH - 1)
                if not batch:
                    maybe_written = False
                    if not self.take_buffer():
                        break
                    continue
                written += write(batch, maybe_written=maybe_written)
                # Only now: a crash before this line leaves the batch for the next flusher.
                self.redis.ltrim(self.processing, len(batch), -1)
                # A dead flusher wrote at most one batch (the head) without trimming it.
                maybe_written = False
        finally:
            if self.redis.get(self.lock_key) == token.encode():
                self.redis.delete(self.lock_key)
        return written

    def take_buffer(self):
        """Move the new scans to the processing list, atomically (scans pushed meanwhile
        start a new list); False when there are none."""
        try:
            return bool(self.redis.renamenx(self.key, self.processing))
        except redis.ResponseError:  # "no such key": nothing buffered
            return False

    def still_ours(self, token):
        if self.redis.get(self.lock_key) != token.encode():
            logger.warning("Scan flush lock lost; leaving the rest to the next flusher")
            return False
        self.redis.expire(self.lock_key, self.LOCK_SECONDS)
        return True

    def clear(self):
        self.redis.delete(self.key, self.processing, self.due_key, self.lock_key)

    def __len__(self):
        return self.redis.llen(self.key) + self.redis.llen(self.processing)


@functools.lru_cache(maxsize=4)
def _client_for(url):
    # Timeouts: a Redis that hangs costs a scan its count after a second, not the page.
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)


def redis_client():
    """The process's Redis client for scans (its connection pool is reused by every
    request). The one place to swap for a client shared with the cache."""
    return _client_for(settings.SCANS_REDIS_URL)


_memory_buffer = MemoryScanBuffer()


def scan_buffer():
    """Where scans wait: Redis when SCANS_REDIS_URL (by default REDIS_URL) is set, else
    this worker's memory."""
    if settings.SCANS_REDIS_URL:
        return RedisScanBuffer(redis_client(), settings.SCANS_REDIS_KEY)
    return _memory_buffer


def flush_scans():
    """Write every buffered scan now; the number written."""
    return scan_buffer().flush()


# --- when flushes happen --------------------------------------------------------------------


def flush_when_due(**kwargs):
    """request_finished receiver (wired in TraceConfig.ready): the WSGI server sends it when
    it closes a response, after the body was written to the client. Flushes when the
    scan this request recorded asked for it, or (memory buffer) when any request finds the
    worker's buffer due, so an idle trace page does not hold scans back."""
    due = _flush_due.get()
    if due:
        _flush_due.set(False)
    elif settings.SCANS_REDIS_URL or not _memory_buffer.due():
        return
    try:
        flush_scans()
    except Exception:
        # The page has been served already: log, and the scans wait for the next flush.
        logger.exception("Could not write buffered scans")


def flush_before_reading(**kwargs):
    """catalogue.signals.scan_log_read receiver: the admin is about to count scans, so
    write the buffered ones first (all of them with Redis; this worker's without)."""
    try:
        flush_scans()
    except Exception:
        logger.exception("Could not write buffered scans before counting them")


@atexit.register
def _flush_at_exit():
    """A worker that exits (gunicorn's restart after --max-requests, a graceful stop)
    writes what its memory buffer holds. A Redis buffer outlives the worker anyway."""
    if not len(_memory_buffer):
        return
    try:
        _memory_buffer.flush()
    except Exception:
        logger.exception("Could not write %d buffered scans at exit", len(_memory_buffer))
