"""The list's order for every sort, ties broken by id: the indexes that serve each sort
(catalogue/migrations/0007) must never change what a shopper sees, on either database."""

import datetime
import random

import pytest
from django.utils import timezone

from catalogue.models import Product
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/products/"


@pytest.fixture
def shelf():
    """30 products with many ties (stars, candidate flag, name, price, creation time), one
    producer so that no filter is involved, and an expired and a withdrawn one that the
    list must leave out."""
    rng = random.Random(16)
    producer = factories.ProducerFactory()
    made = []
    for number in range(30):
        stars = rng.choice([3, 4, 5])
        made.append(
            factories.PublishedProductFactory(
                producer=producer,
                name=f"hop {rng.choice('abc')}",  # ASCII: both databases' collations agree
                name_en=rng.choice(["box a", "box b"]),  # NULLs sort first on SQLite, last on PostgreSQL
                stars=stars,
                potential_five_star=stars == 4 and rng.random() < 0.5,
                price=rng.choice([100_000, 200_000, 300_000]),
                slug=f"hop-{number}",
            )
        )
    moment = timezone.now() - datetime.timedelta(days=1)
    for index, product in enumerate(made):  # creation times tied in threes
        Product.objects.filter(pk=product.pk).update(created_at=moment + datetime.timedelta(hours=index // 3))
    factories.PublishedProductFactory(producer=producer, name="hop expired", expired=True)
    factories.PublishedProductFactory(producer=producer, name="hop withdrawn", withdrawn=True)
    return list(Product.objects.filter(pk__in=[p.pk for p in made]))


def listed(client, prefix, params):
    """Ids of the products the list shows, over every page."""
    ids, page = [], 1
    while True:
        response = client.get(prefix + URL, {**params, "page": page})
        ids += [product.pk for product in response.context["products"]]
        if not response.context["page_obj"].has_next():
            return ids
        page += 1


def by_stars(name):
    def key(p):
        return (-p.stars, -int(p.potential_five_star), getattr(p, name), p.pk)

    return key


EXPECTED = {
    "stars": lambda p: by_stars("name_vi")(p),
    "price": lambda p: (p.price, p.pk),
    "-price": lambda p: (-p.price, p.pk),
    "newest": lambda p: (-p.created_at.timestamp(), -p.pk),
}


@pytest.mark.parametrize("sort", ["", "stars", "price", "-price", "newest"])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_sort_lists_every_product_on_sale_once_in_its_order(client, shelf, sort, prefix):
    key = EXPECTED[sort or "stars"]
    if prefix == "/en" and sort in ("", "stars"):
        key = by_stars("name_en")  # English orders by the English name
    params = {"sort": sort} if sort else {}
    assert listed(client, prefix, params) == [p.pk for p in sorted(shelf, key=key)]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"stars": ["4"]},
        {"stars": ["3", "5"], "group": ["food"]},
        {"group": ["food", "handicrafts"]},
        {"q": "hop", "in_stock": "1"},
        {"price_max": "150000", "stars": ["5"]},
        {"status": "expired"},
    ],
)
def test_the_count_read_off_the_facets_is_the_lists_own(client, params):
    """The list's count comes from the stars facet (no COUNT query): it must equal the
    number of products the list pages through, under groups and every other filter."""
    rng = random.Random(7)
    producer = factories.ProducerFactory()
    for number in range(40):
        food = rng.random() < 0.5
        factories.PublishedProductFactory(
            producer=producer,
            name=f"hop {number}",
            stars=rng.choice([3, 4, 5]),
            group="food" if food else "handicrafts",
            product_set="food-cereal-products" if food else "handicrafts-decor",
            price=rng.choice([100_000, 200_000]),
            stock_quantity=rng.choice([0, 5]),
            expired=rng.random() < 0.1,
        )
    response = client.get(URL, params)
    assert response.context["paginator"].count == len(listed(client, "", params))
    assert response.context["paginator"].count == response.context["view"].filterset.qs.count()
