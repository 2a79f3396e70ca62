"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

How to run and skip (also in docs/architecture.md):

- They need /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it). Playwright's
  own browser downloads are never used (`playwright install` is not needed, and is blocked
  on these machines). Without Chromium, or with E2E=0, every test here is skipped and the
  run ends with a line saying why.
- The accessibility checks also need axe-core from npm: `npm ci --prefix tests/e2e`
  (.ci/run does it). Without it only those checks are skipped, again with a reason.
- E2E_SCREENSHOTS=1 regenerates docs/screenshots/ (test_screenshots.py); otherwise that
  test is skipped.

Each test gets the transactional database that live_server needs, with serialized_rollback
bringing back the districts and crafts of the data migrations that the flush removes
(see _restore_migration_data for why that needs help while Playwright runs). They work
under pytest-xdist (-n 2): each worker has its own database, live server and Chromium.
"""

import os
import shutil
from pathlib import Path

import pytest

from .helpers import DESKTOP, PHONE

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
AXE_FAILING_IMPACTS = ("moderate", "serious", "critical")


def _skip_reason():
    if os.environ.get("E2E", "1").strip().lower() in {"0", "no", "false", "off"}:
        return "browser tests turned off with E2E=0"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        return (
            f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
            "(or point E2E_CHROMIUM at one), or set E2E=0 to skip browser tests"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install -e '.[dev]'"
    return None


SKIP_REASON = _skip_reason()


def _is_mine(item):
    return HERE in Path(str(item.path)).parents


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Playwright's sync API runs an event loop in the test's thread, so Django refuses the
    test's own ORM calls (factories, assertions, the flush) as "async-unsafe" unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set. Set it only while a browser test runs: a process-wide
    setting would leak into other tests' subprocesses (manage.py check --deploy fails on it).
    """
    if not _is_mine(item) or SKIP_REASON:
        return (yield)
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: browser test (Playwright + Chromium against live_server)")
    # pytest-base-url (a pytest-playwright dependency) defines base_url in a way pytest 9
    # deprecates; nothing here uses base_url.
    config.addinivalue_line(
        "filterwarnings", "ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"
    )


def pytest_collection_modifyitems(config, items):
    mine = [item for item in items if _is_mine(item)]
    for item in mine:
        item.add_marker(pytest.mark.e2e)
        # live_server needs committed data; the flush that follows each test would also
        # remove the districts and crafts that the data migrations made: serialize them.
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
        if SKIP_REASON:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say at the end of the run why browser tests were skipped (pytest only counts them)."""
    reasons = set()
    for report in terminalreporter.stats.get("skipped", []):
        if report.nodeid.startswith("tests/e2e/") and isinstance(report.longrepr, tuple):
            reasons.add(report.longrepr[2].removeprefix("Skipped: "))
    for reason in sorted(reasons):
        terminalreporter.write_line(f"tests/e2e skipped: {reason}", yellow=True, bold=True)


# --- pytest-playwright fixtures ------------------------------------------------------------
# pytest-playwright keeps Playwright running for the whole session. Its sync API runs an
# event loop in the main thread, which makes every later ORM call in that process look
# "async" to Django: tests that pytest or xdist runs after these ones, and the test
# database's teardown, would fail. So Playwright, the browser and its settings live only
# as long as this package's tests ("package" scope), overriding the plugin's fixtures.


@pytest.fixture(scope="package")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="package")
def browser_type(playwright):
    return playwright.chromium


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="package")
def browser(browser_type, browser_type_launch_args):
    launched = browser_type.launch(**browser_type_launch_args)
    yield launched
    launched.close()


@pytest.fixture(scope="package")
def browser_context_args():
    """The desktop shopper: a 1280-wide window, a Vietnamese browser."""
    return {"viewport": DESKTOP, "locale": "vi-VN"}


@pytest.fixture(scope="session")
def _migration_data(django_db_setup):
    """What the data migrations put in the test database (districts, crafts...), as Django
    serialized it for serialized_rollback, read before Playwright starts."""
    from django.db import connections

    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


@pytest.fixture(autouse=True)
def _restore_migration_data(_migration_data, django_db_blocker):
    """Make serialized_rollback work while Playwright runs.

    With Playwright's loop running, Django hands the test thread new connection objects,
    which lack the serialized data; Django then skips reloading it before the test (and
    runs post_migrate after the flush). Give them the data and load it if it was skipped.
    """
    from django.db import connections

    def attach():
        missing = []
        for alias, contents in _migration_data.items():
            if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
                missing.append(alias)
        return missing

    with django_db_blocker.unblock():
        for alias in attach():
            connections[alias].creation.deserialize_db_from_string(_migration_data[alias])
    yield
    attach()


@pytest.fixture
def phone_context(browser, browser_context_args):
    """A phone (390 × 844, touch) whose browser asks for English: the tourist."""
    context = browser.new_context(
        **{**browser_context_args, "viewport": PHONE, "locale": "en-US"},
        is_mobile=True,
        has_touch=True,
        extra_http_headers={"Accept-Language": "en-US,en;q=0.9"},
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(page):
    # Fail fast: a missing element should fail in seconds, not after Playwright's 30.
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def run_axe():
    """Run axe-core in a page; returns its moderate, serious and critical violations.

    The issue asks for no serious or critical ones; the pages had only three moderate ones
    (content outside landmarks, two unnamed search landmarks, a skipped heading level),
    fixed in the templates, so moderate ones fail too and stay fixed. Minor ones do not.
    """
    if not AXE_JS.is_file():
        pytest.skip("axe-core is not installed: run `npm ci --prefix tests/e2e`")
    source = AXE_JS.read_text(encoding="utf-8")

    def run(page):
        page.add_script_tag(content=source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
                resultTypes: ["violations"],
            })"""
        )
        return [v for v in result["violations"] if v["impact"] in AXE_FAILING_IMPACTS]

    return run
