"""The product list's parts, each tested on its own: canonical query strings
(catalogue/querystrings.py), chips (catalogue/chips.py) and facets (catalogue/facets.py).

tests/catalogue/test_list.py tests them together through the page.
"""

from urllib.parse import parse_qsl, urlencode

import pytest
from django.http import QueryDict
from django.utils import translation

from catalogue import querystrings
from catalogue.chips import chips
from catalogue.facets import MOST_OPTIONS, cached_facets, facets
from catalogue.filters import ProductFilter
from catalogue.models import Product
from tests import factories

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def product_filter(query):
    """The list's FilterSet for a query string, over what the list starts from."""
    return ProductFilter(QueryDict(query), queryset=Product.objects.published())


@pytest.fixture
def shelf():
    """Five products on sale in three districts, two of them in craft villages, and one
    whose certificate expired (counted only under status=expired)."""
    bat_trang = factories.ProducerFactory(
        village=factories.VillageFactory(name="Bát Tràng", slug="bat-trang", district_slug="gia-lam")
    )
    van_phuc = factories.ProducerFactory(
        village=factories.VillageFactory(
            name="Vạn Phúc", slug="van-phuc", district_slug="ha-dong", crafts=("silk-weaving",)
        )
    )
    in_town = factories.ProducerFactory(district_slug="hoan-kiem")
    rows = [
        # name, producer, craft, stars, group, product set, price, stock
        ("Bình gốm", bat_trang, "ceramics", 5, "handicrafts", "handicrafts-decor", 900_000, 3),
        ("Cốc gốm", bat_trang, "ceramics", 3, "handicrafts", "handicrafts-decor", 120_000, 0),
        ("Khăn lụa", van_phuc, "silk-weaving", 4, "handicrafts", "handicrafts-fabric", 450_000, 5),
        ("Trà sen", in_town, "lotus-tea", 4, "food", "food-tea", 200_000, 9),
        ("Bánh cốm", in_town, None, 3, "food", "food-cereal-products", 60_000, 20),
    ]
    for name, producer, craft, stars, group, product_set, price, stock in rows:
        factories.PublishedProductFactory(
            name=name,
            producer=producer,
            craft_slug=craft,
            stars=stars,
            group=group,
            product_set=product_set,
            price=price,
            stock_quantity=stock,
        )
    factories.ExpiredProductFactory(name="Đĩa gốm hết hạn", producer=bat_trang, stars=5)


# --- canonical query strings ------------------------------------------------------------
def test_parameters_come_in_one_order_whatever_the_link_gave(shelf):
    scrambled = (
        "sort=price&status=expired&in_stock=1&price_max=500000&price_min=100000&stars=5"
        "&group=handicrafts&craft=ceramics&village=bat-trang&district=gia-lam&q=gom"
    )
    assert querystrings.query_string(product_filter(scrambled).values) == (
        "q=gom&district=gia-lam&village=bat-trang&craft=ceramics&group=handicrafts&stars=5"
        "&price_min=100000&price_max=500000&in_stock=1&status=expired&sort=price"
    )


def test_values_of_one_parameter_keep_their_order_without_repeats(shelf):
    values = product_filter("stars=3&stars=5&stars=3").values
    assert querystrings.params(values) == [("stars", "3"), ("stars", "5")]


@pytest.mark.parametrize(
    "query",
    [
        "q=&district=&village=&stars=&price_min=&price_max=&status=&sort=",  # empty
        "in_stock=0&price_min=0",  # the defaults: stock not required, no lowest price
        "district=atlantis&craft=<b>&stars=9&group=spaceships",  # not understood
    ],
)
def test_empty_default_and_unknown_values_leave_no_parameter(shelf, query):
    values = product_filter(query).values
    assert querystrings.params(values) == []
    assert querystrings.query_string(values) == ""
    assert querystrings.canonical_query(values) == ""


def test_the_page_number_is_only_in_the_canonical_query_and_only_beyond_the_first(shelf):
    values = product_filter("page=3&stars=5").values
    assert querystrings.query_string(values) == "stars=5"  # a filter link starts on page 1
    assert querystrings.canonical_query(values, page=3) == "?stars=5&page=3"
    assert querystrings.canonical_query(values, page=1) == "?stars=5"
    assert querystrings.canonical_query({}, page=2) == "?page=2"
    assert querystrings.canonical_query({}, page=1) == ""


