"""Printable labels: the admin's A4 sheet and the single-label SVG."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from tests import factories

pytestmark = pytest.mark.django_db


def print_labels(admin_client, model, objects, **extra):
    return admin_client.post(
        f"/admin/catalogue/{model}/",
        {"action": "print_labels", "index": 0, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **extra},
    )


def test_product_action_prints_an_a4_sheet_with_one_label_per_product(admin_client):
    products = [
        factories.PublishedProductFactory(name="Bình gốm men lam", stars=5),
        factories.PublishedProductFactory(
            name="Khay sơn mài", stars=3, producer=factories.ProducerFactory(district_slug="thuong-tin")
        ),
    ]
    response = print_labels(admin_client, "product", products)
    body = response.content.decode()
    assert response.status_code == 200
    assert "@page { size: A4" in body
    assert body.count('class="label"') == 2
    for product in products:
        assert product.trace_code in body
        assert product.name in body
    assert ">★★★★★</tspan>" in body and ">★★★</tspan>" in body
    assert "Gia Lâm" in body and "Thường Tín" in body
    assert body.count(">OCOP <") == 2


def test_labels_carry_a_scannable_qr_path_of_the_product_url(admin_client):
    product = factories.PublishedProductFactory()
    body = print_labels(admin_client, "product", [product]).content.decode()
    assert re.search(r'<path d="M[0-9,HVzM]+" fill="#000"/>', body)


def test_copies_fill_more_labels_and_sheets(admin_client):
    product = factories.PublishedProductFactory()
    body = print_labels(admin_client, "product", [product], copies=22).content.decode()
    assert body.count('class="label"') == 22
    assert body.count('<section class="sheet">') == 2  # 21 labels a sheet


def test_lot_action_prints_lot_labels(admin_client):
    lot = factories.LotFactory(code="L2601-09")
    body = print_labels(admin_client, "lot", [lot]).content.decode()
    assert f"{lot.product.trace_code} · L2601-09" in body


def test_single_label_svg_download(admin_client):
    product = factories.PublishedProductFactory(name="Lụa tơ tằm Vạn Phúc")
    response = admin_client.get(f"/admin/catalogue/product/{product.pk}/label.svg")
    svg = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert f"ocop-label-{product.trace_code}.svg" in response["Content-Disposition"]
    assert svg.startswith("<?xml") and 'width="70mm"' in svg
    assert "Lụa tơ tằm Vạn Phúc" in svg and product.trace_code in svg


def test_lot_label_svg_download(admin_client):
    lot = factories.LotFactory(code="L9")
    response = admin_client.get(f"/admin/catalogue/lot/{lot.pk}/label.svg")
    assert response.status_code == 200
    assert f"{lot.product.trace_code} · L9" in response.content.decode()


def test_label_downloads_need_a_login(client):
    product = factories.PublishedProductFactory()
    response = client.get(f"/admin/catalogue/product/{product.pk}/label.svg")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_product_page_links_qr_images_and_label(admin_client):
    product = factories.PublishedProductFactory()
    body = admin_client.get(f"/admin/catalogue/product/{product.pk}/change/").content.decode()
    assert product.get_qr_image_url("svg") in body
    assert product.get_qr_image_url("png") in body
    assert f"/admin/catalogue/product/{product.pk}/label.svg" in body
    assert product.qr_url in body
