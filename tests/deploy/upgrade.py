"""What the upgrade-path test (test_upgrade_path.py) needs: an older tree of this repository,
its commands run in a subprocess, and every row of a database read by plain SQL.

Nothing here uses the ORM to read the data: the ORM of the current tree describes the
schema after the upgrade, so it cannot say what was there before. Rows are read with
sqlite3 or psycopg2 and compared as values.
"""

import collections
import datetime
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent.parent
# Runs a tree's manage.py with that tree's packages only (see its docstring).
ISOLATED = Path(__file__).resolve().parent / "isolated.py"

# Variables of the environment a subprocess keeps; everything else is dropped, so that the
# suite's own settings (DJANGO_SETTINGS_MODULE=settings_test, DATABASE_URL, REDIS_URL,
# SITE_URL…) never reach the trees under test. They get only what `settings` reads.
KEPT_ENVIRONMENT = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")


class BaselineUnavailable(Exception):
    """The baseline commit cannot be extracted here (no git, no repository, shallow clone)."""


def extract_tree(commit, destination, repository=ROOT):
    """Write the files of `commit` into `destination` with `git archive`. Raises
    BaselineUnavailable saying why when that cannot be done."""
    if shutil.which("git") is None:
        raise BaselineUnavailable("git is not installed")
    probe = subprocess.run(["git", "-C", str(repository), "rev-parse", "--git-dir"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise BaselineUnavailable(f"{repository} is not a git repository (a tarball?)")
    found = subprocess.run(
        ["git", "-C", str(repository), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True, text=True
    )
    if found.returncode != 0:
        raise BaselineUnavailable(f"commit {commit} is not in this clone (shallow? `git fetch --unshallow`)")
    destination.mkdir(parents=True, exist_ok=True)
    archive = subprocess.Popen(["git", "-C", str(repository), "archive", commit], stdout=subprocess.PIPE)
    untar = subprocess.run(["tar", "-x", "-C", str(destination)], stdin=archive.stdout, capture_output=True)
    archive.stdout.close()
    if archive.wait() != 0 or untar.returncode != 0:
        raise BaselineUnavailable(f"`git archive {commit}` failed: {untar.stderr.decode(errors='replace')}")
    return destination


class Tree:
    """One tree of the project (the baseline's or the current one), whose `manage.py` runs
    in a subprocess with this venv's Python and the given settings environment."""

    def __init__(self, path, env):
        self.path = Path(path)
        self.env = {name: os.environ[name] for name in KEPT_ENVIRONMENT if name in os.environ}
        self.env.update(env)

    def run(self, *args, timeout=600):
        """Run `manage.py *args`; fail (AssertionError with its output) if it fails."""
        return self.python(str(self.path / "manage.py"), *args, timeout=timeout)

    def python(self, *args, timeout=600):
        result = subprocess.run(
            [sys.executable, str(ISOLATED), *args],
            cwd=self.path,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        command = " ".join(args[1:] if args and args[0].endswith("manage.py") else args)
        assert result.returncode == 0, (
            f"`{command}` failed in {self.path} (exit {result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
        )
        return result.stdout

    def imports_itself(self):
        """True when this tree's Python packages, not the venv's editable install of the
        current tree, are what its manage.py imports."""
        where = self.python("-c", "import ocop_site; print(ocop_site.__file__)").strip()
        return Path(where).resolve().is_relative_to(self.path.resolve())


# --- Databases --------------------------------------------------------------------------------


class SqliteDatabase:
    vendor = "sqlite"

    def __init__(self, path):
        self.path = Path(path)

    @property
    def url(self):
        return f"sqlite:///{self.path}"

    def connect(self):
        import sqlite3

        return sqlite3.connect(self.path)

    def tables(self, cursor):
        # sqlite_* tables are SQLite's own bookkeeping (sqlite_sequence: the AUTOINCREMENT
        # counters, rewritten when Django rebuilds a table), not data.
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        return sorted(row[0] for row in cursor.fetchall())

    def columns(self, cursor, table):
        """[(column, is part of the primary key)] in the table's order."""
        cursor.execute(f"PRAGMA table_info({quote_name(table)})")
        return [(row[1], row[5] > 0) for row in cursor.fetchall()]

    def drop(self):
        pass


class PostgresDatabase:
    """A database of its own on the suite's PostgreSQL server, created here and dropped by
    `drop()`; the suite's own test database is never touched."""

    vendor = "postgresql"

    def __init__(self, server):
        """`server`: the suite's settings.DATABASES['default'] (host, port, user, password)."""
        self.server = {
            "host": server.get("HOST") or "127.0.0.1",
            "port": str(server.get("PORT") or 5432),
            "user": server.get("USER") or "postgres",
            "password": server.get("PASSWORD") or "",
        }
        self.name = f"ocop_upgrade_{uuid.uuid4().hex[:12]}"
        with self._maintenance() as cursor:
            cursor.execute(f"CREATE DATABASE {quote_name(self.name)}")

    def _maintenance(self):
        import contextlib

        import psycopg2

        @contextlib.contextmanager
        def cursor():
            connection = psycopg2.connect(dbname="postgres", **self.server)
            connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
            try:
                with connection.cursor() as cur:
                    yield cur
            finally:
                connection.close()

        return cursor()

    @property
    def url(self):
        s = self.server
        credentials = quote(s["user"], safe="") + (":" + quote(s["password"], safe="") if s["password"] else "")
        return f"postgres://{credentials}@{s['host']}:{s['port']}/{self.name}"

    def connect(self):
        import psycopg2

        return psycopg2.connect(dbname=self.name, **self.server)

    def tables(self, cursor):
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        return sorted(row[0] for row in cursor.fetchall())

    def columns(self, cursor, table):
        cursor.execute(
            "SELECT c.column_name, EXISTS ("
            "  SELECT 1 FROM information_schema.table_constraints t"
            "  JOIN information_schema.key_column_usage k"
            "    ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema"
            "  WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = 'public'"
            "    AND t.table_name = c.table_name AND k.column_name = c.column_name)"
            " FROM information_schema.columns c"
            " WHERE c.table_schema = 'public' AND c.table_name = %s ORDER BY c.ordinal_position",
            [table],
        )
        return [(name, bool(is_key)) for name, is_key in cursor.fetchall()]

    def drop(self):
        with self._maintenance() as cursor:
            # FORCE: a subprocess that failed may have left a connection open.
            cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(self.name)} WITH (FORCE)")


def quote_name(name):
    return '"' + name.replace('"', '""') + '"'


# --- Snapshots and their comparison -------------------------------------------------------------

TableRows = collections.namedtuple("TableRows", "columns key rows")


def snapshot(database, excluded=()):
    """{table: TableRows(columns, key columns, rows as tuples)} for every table but `excluded`."""
    connection = database.connect()
    try:
        cursor = connection.cursor()
        tables = {}
        for table in database.tables(cursor):
            if table in excluded:
                continue
            described = database.columns(cursor, table)
            columns = [name for name, _ in described]
            key = [name for name, is_key in described if is_key]
            cursor.execute(f"SELECT {', '.join(map(quote_name, columns))} FROM {quote_name(table)}")
            tables[table] = TableRows(columns, key, [tuple(map(plain, row)) for row in cursor.fetchall()])
        return tables
    finally:
        connection.close()


def plain(value):
    """A value that compares, hashes and prints the same from either driver (bytea comes back
    as a memoryview, json as dicts and lists)."""
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return value


def compare(before, after, renamed_tables=None, renamed_columns=None, sample=3, rewritten_columns=()):
    """Problems (one line each, naming the table and sample rows) with `after` as an upgrade
    of `before`: a table or column gone, a row gone or changed in a column it had. New
    tables, columns and rows are fine.

    renamed_tables {old: new} and renamed_columns {(old table, old column): new column} are
    the deliberate renames, followed instead of reported; rewritten_columns {(table, column)}
    the deliberate rewrites of values by a data migration, whose column must stay but whose
    values are not compared."""
    renamed_tables = renamed_tables or {}
    renamed_columns = renamed_columns or {}
    problems = []
    gone = []
    for table, old in sorted(before.items()):
        new_name = renamed_tables.get(table, table)
        if new_name not in after:
            gone.append(table if new_name == table else f"{table} (renamed to {new_name}?)")
            continue
        new = after[new_name]
        mapped = {column: renamed_columns.get((table, column), column) for column in old.columns}
        missing_columns = [column for column, target in mapped.items() if target not in new.columns]
        if missing_columns:
            problems.append(
                f"{table}: column(s) gone after the upgrade: {', '.join(missing_columns)} "
                f"(their values in {len(old.rows)} row(s) are lost)"
            )
        kept = [
            column
            for column in old.columns
            if column not in missing_columns and (table, column) not in rewritten_columns
        ]
        problems.extend(compare_rows(table, old, new, kept, [mapped[c] for c in kept], sample))
    if gone:
        problems.insert(0, f"table(s) gone after the upgrade: {', '.join(gone)}")
    return problems


def compare_rows(table, old, new, old_columns, new_columns, sample):
    """Rows of `old` (in old_columns) missing or changed in `new` (in new_columns)."""
    take_old = [old.columns.index(c) for c in old_columns]
    take_new = [new.columns.index(c) for c in new_columns]
    before = [tuple(row[i] for i in take_old) for row in old.rows]
    after = [tuple(row[i] for i in take_new) for row in new.rows]
    key = [c for c in old.key if c in old_columns]
    if key:
        # Rows matched by primary key: a row whose key is gone is missing, one whose other
        # values differ is changed (and the message says which columns).
        at = [old_columns.index(c) for c in key]
        after_by_key = {tuple(row[i] for i in at): row for row in after}
        missing, changed = [], []
        for row in before:
            row_key = tuple(row[i] for i in at)
            if row_key not in after_by_key:
                missing.append(describe(old_columns, row))
            elif after_by_key[row_key] != row:
                differences = [
                    f"{column}: {shown(was)} -> {shown(now)}"
                    for column, was, now in zip(old_columns, row, after_by_key[row_key])
                    if was != now
                ]
                changed.append(f"{key_text(key, row_key)}: " + ", ".join(differences))
    else:
        # No primary key (none of Django's tables): rows compared whole, as a multiset.
        left = collections.Counter(before) - collections.Counter(after)
        missing = [describe(old_columns, row) for row in left.elements()]
        changed = []
    problems = []
    if missing:
        problems.append(
            f"{table}: {len(missing)} of {len(before)} row(s) missing after the upgrade, e.g. "
            + "; ".join(missing[:sample])
        )
    if changed:
        problems.append(
            f"{table}: {len(changed)} of {len(before)} row(s) changed by the upgrade, e.g. "
            + "; ".join(changed[:sample])
        )
    return problems


def key_text(key, values):
    return ", ".join(f"{column}={shown(value)}" for column, value in zip(key, values))


def describe(columns, row):
    """A row as `{column: value, …}`."""
    return "{" + ", ".join(f"{column}: {shown(value)}" for column, value in zip(columns, row)) + "}"


def shown(value, width=60):
    """A value for a message: dates as ISO text (psycopg2's repr as datetime.datetime(…,
    tzinfo=…)), long values cut."""
    text = value.isoformat() if isinstance(value, (datetime.date, datetime.time)) else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def row_counts(tables):
    return {table: len(rows.rows) for table, rows in tables.items()}


# --- The smoke check the current tree runs on the upgraded database ---------------------------

# Run with `manage.py shell -c` by the CURRENT tree: every row of every model read through
# the ORM (so each column the models declare must exist and decode), then the home page, the
# sitemap and a sample of the pages it lists rendered by the test client. Prints JSON.
SMOKE_SCRIPT = """
import json
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.apps import apps
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()  # the test client's host, like any test
counts = {}
for model in apps.get_models(include_auto_created=True):
    if model._meta.proxy or not model._meta.managed:
        continue
    counts[model._meta.db_table] = sum(1 for _ in model._base_manager.all().iterator())
client = Client()
statuses = {}
home = client.get("/", follow=True)
statuses["/"] = home.status_code
sitemap = client.get("/sitemap.xml")
statuses["/sitemap.xml"] = sitemap.status_code
paths = []
if sitemap.status_code == 200:
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    paths = [urlsplit(loc.text).path for loc in ElementTree.fromstring(sitemap.content).iter(namespace + "loc")]
for path in paths[:: max(1, len(paths) // SAMPLE)]:
    statuses[path] = client.get(path).status_code
print(json.dumps({"orm_counts": counts, "sitemap_paths": len(paths), "statuses": statuses}))
"""


def smoke(tree, sample=25):
    """What the current tree reads from the upgraded database (see SMOKE_SCRIPT)."""
    output = tree.run("shell", "--no-imports", "-c", SMOKE_SCRIPT.replace("SAMPLE", str(sample)))
    return json.loads(output.strip().splitlines()[-1])
