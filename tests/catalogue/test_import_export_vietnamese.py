"""The import and export screens speak Vietnamese, and each invalid row shows its errors
as text beside it (not behind a badge that only opens on hover)."""

import re

import pytest
from django.urls import reverse

from tests.import_files import confirm, preview, product_csv

pytestmark = pytest.mark.django_db

ENGLISH_LEFT_BEHIND = [
    "This importer will import the following fields",
    "This exporter will export the following fields",
    "File to import",
    "Confirm import",
    "Below is a preview of data to be imported",
    "Some rows failed to validate",
    "Please correct these errors",
    "Line number",
    "Non field specific",
    ">Preview<",
    ">Submit<",
    "Select all",
]


@pytest.fixture
def vietnamese_importing_officer(importing_officer, settings):
    """conftest's importing officer with the admin in Vietnamese."""
    importing_officer.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    return importing_officer


def assert_no_english_left(body):
    for english in ENGLISH_LEFT_BEHIND:
        assert english not in body, english


def test_import_page_is_in_vietnamese(vietnamese_importing_officer):
    body = vietnamese_importing_officer.get(reverse("admin:catalogue_product_import")).content.decode()
    assert_no_english_left(body)
    assert "Trình nhập này sẽ nhập các cột sau" in body
    assert "Tệp cần nhập" in body


def test_export_page_is_in_vietnamese(vietnamese_importing_officer):
    body = vietnamese_importing_officer.get(reverse("admin:catalogue_product_export")).content.decode()
    assert_no_english_left(body)
    assert "Trình xuất này sẽ xuất các cột sau" in body
    assert "Chọn tất cả" in body


def test_preview_and_confirmation_are_in_vietnamese(vietnamese_importing_officer):
    response = preview(vietnamese_importing_officer, product_csv([{"slug": "hop-1"}, {"slug": "hop-2"}]))
    body = response.content.decode()
    assert_no_english_left(body)
    assert "Xác nhận nhập" in body and "Xem trước" in body
    done = confirm(vietnamese_importing_officer, response)
    message = vietnamese_importing_officer.get(done.url).content.decode()
    assert "Đã nhập xong: 2 mới" in message


def test_each_invalid_row_shows_its_errors_as_text_next_to_it(vietnamese_importing_officer):
    csv_text = product_csv(
        [
            {"slug": "hop-1"},
            {"slug": "hop-2", "stars": "6"},
            {"slug": "hop-3", "certificate_date": "03-01-26", "price": "nhiều"},
        ]
    )
    body = preview(vietnamese_importing_officer, csv_text).content.decode()
    assert_no_english_left(body)
    assert "validation-error-container" not in body  # the hover-only badge is gone
    rows = {
        int(re.search(r'data-row="(\d+)"', row).group(1)): row
        for row in re.findall(r'<tr class="invalid-row".*?</tr>', body, re.S)
    }
    assert set(rows) == {2, 3}
    assert "3, 4 hoặc 5" in rows[2] or "không phải là lựa chọn hợp lệ" in rows[2]
    assert "ngày/tháng/năm" in rows[3]
    assert "price" in rows[3] or "giá" in rows[3].lower()
