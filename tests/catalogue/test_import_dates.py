"""Dates in imports: day/month/year as Vietnamese officers write them, or ISO; anything
ambiguous or in another shape is refused with a message in words, never guessed."""

import datetime
import io

import openpyxl
import pytest
from django.utils import translation

from catalogue.models import Product
from tests import factories
from tests.import_files import PRODUCT_COLUMNS, confirm, preview, product_csv, product_row

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "written, meant",
    [
        ("01/03/2026", datetime.date(2026, 3, 1)),  # 1 March, as written in Vietnam
        ("1/3/2026", datetime.date(2026, 3, 1)),
        ("31/12/2025", datetime.date(2025, 12, 31)),
        ("2026-03-01", datetime.date(2026, 3, 1)),
        (" 2026-03-01 ", datetime.date(2026, 3, 1)),
    ],
)
def test_day_month_year_and_iso_dates_are_read_as_written(importing_officer, written, meant):
    response = preview(importing_officer, product_csv([{"slug": "hop-1", "certificate_date": written}]))
    assert response.context.get("confirm_form") is not None, response.content.decode()[-2000:]
    confirm(importing_officer, response)
    product = Product.objects.get(slug="hop-1")
    assert product.certificate_date == meant
    assert product.certificate_valid_until == meant.replace(year=meant.year + 3)


REFUSED = ["03-01-26", "1/3/26", "2026/03/01", "03/01/26", "01.03.2026", "March 1, 2026", "31/02/2026", "13/13/2026"]


def test_other_or_ambiguous_dates_are_refused_with_a_message_in_words(importing_officer):
    rows = [{"slug": f"hop-{i}", "certificate_date": value} for i, value in enumerate(REFUSED)]
    rows.append({"slug": "hop-late", "certificate_valid_until": "1/3/29"})
    response = preview(importing_officer, product_csv(rows))
    assert response.context.get("confirm_form") is None
    result = response.context["result"]
    assert {row.number for row in result.invalid_rows} == set(range(1, len(rows) + 1))
    body = response.content.decode()
    for value in REFUSED:
        assert f"“{value}”" in body
    assert "day/month/year" in body
    assert "no such date" in body  # 31/02/2026
    assert not Product.objects.filter(slug__startswith="hop-").exists()


def test_the_date_message_is_in_vietnamese_for_a_vietnamese_officer(importing_officer, settings):
    importing_officer.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    response = preview(importing_officer, product_csv([{"slug": "hop-1", "certificate_date": "03-01-26"}]))
    assert "ngày/tháng/năm" in response.content.decode()


def test_real_date_cells_of_an_xlsx_file_are_kept(importing_officer):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(PRODUCT_COLUMNS)
    row = product_row(slug="hop-x")
    row["certificate_date"] = datetime.datetime(2026, 3, 1)  # a date cell, as Excel stores it
    sheet.append([row[column] for column in PRODUCT_COLUMNS])
    sheet["M2"].number_format = "dd/mm/yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    response = preview(importing_officer, buffer.getvalue(), "xlsx")
    assert response.context.get("confirm_form") is not None, response.content.decode()[-2000:]
    confirm(importing_officer, response)
    assert Product.objects.get(slug="hop-x").certificate_date == datetime.date(2026, 3, 1)


def test_exported_dates_are_iso_so_they_import_back_the_same():
    with translation.override("vi"):
        from catalogue.resources import ProductResource

        product = factories.PublishedProductFactory(certificate_date=datetime.date(2026, 3, 1))
        dataset = ProductResource().export(Product.objects.filter(pk=product.pk))
    assert dataset.dict[0]["certificate_date"] == "2026-03-01"


def test_a_certificate_ending_before_its_decision_is_refused_in_words_and_the_rest_checked(importing_officer):
    """Check constraints are enforced by the database while the preview saves each row:
    the violated one gives its own message, and the rows after it are still checked."""
    rows = [
        {"slug": "hop-1", "certificate_date": "01/03/2026", "certificate_valid_until": "28/02/2026"},
        {"slug": "hop-2", "stars": "3", "potential_five_star": "1"},
        {"slug": "hop-3", "stars": "9"},
        {"slug": "hop-4"},
    ]
    response = preview(importing_officer, product_csv(rows))
    result = response.context["result"]
    assert not result.has_errors()
    assert {row.number for row in result.invalid_rows} == {1, 2, 3}
    body = response.content.decode()
    assert "A certificate cannot expire before its decision date." in body
    assert "Only a 4-star product can be a potential 5-star." in body
    assert not Product.objects.filter(slug__startswith="hop-").exists()
