"""A shopper on a phone pays by bank transfer and gets a VietQR code their banking app can
read: the code as the browser draws it (a screenshot of the image) decodes to the part's
bank, account, amount and description, and the page fits the phone."""

import io
import re

import pytest
import zxingcpp
from django.utils import translation
from PIL import Image

from orders import vietqr
from orders.models import Order, PayeeAccount
from tests import factories

from .helpers import en, horizontal_overflow

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


@pytest.fixture
def vase():
    producer = factories.ProducerFactory(name="Gốm Quang Vinh")
    PayeeAccount.objects.create(
        producer=producer,
        bank_name="Vietcombank, chi nhánh Hà Nội",
        bank_bin="970436",
        account_number="0011004455667",
        account_name="CONG TY GOM QUANG VINH",
    )
    return factories.PublishedProductFactory(
        name="Bình gốm men lam", producer=producer, price=350_000, stock_quantity=5
    )


def test_shopper_pays_by_bank_transfer_and_sees_a_decodable_vietqr(phone_context, live_server, vase):
    page = phone_context.new_page()
    with translation.override("en"):
        page.goto(live_server.url + vase.get_absolute_url())
    page.locator(".product-info").get_by_role("button", name=re.compile(re.escape(en("Add to cart")))).click()
    page.goto(live_server.url + "/en/checkout/")
    page.get_by_label(en("Your name")).fill("Nguyễn Thị Lan")
    page.get_by_label(en("Mobile phone")).fill("0912 345 678")
    page.get_by_label(en("Delivery to an address")).check()
    page.get_by_label(en("Delivery address")).fill("12 Hàng Bạc, Hoàn Kiếm, Hà Nội")
    page.get_by_label(en("Bank transfer")).check()
    place_order = en("Place order · %(total)s").split("%(total)s")[0]
    page.get_by_role("button", name=re.compile("^" + re.escape(place_order))).click()

    code = page.locator("h1 .order-code").inner_text()
    order = Order.objects.get(code=code)
    figure = page.locator(".vietqr")
    expect(figure).to_contain_text(en("Scan with your banking app: amount and content are filled in."))
    image = figure.locator("img")
    expect(image).to_be_visible()
    # decode() waits for the picture to load (a slow machine may still be fetching it).
    assert image.evaluate("img => img.decode().then(() => img.complete && img.naturalWidth > 0)")
    assert horizontal_overflow(page) <= 0

    # What the phone shows decodes, whole, to this part's transfer.
    shot = Image.open(io.BytesIO(image.screenshot()))
    [result] = zxingcpp.read_barcodes(shot)
    fields = vietqr.parse(result.text)
    assert fields["38"]["01"] == {"00": "970436", "01": "0011004455667"}
    assert fields["54"] == str(order.total) == "350000"
    assert fields["62"]["08"] == f"OCOP {code}"
    # And the details in words are beside it.
    expect(page.locator(".payee")).to_contain_text("0011004455667")
    expect(page.locator(".payee")).to_contain_text(f"OCOP {code}")
    # The "save the QR image" link downloads the same PNG.
    with page.expect_download() as download:
        figure.get_by_role("link", name=en("Save the QR image")).click()
    assert download.value.suggested_filename == f"vietqr-ocop-{code.lower()}.png"
