"""core.db.analyze(): fresh planner statistics after bulk writes, on PostgreSQL only."""

import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from catalogue.models import Product
from core import cache as ocop_cache
from core.db import analyze


def analyze_count(table):
    """How many times `table` was analysed, as PostgreSQL's statistics report it now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT analyze_count, last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = %s", [table]
        )
        return cursor.fetchone()


def wait_for_more_analyses(table, before, seconds=5):
    # The statistics are shared memory updated as each backend reports: poll briefly.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = analyze_count(table)
        if now[0] > before[0]:
            return now
        time.sleep(0.1)
    return analyze_count(table)


@pytest.mark.django_db
def test_analyze_does_nothing_and_breaks_nothing_on_sqlite():
    if connection.vendor == "postgresql":
        pytest.skip("the SQLite side")
    with transaction.atomic():
        analyze(Product)
    analyze(Product)  # outside a transaction too


@pytest.mark.django_db
def test_generate_catalogue_works_on_sqlite_and_bumps_the_cache():
    before = ocop_cache.generation()
    call_command("generate_catalogue", products=10, no_progress=True, verbosity=0)
    assert ocop_cache.generation() != before


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_analyze_runs_on_postgres_once_the_transaction_commits():
    before = analyze_count("catalogue_product")
    with transaction.atomic():
        analyze(Product)
        assert analyze_count("catalogue_product") == before  # not yet: the rows are not committed
    after = wait_for_more_analyses("catalogue_product", before)
    assert after[0] == before[0] + 1 and after[1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generate_catalogue_ends_with_analyze_on_postgres():
    before = {table: analyze_count(table) for table in ("catalogue_product", "catalogue_producer", "catalogue_lot")}
    call_command("generate_catalogue", products=20, no_progress=True, verbosity=0)
    for table, counted in before.items():
        assert wait_for_more_analyses(table, counted)[0] > counted[0], table
