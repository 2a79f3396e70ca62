import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone, translation


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Each test starts with an empty cache and the default language (Vietnamese).

    A request to an /en/ page leaves English active in the thread; without this, the
    language a test runs in would depend on the tests before it.
    """
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_scan_buffer():
    """Scans wait in a buffer (traceability/scans.py) that outlives a test: a scan left
    in it would be written during a later test, whose database no longer has its product."""
    from traceability.scans import scan_buffer

    scan_buffer().clear()
    yield
    scan_buffer().clear()


@pytest.fixture
def write_scans():
    """Write the scans trace pages have buffered: call it before reading the scan log."""
    from traceability.scans import flush_scans

    return flush_scans


@pytest.fixture
def english_site():
    """For tests that read the English wording: with English active, reverse() gives
    the /en/ URLs, so they browse the English site."""
    with translation.override("en"):
        yield


@pytest.fixture
def on_postgres():
    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only when DATABASE_URL points at PostgreSQL."""
    import os

    if os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def world():
    """One listing (village, producer, product, lot, showroom) in Phú Xuyên, one in Gia Lâm."""
    from tests.scope import listing_in

    return {"own": listing_in("phu-xuyen", "Phú Xuyên"), "other": listing_in("gia-lam", "Gia Lâm")}


@pytest.fixture
def officer(db):
    """The Phú Xuyên district officer (officer.px)."""
    from tests import factories

    return factories.OfficerFactory(username="officer.px", districts=["phu-xuyen"])


@pytest.fixture
def officer_client(client, officer):
    """A client signed in as the Phú Xuyên district officer."""
    client.force_login(officer)
    return client


@pytest.fixture
def english_officer_client(officer_client, settings):
    """The Phú Xuyên officer with the admin in English. The admin is outside the /en/
    prefix: it takes the language cookie."""
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return officer_client


@pytest.fixture
def importing_officer(english_officer_client):
    """The Phú Xuyên officer with the admin in English, and one producer of theirs
    (son-mai-son-ha) for import files to name."""
    from tests import factories

    factories.ProducerFactory(
        name="Sơn mài Sơn Hà",
        slug="son-mai-son-ha",
        village=factories.VillageFactory(name="Sơn Hà", district_slug="phu-xuyen"),
    )
    return english_officer_client


@pytest.fixture
def city_admin_client(client):
    """A client signed in as a city administrator (a superuser: every district)."""
    from tests import factories

    client.force_login(factories.CityAdminFactory())
    return client


@pytest.fixture
def today(monkeypatch):
    """Freeze the local (Hanoi) date that certificate status, caches and factories read
    (django.utils.timezone.localdate) at FROZEN_TODAY; `today.move_to(day)` moves it."""

    from tests.factories import FROZEN_TODAY

    class Clock:
        date = FROZEN_TODAY

        def move_to(self, day):
            self.date = day

    clock = Clock()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: clock.date)
    return clock


@pytest.fixture
def media_root(settings, tmp_path):
    """This test's uploads in a directory of its own, which the app's /media/ serves
    (SERVE_MEDIA; core.views.serve_media reads MEDIA_ROOT on each request)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