def test_links_add_or_remove_one_pair_and_keep_the_rest():
    values = {"district": ["gia-lam"], "stars": ["5"], "sort": "price"}
    assert querystrings.link(values, add=[("stars", "4")]) == "?district=gia-lam&stars=5&stars=4&sort=price"
    assert querystrings.link(values, add=[("stars", "5")]) == "?district=gia-lam&stars=5&sort=price"
    assert querystrings.link(values, remove=[("district", "gia-lam")]) == "?stars=5&sort=price"
    assert querystrings.link({"stars": ["5"]}, remove=[("stars", "5")]) == "?"  # back to the bare list


# --- chips ------------------------------------------------------------------------------
EVERY_FILTER = (
    "q=gom&district=gia-lam&village=bat-trang&craft=ceramics&group=handicrafts&stars=5&stars=3"
    "&price_min=100000&price_max=500000&in_stock=1&status=expired&sort=price"
)


def test_one_chip_per_active_filter_value_and_none_for_the_order(shelf, english_site):
    assert [(chip["name"], chip["label"]) for chip in chips(product_filter(EVERY_FILTER))] == [
        ("q", "“gom”"),
        ("district", "Gia Lâm"),
        ("village", "Bát Tràng"),
        ("craft", "Ceramics"),
        ("group", "Handicrafts"),
        ("stars", "5 stars"),
        ("stars", "3 stars"),
        ("price_min", f"from 100,000{NBSP}₫"),
        ("price_max", f"up to 500,000{NBSP}₫"),
        ("in_stock", "In stock"),
        ("status", "No longer OCOP-certified"),
    ]


def test_each_chip_removes_only_its_own_filter_value(shelf):
    filterset = product_filter(EVERY_FILTER)
    every_pair = querystrings.params(filterset.values)
    for chip in chips(filterset):
        left = parse_qsl(chip["url"].removeprefix("?"))
        removed = [pair for pair in every_pair if pair not in left]
        assert len(removed) == 1 and removed[0][0] == chip["name"], chip
        assert left == [pair for pair in every_pair if pair != removed[0]]  # same order


def test_no_filter_no_chip(shelf):
    assert chips(product_filter("sort=newest")) == []


@pytest.mark.parametrize(
    "language, lowest, highest",
    [
        ("vi", f"từ 200.000{NBSP}₫", f"đến 1.500.000{NBSP}₫"),
        ("en", f"from 200,000{NBSP}₫", f"up to 1,500,000{NBSP}₫"),
    ],
)
def test_price_chips_read_as_the_page_language_writes_prices(language, lowest, highest):
    with translation.override(language):
        labels = [chip["label"] for chip in chips(product_filter("price_min=200000&price_max=1500000"))]
    assert labels == [lowest, highest]


# --- facets -----------------------------------------------------------------------------
# Every value of each facet that a product of the shelf has (and one that none has).
SHELF_VALUES = {
    "stars": {"3", "4", "5"},
    "district": {"gia-lam", "ha-dong", "hoan-kiem", "ba-vi"},
    "village": {"bat-trang", "van-phuc"},
    "craft": {"ceramics", "silk-weaving", "lotus-tea", "lacquer"},
    "group": {"handicrafts", "beverages", "food", "herbs"},
}


def products_shown(query, name, value):
    """How many products the list shows with `name` set to `value` alone and the other
    filters of `query` as they are: what that option's count promises."""
    pairs = [pair for pair in parse_qsl(query) if pair[0] != name] + [(name, value)]
    return product_filter(urlencode(pairs)).qs.count()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "stars=5",
        "district=gia-lam",
        "district=gia-lam&craft=ceramics",
        "group=handicrafts&stars=4&stars=3",
        "q=gom",
        "in_stock=1&price_max=500000",
        "status=expired",
    ],
)
def test_every_option_counts_the_products_its_link_shows(shelf, query):
    """And every value that would show a product is offered."""
    offered = {}
    for facet in facets(product_filter(query), Product.objects.published()):
        offered[facet["name"]] = {option["value"] for option in facet["options"]}
        for option in facet["options"]:
            assert option["count"] == products_shown(query, facet["name"], option["value"]), (facet["name"], option)
    for name, values in SHELF_VALUES.items():
        for value in values - offered[name]:
            assert products_shown(query, name, value) == 0, (name, value)


