"""The counts of the whole catalogue on sale (home page, the bare list's facets) are cached
under their own concern (core.cache.COUNTS): an edit that moves no count (a price, a name)
leaves them cached, every edit that moves one shows at once.

A count read from the cache is recognised by its cost: the bare list's four facet queries
(and the home page's three count queries) do not run.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.browsing import page_text

pytestmark = pytest.mark.django_db

LIST = "/products/"
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1"


def get(client, url):
    return page_text(client, url, HTTP_USER_AGENT=PHONE)


def facet_count(html, name, value):
    """The count beside a facet option of the list ("district=gia-lam" … 3), 0 if absent."""
    found = re.search(rf'[?&;]{name}={re.escape(value)}"[^>]*>.*?<span class="count">(\d+)</span>', html, re.S)
    return int(found.group(1)) if found else 0


def home_district_count(html, district):
    found = re.search(
        rf'href="{re.escape(district.get_absolute_url())}">[^<]*<span class="count">(\d+)</span>', html, re.S
    )
    return int(found.group(1)) if found else 0


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return [query["sql"] for query in captured.captured_queries]


def counting(sql):
    """The queries that count products (villages and showrooms are few: counted live)."""
    return [query for query in sql if "COUNT(" in query.upper() and '"catalogue_product"' in query]


@pytest.fixture
def vase():
    return factories.PublishedProductFactory(name="Bình gốm men rạn", stars=4, price=300_000)


def test_a_price_edit_shows_at_once_and_leaves_the_counts_cached(client, vase):
    get(client, LIST), get(client, "/")
    vase.price = 420_000
    vase.save()
    list_sql = count_queries(client, LIST)
    assert "420.000" in get(client, LIST)
    assert list_sql and not counting(list_sql), "the bare list counted again"
    home_sql = count_queries(client, "/")
    assert home_sql and not counting(home_sql), "the home page counted again"


@pytest.mark.parametrize("sort", ["price", "-price", "newest"])
def test_every_sort_order_of_the_bare_list_reads_the_cached_counts(client, vase, sort):
    get(client, f"{LIST}?sort={sort}")
    vase.name = "Bình gốm men rạn cổ"
    vase.save()
    sql = count_queries(client, f"{LIST}?sort={sort}")
    assert "Bình gốm men rạn cổ" in get(client, f"{LIST}?sort={sort}")
    assert not counting(sql)


def test_a_stars_change_moves_the_counts_at_once(client, vase):
    assert facet_count(get(client, LIST), "stars", "5") == 0
    get(client, "/")
    vase.stars = 5
    vase.save()
    assert facet_count(get(client, LIST), "stars", "5") == 1
    assert facet_count(get(client, LIST), "stars", "4") == 0
    home = get(client, "/")
    assert re.search(r'stars=5"><strong>1</strong>', home)


def test_publishing_and_unpublishing_move_the_counts(client, vase):
    district = vase.producer.district
    assert facet_count(get(client, LIST), "district", district.slug) == 1
    assert home_district_count(get(client, "/"), district) == 1
    second = factories.PublishedProductFactory(producer=vase.producer, stars=3)
    assert facet_count(get(client, LIST), "district", district.slug) == 2
    assert home_district_count(get(client, "/"), district) == 2
    second.is_published = False
    second.save()
    assert facet_count(get(client, LIST), "district", district.slug) == 1
    vase.certificate_withdrawn = True
    vase.save()
    assert facet_count(get(client, LIST), "district", district.slug) == 0
    assert home_district_count(get(client, "/"), district) == 0


def test_a_producer_moving_to_another_district_moves_the_counts(client, vase):
    old = vase.producer.district
    new_village = factories.VillageFactory(district_slug="phu-xuyen")
    assert facet_count(get(client, LIST), "district", old.slug) == 1
    producer = vase.producer
    producer.village = new_village
    producer.district = new_village.district
    producer.save()
    html = get(client, LIST)
    assert facet_count(html, "district", old.slug) == 0
    assert facet_count(html, "district", "phu-xuyen") == 1
    assert facet_count(html, "village", new_village.slug) == 1


def test_a_renamed_village_shows_in_the_facets(client, vase):
    get(client, LIST)
    village = vase.producer.village
    village.name = "Làng gốm Kim Lan"
    village.save()
    assert "Làng gốm Kim Lan" in get(client, LIST)


def test_filtered_counts_follow_a_price_or_name_edit(client, vase):
    """A price filter or a search makes a price or a name move the count."""
    assert "1 product" in get(client, "/en/products/?price_max=350000")
    vase.price = 400_000
    vase.save()
    assert "No products" in get(client, "/en/products/?price_max=350000") or "0 products" in get(
        client, "/en/products/?price_max=350000"
    )
    assert facet_count(get(client, f"{LIST}?q=binh+gom"), "stars", "4") == 1
    vase.name = "Lọ hoa men lam"
    vase.save()
    assert facet_count(get(client, f"{LIST}?q=binh+gom"), "stars", "4") == 0


def test_a_list_filtered_by_place_and_stars_reads_cached_counts_after_a_price_edit(client, vase):
    url = f"{LIST}?stars=4&stars=5&district={vase.producer.district.slug}"
    get(client, url)
    vase.price = 410_000
    vase.save()
    sql = count_queries(client, url)
    assert "410.000" in get(client, url)
    assert not counting(sql)
    vase.stars = 3
    vase.save()
    assert facet_count(get(client, url), "stars", "3") == 1


@pytest.mark.parametrize("query", ["in_stock=1", "price_min=100000", "q=binh"])
def test_facets_under_a_price_search_or_stock_filter_follow_every_edit(client, vase, query):
    get(client, f"{LIST}?{query}")
    vase.price = 410_000
    vase.save()
    assert counting(count_queries(client, f"{LIST}?{query}"))
