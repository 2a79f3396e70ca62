"""Whole numbers in imports (price, stock, stars): digits only, never guessed."""

import pytest

from catalogue.models import Product
from tests.import_files import confirm, preview, product_csv

pytestmark = pytest.mark.django_db


def test_a_price_with_a_thousands_separator_is_refused_not_read_as_550(importing_officer):
    rows = [
        {"slug": "hop-1", "price": "550.000"},  # the library reads this as 550 VND
        {"slug": "hop-2", "price": "nhiều"},  # the library stops the whole preview on this
        {"slug": "hop-3", "stock_quantity": "-3"},
        {"slug": "hop-4", "stars": "4", "certificate_date": "01/03/2026"},
    ]
    response = preview(importing_officer, product_csv(rows))
    result = response.context["result"]
    assert not result.has_errors()  # every problem is a row's error in words
    assert {row.number for row in result.invalid_rows} == {1, 2, 3}
    body = response.content.decode()
    assert "“550.000” is not a whole number" in body and "“nhiều” is not a whole number" in body
    assert not Product.objects.filter(slug__startswith="hop-").exists()


def test_digits_are_read_as_written(importing_officer):
    response = preview(importing_officer, product_csv([{"slug": "hop-1", "price": " 1250000 "}]))
    confirm(importing_officer, response)
    assert Product.objects.get(slug="hop-1").price == 1_250_000
