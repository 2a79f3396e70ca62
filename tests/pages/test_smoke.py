import pytest

from tests import factories
from tests.language import vietnamese_page

pytestmark = pytest.mark.django_db


def test_home_page_shows_featured_product_with_price_in_vnd(client):
    factories.PublishedProductFactory(name="Bình hút lộc men lam", stars=5, price=650_000)
    body = vietnamese_page(client, "/")
    assert "Bình hút lộc men lam" in body
    assert "650.000\u00a0₫" in body
