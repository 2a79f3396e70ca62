"""What an officer reads on the admin screens (issue 11, §1 and §5): Django's own admin
strings in Vietnamese, and a warning before printing labels whose QR codes point at this
machine."""

import pytest
from django.test import override_settings

from tests import factories
from tests.scope import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return factories.PublishedProductFactory(name="Bình gốm men lam")


def test_show_counts_is_in_vietnamese(city_admin_client, product):
    body = city_admin_client.get(admin_url("catalogue", "product", "changelist")).content.decode()
    assert "Show counts" not in body
    assert "Hiện số lượng" in body
    body = city_admin_client.get(admin_url("catalogue", "product", "changelist") + "?_facets=True").content.decode()
    assert "Hide counts" not in body
    assert "Ẩn số lượng" in body


def test_please_correct_the_errors_is_in_vietnamese(city_admin_client, product):
    response = city_admin_client.post(admin_url("villages", "village", "add"), {"name": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please correct the error" not in body
    assert "Vui lòng sửa lỗi bên dưới." in body


def test_other_admin_chrome_is_in_vietnamese(city_admin_client, product):
    body = city_admin_client.get(admin_url("catalogue", "product", "changelist")).content.decode()
    for english in ["Skip to main content", "Breadcrumbs", "Toggle theme", "Select all objects on this page"]:
        assert english not in body, english


LOCAL_WARNING = "Mã QR đang trỏ tới"


@override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_IS_LOCAL=True)
def test_label_and_qr_screens_warn_when_site_url_is_local(city_admin_client, product):
    lot = factories.LotFactory(product=product)
    for url in [
        admin_url("catalogue", "product", "change", product.pk),
        admin_url("catalogue", "lot", "change", lot.pk),
    ]:
        body = city_admin_client.get(url).content.decode()
        assert LOCAL_WARNING in body and "http://127.0.0.1:8000" in body
    sheet = city_admin_client.post(
        admin_url("catalogue", "product", "changelist"),
        {"action": "print_labels", "_selected_action": [product.pk]},
    )
    assert sheet.status_code == 200
    assert LOCAL_WARNING in sheet.content.decode()


@override_settings(SITE_URL="https://ocop.hanoi.gov.vn", SITE_URL_IS_LOCAL=False)
def test_no_warning_with_a_public_site_url(city_admin_client, product):
    body = city_admin_client.get(admin_url("catalogue", "product", "change", product.pk)).content.decode()
    assert LOCAL_WARNING not in body
    sheet = city_admin_client.post(
        admin_url("catalogue", "product", "changelist"),
        {"action": "print_labels", "_selected_action": [product.pk]},
    )
    assert LOCAL_WARNING not in sheet.content.decode()


@override_settings(SITE_URL="http://127.0.0.1:8000", SITE_URL_IS_LOCAL=True)
def test_local_warning_in_english(city_admin_client, product):
    city_admin_client.cookies["django_language"] = "en"
    body = city_admin_client.get(admin_url("catalogue", "product", "change", product.pk)).content.decode()
    assert "QR codes point at" in body
