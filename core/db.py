"""Database chores that do not depend on any app."""

from django.db import connection, transaction


def analyze(*models):
    """Refresh PostgreSQL's planner statistics for the tables of `models` (nothing elsewhere).

    After a bulk write (generate_catalogue, a CSV import) the statistics describe the old
    tables until autovacuum gets round to them, and the planner picks plans for a table of
    a few hundred rows: at 100,000 products, the two-filter list took 1.6 s a request
    instead of 15 ms (issue 16). Inside a transaction it runs once the transaction has
    committed, so that the sample sees the new rows.
    """
    if connection.vendor != "postgresql":
        return
    tables = list(dict.fromkeys(model._meta.db_table for model in models))

    def run():
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

    transaction.on_commit(run, robust=True)