def test_facets_list_places_with_products_and_every_star_level(shelf):
    shown = facets(product_filter("craft=silk-weaving"), Product.objects.published())
    by_name = {facet["name"]: facet for facet in shown}
    assert [facet["name"] for facet in by_name.values()] == ["stars", "district", "village", "craft", "group"]
    assert {option["value"] for option in by_name["district"]["options"]} == {"ha-dong"}
    assert {option["value"]: option["count"] for option in by_name["stars"]["options"]} == {"5": 0, "4": 1, "3": 0}
    # Counted under the other filters: every craft with products stays offered.
    assert {option["value"] for option in by_name["craft"]["options"]} == {"ceramics", "silk-weaving", "lotus-tea"}


def test_a_chosen_option_without_products_stays_so_it_can_be_removed(shelf):
    """Hà Đông has no ceramics: still listed, selected, with a link that unselects it."""
    filterset = product_filter("district=ha-dong&craft=ceramics")
    district = next(facet for facet in facets(filterset, Product.objects.published()) if facet["name"] == "district")
    chosen = next(option for option in district["options"] if option["value"] == "ha-dong")
    assert (chosen["count"], chosen["selected"], chosen["url"]) == (0, True, "?craft=ceramics")
    gia_lam = next(option for option in district["options"] if option["value"] == "gia-lam")
    assert (gia_lam["selected"], gia_lam["url"]) == (False, "?district=ha-dong&district=gia-lam&craft=ceramics")


def test_cached_facets_are_computed_once_per_state_and_language(shelf, django_assert_num_queries):
    base = Product.objects.published()
    with django_assert_num_queries(4):
        first = cached_facets(product_filter("stars=5"), base)
    with django_assert_num_queries(0):
        assert cached_facets(product_filter("stars=5"), base) == first
    with translation.override("en"), django_assert_num_queries(4):
        english = cached_facets(product_filter("stars=5"), base)
    assert english[0]["label"] == "Stars" and first[0]["label"] != "Stars"


def test_the_village_facet_lists_the_busiest_villages_and_any_chosen_one(db):
    """Hanoi has about 1,350 craft villages: the facet lists the busiest few, says how many
    more there are, and keeps a chosen village listed (with its link to remove it)."""
    villages = []
    for index in range(MOST_OPTIONS["village"] + 3):
        producer = factories.ProducerFactory(
            village=factories.VillageFactory(name=f"Làng {index:02d}", district_slug="gia-lam")
        )
        # The first villages have the most products.
        for _ in range(1 + (index < 3)):
            factories.PublishedProductFactory(producer=producer)
        villages.append(producer.village)
    quiet = villages[-1]

    def village_facet(query):
        shown = facets(product_filter(query), Product.objects.published())
        return next(facet for facet in shown if facet["name"] == "village")

    facet = village_facet("")
    assert len(facet["options"]) == MOST_OPTIONS["village"]
    assert facet["more"] == 3
    assert [option["label"] for option in facet["options"][:3]] == ["Làng 00", "Làng 01", "Làng 02"]
    assert quiet.name not in [option["label"] for option in facet["options"]]

    facet = village_facet(f"village={quiet.slug}")
    chosen = [option for option in facet["options"] if option["selected"]]
    assert [option["label"] for option in chosen] == [quiet.name]
    assert len(facet["options"]) == MOST_OPTIONS["village"] + 1
    assert facet["more"] == 2


def test_the_list_page_says_how_many_villages_are_not_listed(client, db):
    for index in range(MOST_OPTIONS["village"] + 2):
        factories.PublishedProductFactory(
            producer=factories.ProducerFactory(village=factories.VillageFactory(name=f"Làng {index:02d}"))
        )
    vietnamese = client.get("/products/").content.decode()
    assert "và 2 làng nghề khác: chọn quận/huyện để xem hết các làng nghề." in vietnamese
    english = client.get("/en/products/").content.decode()
    assert "and 2 more: choose a district to see all of its villages." in english
