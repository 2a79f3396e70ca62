"""Cached pages never show stale data: every change that shows is visible on the next request.

Each test warms the cache with a first request (and checks it really is served from the
cache where that matters), changes the data the way the site changes it (a save, an
order's update(), a new day), and reads the page again.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import Product
from core import cache as ocop_cache
from orders import services
from showrooms.models import ShowroomStock
from tests import factories
from tests.browsing import page_text
from tests.language import english_page, english_url

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1"
LIST = "/products/"


def get(client, url):
    return page_text(client, url, HTTP_USER_AGENT=PHONE)


def get_english(client, url):
    """For assertions on English wording, absent ones above all: the page must be English."""
    return english_page(client, url, HTTP_USER_AGENT=PHONE)


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured)


# --- the cache is used at all --------------------------------------------------------------


def test_a_warm_home_page_costs_no_query(client):
    factories.PublishedProductFactory(name="Bình gốm men lam", stars=5)
    get(client, "/")
    assert queries_of(client, "/") == 0


def test_a_warm_trace_page_touches_no_database_and_still_records_the_scan(client, write_scans):
    product = factories.PublishedProductFactory()
    get(client, product.get_trace_url())
    with CaptureQueriesContext(connection) as captured:
        get(client, product.get_trace_url())
    # The page comes from the cache and the scan waits in the buffer: no query at all.
    assert [query["sql"] for query in captured] == []
    write_scans()
    assert product.scans.count() == 2


# --- edits ----------------------------------------------------------------------------------


def test_renamed_product_shows_at_once_on_every_page(client):
    product = factories.PublishedProductFactory(name="Bình gốm men lam", stars=5)
    pages = ["/", LIST, product.get_absolute_url(), product.get_trace_url()]
    for url in pages:
        assert "Bình gốm men lam" in get(client, url)
    product.name_vi = "Lọ hoa men rạn"
    product.save()
    for url in pages:
        html = get(client, url)
        assert "Lọ hoa men rạn" in html and "Bình gốm men lam" not in html, url


def test_new_price_shows_at_once_on_the_list_and_product_page(client):
    product = factories.PublishedProductFactory(price=350_000)
    for url in (LIST, product.get_absolute_url()):
        assert "350.000" in get(client, url)
    edited = Product.objects.get(pk=product.pk)  # a fresh row, as the admin edits one
    edited.price = 420_000
    edited.save()
    for url in (LIST, product.get_absolute_url()):
        html = get(client, url)
        assert "420.000" in html and "350.000" not in html, url


def five_star_count(html):
    """The number the stars facet shows next to "5 stars"."""
    return int(re.search(r'stars=5[^"]*"[^>]*>.*?<span class="count">(\d+)</span>', html, re.S).group(1))


def test_facet_counts_and_filtered_list_follow_an_edit(client):
    product = factories.PublishedProductFactory(stars=4)
    assert five_star_count(get(client, LIST)) == 0
    assert product.name not in get(client, LIST + "?stars=5")
    product.stars = 5
    product.save()
    assert five_star_count(get(client, LIST)) == 1
    assert product.name in get(client, LIST + "?stars=5")


def test_unpublished_product_leaves_the_list_and_its_trace_page(client):
    product = factories.PublishedProductFactory(name="Khăn lụa Vạn Phúc")
    assert "Khăn lụa Vạn Phúc" in get(client, LIST)
    assert client.get(product.get_trace_url(), HTTP_USER_AGENT=PHONE).status_code == 200
    product.is_published = False
    product.save()
    assert "Khăn lụa Vạn Phúc" not in get(client, LIST)
    assert client.get(product.get_trace_url(), HTTP_USER_AGENT=PHONE).status_code == 404


def test_renamed_producer_shows_on_the_trace_page(client):
    product = factories.PublishedProductFactory()
    get(client, product.get_trace_url())
    producer = product.producer
    producer.name = "Hợp tác xã Gốm Bát Tràng Mới"
    producer.save()
    assert "Hợp tác xã Gốm Bát Tràng Mới" in get(client, product.get_trace_url())


# --- writes that bypass save() ----------------------------------------------------------------


def test_stock_after_an_order_shows_at_once(client):
    """Orders decrease stock with update(), which sends no signal."""
    product = factories.PublishedProductFactory(stock_quantity=3)
    assert "Out of stock" not in get_english(client, "/en" + LIST)
    assert "3 in stock" in get_english(client, english_url(product))
    factories.OrderFactory(lines=[(product, 2)])
    assert "1 in stock" in get_english(client, english_url(product))
    factories.OrderFactory(lines=[(product, 1)])
    assert "Out of stock" in get_english(client, english_url(product))
    assert "Out of stock" in get_english(client, "/en" + LIST)


def test_stock_put_back_by_a_cancellation_shows_at_once(client):
    product = factories.PublishedProductFactory(stock_quantity=1)
    order = factories.OrderFactory(lines=[(product, 1)])
    assert "Out of stock" in get_english(client, english_url(product))
    assert "Out of stock" in get_english(client, "/en" + LIST)
    services.change_status(part=order.parts.get(), status="cancelled")
    assert "1 in stock" in get_english(client, english_url(product))
    assert "Out of stock" not in get_english(client, "/en" + LIST)


# --- certificates and showrooms -------------------------------------------------------------


def test_withdrawn_certificate_shows_at_once_on_the_trace_page(client):
    product = factories.PublishedProductFactory()
    client.cookies["django_language"] = "en"
    assert "certificate withdrawn" not in get_english(client, product.get_trace_url())
    product.certificate_withdrawn = True
    product.certificate_withdrawn_reason = "Vi phạm tiêu chuẩn"
    product.save()
    html = get_english(client, product.get_trace_url())
    assert "OCOP certificate withdrawn" in html and "Vi phạm tiêu chuẩn" in html


def test_showroom_stock_shows_at_once_on_the_product_and_trace_pages(client):
    product = factories.PublishedProductFactory()
    showroom = factories.ShowroomFactory(name="Điểm bán OCOP Hoàn Kiếm")
    pages = [product.get_absolute_url(), product.get_trace_url()]
    for url in pages:
        assert "Điểm bán OCOP Hoàn Kiếm" not in get(client, url)
    ShowroomStock.objects.create(showroom=showroom, product=product)
    for url in pages:
        assert "Điểm bán OCOP Hoàn Kiếm" in get(client, url), url
    ShowroomStock.objects.filter(showroom=showroom).delete()
    for url in pages:
        assert "Điểm bán OCOP Hoàn Kiếm" not in get(client, url), url


def test_certificate_expiring_overnight_shows_the_next_day(client, monkeypatch):
    """No row changes at midnight: the date in every key makes the cached pages stale."""
    today = timezone.localdate()
    product = factories.PublishedProductFactory(certificate_valid_until=today)
    client.cookies["django_language"] = "en"
    assert "OCOP certificate expired" not in get_english(client, product.get_trace_url())
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    assert "OCOP certificate expired" in get_english(client, product.get_trace_url())
    assert "This certificate has expired" in get_english(client, english_url(product))


# --- the mechanism itself -----------------------------------------------------------------------


def test_bump_makes_every_key_new():
    before = ocop_cache.key("facets", "vi")
    ocop_cache.bump()
    assert ocop_cache.key("facets", "vi") != before


def test_generation_survives_losing_its_key():
    """An evicted generation restarts from the clock, never from an old number."""
    first = ocop_cache.generation()
    ocop_cache.bump()
    cache.delete("ocop:generation:catalogue")
    assert ocop_cache.generation() > first


# --- generations started only for what is worth keeping ----------------------------------


def test_a_value_built_for_a_new_concern_is_kept_once_it_is_started():
    built = []

    def build():
        built.append(1)
        return "record"

    assert ocop_cache.get_or_set("thing", ["a"], build, concern=("catalogue", "trace:NEW")) == "record"
    assert ocop_cache.get_or_set("thing", ["a"], build, concern=("catalogue", "trace:NEW")) == "record"
    assert len(built) == 1


def test_nothing_is_started_for_an_unknown_code():
    assert ocop_cache.get_or_set("thing", ["a"], lambda: None, concern=("catalogue", "trace:JUNK")) is None
    assert ocop_cache.read_generations("trace:JUNK").version() is None


def test_a_value_built_while_a_write_started_the_concern_is_not_kept():
    """A reader finds no generation, builds from the rows as they were; a write then bumps
    (starting the generation). What the reader built must not be stored under it."""
    generations = ocop_cache.read_generations(("catalogue", "trace:RACE"))
    assert generations.version() is None
    ocop_cache.bump("trace:RACE")  # the write
    assert generations.start_missing() is None
    assert generations.version() is None
