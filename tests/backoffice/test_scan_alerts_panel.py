"""The officer dashboard's panel of suspicious scans (traceability/alerts.py): yesterday's
alerts of the officer's districts only, each with its figures and a link to the product."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from backoffice.dashboard import scan_alerts_panel
from tests import factories
from tests.factories import make_scans

pytestmark = pytest.mark.django_db

DAY = factories.FROZEN_TODAY - datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _frozen(today):
    """The dashboard reports DAY, the day before the frozen today."""


def product_in(district_slug, name):
    producer = factories.ProducerFactory(village=factories.VillageFactory(district_slug=district_slug))
    return factories.PublishedProductFactory(name=name, producer=producer)


def page_text(body):
    """The page's words as a reader sees them, one space between."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(body)))


def dashboard(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def scan_panel(body):
    """The text of the dashboard's suspicious-scans panel (other panels name products too)."""
    [panel] = [
        section
        for section in body.split("<section")[1:]
        if "Suspicious scans on" in section or "Lượt quét bất thường ngày" in section
    ]
    return page_text("<section" + panel.split("</section>")[0])


def test_an_officer_sees_their_districts_alerts_with_figures_and_a_link(english_officer_client):
    own = product_in("phu-xuyen", "Sơn mài Phú Xuyên")
    other = product_in("gia-lam", "Gốm Gia Lâm")
    make_scans(own, 20, on=DAY)
    make_scans(other, 40, on=DAY)
    body = dashboard(english_officer_client)
    text = scan_panel(body)
    assert "Suspicious scans on 31 May 2026 (1)" in text
    assert (
        "The product's own QR code was scanned 20 times on 31 May 2026; its usual rate is 0 a day "
        "(median of the 28 days before). Alert threshold: 20 (5 times the usual rate, at least 20)."
    ) in text
    assert f'href="{reverse("admin:catalogue_product_change", args=[own.pk])}"' in body
    assert "Gốm Gia Lâm" not in page_text(body)
    assert reverse("admin:catalogue_product_change", args=[other.pk]) not in body


def test_the_panel_speaks_vietnamese_to_a_vietnamese_officer(officer_client):
    lot = factories.LotFactory(
        product=product_in("phu-xuyen", "Sơn mài Phú Xuyên"), best_before=DAY - datetime.timedelta(days=10)
    )
    make_scans(lot, 5, on=DAY)
    text = scan_panel(dashboard(officer_client))
    assert "Lượt quét bất thường ngày 31/05/2026 (1)" in text
    assert "Sơn mài Phú Xuyên · lô L2601-01" in text
    assert "Lô L2601-01, hạn sử dụng 21/05/2026, vẫn được quét 5 lần ngày 31/05/2026." in text


@pytest.mark.parametrize(("scans", "shown"), [(19, False), (20, True)])
def test_an_alert_shows_exactly_from_its_threshold(english_officer_client, scans, shown):
    make_scans(product_in("phu-xuyen", "Sơn mài Phú Xuyên"), scans, on=DAY)
    text = scan_panel(dashboard(english_officer_client))
    assert ("Sơn mài Phú Xuyên" in text) is shown
    assert ("None: no code was scanned unusually." in text) is not shown


def test_scans_of_today_wait_for_tomorrows_dashboard(english_officer_client):
    make_scans(product_in("phu-xuyen", "Sơn mài Phú Xuyên"), 50, on=factories.FROZEN_TODAY)
    assert "None: no code was scanned unusually." in scan_panel(dashboard(english_officer_client))


def test_a_city_administrator_sees_every_districts_alerts(city_admin_client):
    make_scans(product_in("phu-xuyen", "Sơn mài Phú Xuyên"), 20, on=DAY)
    make_scans(factories.WithdrawnProductFactory(producer=product_in("gia-lam", "Gốm").producer, name="Nón"), 5, on=DAY)
    text = scan_panel(dashboard(city_admin_client))
    assert "Sơn mài Phú Xuyên" in text and "Nón" in text


def test_the_panel_costs_the_same_queries_with_one_alert_or_many(officer, django_assert_max_num_queries):
    def add_alerts(count, start):
        for n in range(start, start + count):
            product = product_in("phu-xuyen", f"Sản phẩm {n}")
            make_scans(product, 20, on=DAY)
            make_scans(factories.LotFactory(product=product, best_before=DAY - datetime.timedelta(days=1)), 5, on=DAY)

    # Who the officer is (two permission queries and their districts, read once per
    # request), the day's codes, their history, lots past their date, lapsed products,
    # then the products and lots named: 9, whatever the number of alerts.
    add_alerts(1, 0)
    with django_assert_max_num_queries(9):
        assert scan_alerts_panel(officer, factories.FROZEN_TODAY).total == 2
    officer = type(officer).objects.get(pk=officer.pk)  # a new request's user: nothing read yet
    add_alerts(9, 1)
    with django_assert_max_num_queries(9):
        assert scan_alerts_panel(officer, factories.FROZEN_TODAY).total == 20


def test_the_dashboard_with_alerts_stays_within_its_query_budget(english_officer_client, django_assert_max_num_queries):
    for n in range(10):
        product = product_in("phu-xuyen", f"Sản phẩm {n}")
        make_scans(product, 20, on=DAY)
        make_scans(factories.LotFactory(product=product, best_before=DAY - datetime.timedelta(days=1)), 5, on=DAY)
    # The other panels and the admin's own (16, with the count of reviews waiting for
    # moderation), and the alerts' six.
    with django_assert_max_num_queries(22):
        body = dashboard(english_officer_client)
    assert "Suspicious scans on 31 May 2026 (20)" in page_text(body)
