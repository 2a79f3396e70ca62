"""Trigram indexes for accent-insensitive search on PostgreSQL.

Product.search_name and search_text hold folded text (lower-case, no diacritics), made
in Python by core.text.fold, so no unaccent() is needed at query time and the same
search runs on SQLite. On PostgreSQL, GIN gin_trgm_ops indexes let `LIKE '%word%'`
use an index instead of scanning the table. SQLite gets nothing here (no trigram support;
the demo catalogue is small enough to scan).
"""

from django.db import migrations

INDEXES = {
    "product_search_name_trgm": "search_name",
    "product_search_text_trgm": "search_text",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON catalogue_product "
            f"USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(create_indexes, drop_indexes)]
