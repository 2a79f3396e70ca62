"""Upgrading keeps every row: a database migrated and loaded with the demo by the BASELINE
release's code, then migrated by the current code, still holds every table, column and row
it had, `migrate --check` and `makemigrations --check` are clean, and the current code reads
it (every row through the ORM, the home page, the sitemap and a sample of its pages).

Generic on purpose: it knows no model, table or migration, so it keeps checking whatever
later changes bring. It runs on the suite's own database: SQLite in the plain run,
PostgreSQL in .ci/run's second pass (a database of its own, created and dropped here).

Moving the baseline forward after a release: set BASELINE_COMMIT to the released commit,
check BASELINE_COMMANDS against that commit's Makefile (`make run`), and empty the
deliberate renames below that the release already contains.
"""

import pytest
from django.conf import settings

from tests.deploy import upgrade

# The schema before the architecture work (issue #12): what deployed sites run today.
BASELINE_COMMIT = "1428480b74d9849ae7573316be0e5501cd007cbb"
# What that release's `make run` does to a new database: migrate, then the demo catalogue
# (its pictures included, so image rows and their history are part of the data). Without
# `--if-empty-or-demo`, which would skip the demo quietly instead of failing.
BASELINE_COMMANDS = [("migrate", "--noinput"), ("load_demo",)]

# Tables whose rows are not compared, and why:
EXCLUDED_TABLES = {
    # migrate's own bookkeeping: the upgrade adds rows by design; `migrate --check` below
    # checks it instead.
    "django_migrations",
}
# SQLite's own sqlite_* tables (AUTOINCREMENT counters) are never read: upgrade.SqliteDatabase.
# django_session is compared on purpose: shoppers' carts live in sessions, an upgrade must
# not empty them. There is no database cache table (the cache is local memory or Redis).

# Deliberate renames since the baseline, stated here and only here; emptied when the
# baseline moves past them. {"old_table": "new_table"} and {("old_table", "old_column"): "new_column"}.
RENAMED_TABLES = {}
RENAMED_COLUMNS = {
    # Issue #13: the free-text commune became a foreign key to the official list; the text
    # is kept, as it was, under its new name.
    ("villages_village", "current_commune"): "commune_note",
    ("villages_historicalvillage", "current_commune"): "commune_note",
}
# Deliberate rewrites of values by a data migration: the column stays, its values change.
# Issue #14: the 16 first-version product sets were mapped onto the 26 sets of Decision
# 148 (catalogue/0009; tea moved from the beverages group to food), in the products and in
# their change history. tests/catalogue/test_certificate_migration.py checks the mapping.
REWRITTEN_COLUMNS = {
    (table, column)
    for table in ("catalogue_product", "catalogue_historicalproduct")
    for column in ("group", "product_set")
}

pytestmark = pytest.mark.slow


def suite_database():
    return settings.DATABASES["default"]


def suite_runs_on(vendor):
    return vendor in suite_database()["ENGINE"]


@pytest.fixture(scope="module")
def baseline_tree(tmp_path_factory):
    try:
        return upgrade.extract_tree(BASELINE_COMMIT, tmp_path_factory.mktemp("baseline"))
    except upgrade.BaselineUnavailable as why:
        pytest.skip(f"upgrade path from {BASELINE_COMMIT[:7]} not tested: {why}")


@pytest.fixture
def database(request, tmp_path):
    """A new, empty database of the kind the test is parametrised with."""
    if request.param == "sqlite":
        yield upgrade.SqliteDatabase(tmp_path / "upgrade.sqlite3")
        return
    created = upgrade.PostgresDatabase(suite_database())
    try:
        yield created
    finally:
        created.drop()


@pytest.mark.parametrize(
    "database",
    [
        # One database per pass of .ci/run: the suite's own. The result on SQLite does not
        # depend on DATABASE_URL, so the PostgreSQL pass need not repeat it.
        pytest.param(
            "sqlite",
            marks=pytest.mark.skipif(
                not suite_runs_on("sqlite"), reason="upgrade path on SQLite: run by the SQLite pass"
            ),
        ),
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not suite_runs_on("postgresql"), reason="upgrade path on PostgreSQL: set DATABASE_URL=postgres://…"
            ),
        ),
    ],
    indirect=True,
)
def test_upgrading_from_the_baseline_release_keeps_every_row(baseline_tree, database, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    env = {
        "DATABASE_URL": database.url,
        "DEBUG": "0",  # production settings, as `make run` has them
        "SECRET_KEY": "upgrade-path-test-" + "k" * 50,
        "MEDIA_ROOT": str(media),
    }
    old = upgrade.Tree(baseline_tree, env)
    new = upgrade.Tree(upgrade.ROOT, env)
    assert old.imports_itself(), "the baseline's manage.py imported the current tree's packages"

    for command in BASELINE_COMMANDS:
        old.run(*command)
    before = upgrade.snapshot(database, excluded=EXCLUDED_TABLES)
    # The migrations' own rows (districts, crafts, permissions, content types) come to a few
    # hundred; the demo adds thousands. Fewer means the demo was not loaded.
    empty = sorted(table for table, rows in before.items() if not rows.rows)
    assert sum(upgrade.row_counts(before).values()) > 1000, f"the baseline's demo loaded too little; empty: {empty}"

    new.run("migrate", "--noinput")
    after = upgrade.snapshot(database, excluded=EXCLUDED_TABLES)
    problems = upgrade.compare(before, after, RENAMED_TABLES, RENAMED_COLUMNS, rewritten_columns=REWRITTEN_COLUMNS)
    assert not problems, f"upgrading from {BASELINE_COMMIT[:7]} on {database.vendor} loses data:\n" + "\n".join(
        problems
    )

    new.run("migrate", "--check", "--noinput")
    new.run("makemigrations", "--check", "--dry-run", "--noinput")
    # With DEBUG on, the manifest static storage links unhashed names: no collectstatic needed.
    smoke = upgrade.smoke(upgrade.Tree(upgrade.ROOT, {**env, "DEBUG": "1"}))
    read = smoke["orm_counts"]
    fewer = {}
    for table, count in upgrade.row_counts(before).items():
        table = RENAMED_TABLES.get(table, table)
        if table in read and read[table] < count:
            fewer[table] = (count, read[table])
    assert not fewer, f"the current models read fewer rows than the baseline had (table: (baseline, ORM)): {fewer}"
    failing = {path: status for path, status in smoke["statuses"].items() if status != 200}
    assert not failing, f"pages of the upgraded database that do not answer 200: {failing}"
    # Products, producers, villages, showrooms and the static pages, in two languages.
    assert smoke["sitemap_paths"] > 100, "the sitemap of the upgraded demo lists almost nothing"
