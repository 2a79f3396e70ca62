"""The three journeys of issue 8, in a real browser against the live server.

- A shopper on a desktop finds Bát Tràng pottery without typing diacritics, narrows it to
  5 stars, buys it with cash on delivery and later looks the order up from another device.
- A tourist on a phone set to English scans a product's QR label, reads its certificate,
  switches to Vietnamese and finds a showroom that sells it.
- A district officer edits a product of their district, adds a photo, and is refused a
  product of another district.
"""

import re

import pytest
import zxingcpp
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from PIL import Image

from catalogue.models import Product, Stars
from core.formats import vnd
from orders.models import Order
from tests import factories

from .helpers import en, horizontal_overflow, vi

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


# --- shopper ---------------------------------------------------------------------------------


@pytest.fixture
def bat_trang():
    """Two Bát Tràng products (5 and 4 stars) and a 5-star product from elsewhere."""
    village = factories.VillageFactory(name="Bát Tràng", district_slug="gia-lam")
    pottery = factories.ProducerFactory(name="Gốm Minh Hải", village=village)
    five = factories.PublishedProductFactory(
        name="Bình hút lộc men rạn", producer=pottery, stars=5, price=1_250_000, stock_quantity=3
    )
    four = factories.PublishedProductFactory(name="Bộ ấm chén men lam", producer=pottery, stars=4, price=450_000)
    silk_village = factories.VillageFactory(name="Vạn Phúc", district_slug="ha-dong", crafts=("silk-weaving",))
    silk = factories.ProducerFactory(name="Lụa Vạn Phúc", village=silk_village)
    elsewhere = factories.PublishedProductFactory(
        name="Khăn lụa tơ tằm", producer=silk, craft_slug="silk-weaving", stars=5
    )
    return {"five": five, "four": four, "elsewhere": elsewhere}


def card_names(page):
    return page.locator(".results .product-card h3").all_inner_texts()


def test_shopper_finds_bat_trang_without_diacritics_and_orders_cash_on_delivery(
    page, live_server, bat_trang, browser, browser_context_args
):
    five = bat_trang["five"]
    page.goto(live_server.url + "/")

    # Search without diacritics.
    search = page.get_by_role("searchbox", name=vi("What are you looking for?"))
    search.fill("bat trang")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/products/\?q=bat\+trang"))
    assert sorted(card_names(page)) == sorted([five.name_vi, bat_trang["four"].name_vi])

    # Filter by 5 stars with the facet.
    stars_facet = page.locator(".facet").filter(has=page.get_by_role("heading", name=vi("Stars"), exact=True))
    with translation.override("vi"):
        five_stars = str(Stars.FIVE.label)
    stars_facet.get_by_role("link").filter(has_text=five_stars).click()
    expect(page).to_have_url(re.compile(r"stars=5"))
    assert card_names(page) == [five.name_vi]

    # Open the product and add it to the cart.
    page.get_by_role("link", name=five.name_vi).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(five.name_vi)
    page.locator(".product-info").get_by_role("button", name=re.compile(re.escape(vi("Add to cart")))).click()
    expect(page.locator(".cart-count")).to_have_text("1")

    # Cart, then checkout with cash on delivery.
    page.locator(".cart-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(vi("Your cart"))
    page.get_by_role("link", name=vi("Check out"), exact=True).click()
    page.get_by_label(vi("Your name")).fill("Nguyễn Thị Lan")
    page.get_by_label(vi("Mobile phone")).fill("0912 345 678")
    page.get_by_label(vi("Delivery to an address")).check()
    page.get_by_label(vi("Delivery address")).fill("12 Hàng Bạc, Hoàn Kiếm, Hà Nội")
    page.get_by_label(vi("Cash on delivery (or at the showroom on pickup)")).check()
    place_order = vi("Place order · %(total)s").split("%(total)s")[0]
    page.get_by_role("button", name=re.compile("^" + re.escape(place_order))).click()

    # The confirmation.
    code = page.locator("h1 .order-code").inner_text()
    expect(page.locator(".messages")).to_contain_text(vi("Thank you! Your order %(code)s is placed.") % {"code": code})
    expect(page.locator(".order-facts")).to_contain_text(vi("Cash on delivery (or at the showroom on pickup)"))
    expect(page.locator(".order-part")).to_contain_text(five.name_vi)
    order = Order.objects.get(code=code)
    assert (order.payment, order.total, order.phone) == ("cash", five.price, "+84912345678")
    five.refresh_from_db()
    assert five.stock_quantity == 2

    # Later, on another device: look the order up with its code and phone number.
    other = browser.new_context(**browser_context_args)
    try:
        lookup = other.new_page()
        lookup.goto(live_server.url + order.get_absolute_url())
        expect(lookup.get_by_role("heading", level=1)).to_have_text(vi("Follow your order"))
        expect(lookup.get_by_label(vi("Order code"))).to_have_value(code)
        lookup.get_by_label(vi("Mobile phone used for the order")).fill("0912345678")
        lookup.get_by_role("button", name=vi("Show my order")).click()
        expect(lookup.locator("h1 .order-code")).to_have_text(code)
        expect(lookup.locator(".order-part")).to_contain_text(five.name_vi)
    finally:
        other.close()


# --- tourist ---------------------------------------------------------------------------------


def test_tourist_scans_a_label_reads_it_in_english_switches_to_vietnamese_and_finds_a_showroom(
    phone_context, live_server, settings, tmp_path
):
    # The QR code encodes SITE_URL: make it the live server, as a real deployment's domain.
    settings.SITE_URL = live_server.url
    village = factories.VillageFactory(name="Bát Tràng", district_slug="gia-lam")
    product = factories.PublishedProductFactory(
        name="Bình gốm men lam", producer=factories.ProducerFactory(village=village), stars=5
    )
    showroom = factories.ShowroomFactory(
        name="Điểm bán OCOP Bát Tràng", address="Số 1 Giang Cao, Bát Tràng", products=[product]
    )
    page = phone_context.new_page()

    # Take the QR image and decode it, as a phone camera would.
    response = page.request.get(live_server.url + product.get_qr_image_url("png"))
    assert response.ok and response.headers["content-type"] == "image/png"
    png = tmp_path / "label.png"
    png.write_bytes(response.body())
    codes = zxingcpp.read_barcodes(Image.open(png))
    assert len(codes) == 1 and codes[0].format == zxingcpp.BarcodeFormat.QRCode
    scanned = codes[0].text
    assert scanned.startswith(live_server.url + "/")

    # The page answers in English, the phone's language.
    page.goto(scanned)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".verdict")).to_contain_text(en("Registered OCOP product"))
    certificate = page.locator("#certificate")
    expect(certificate.get_by_role("heading")).to_contain_text(en("OCOP certificate"))
    expect(certificate.locator(".badge")).to_have_text(en("Valid"))
    assert horizontal_overflow(page) <= 0, "the trace page scrolls sideways on a phone"

    # Switch to Vietnamese: same page, now in Vietnamese, and it stays so.
    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert page.url.rstrip("/") == scanned.rstrip("/")
    expect(page.locator(".verdict")).to_contain_text(vi("Registered OCOP product"))
    expect(page.locator("#certificate .badge")).to_have_text(vi("Valid"))
    assert vi("Registered OCOP product") != en("Registered OCOP product")

    # Find a showroom that sells it.
    shops = page.locator("section").filter(has=page.get_by_role("heading", name=vi("Where to buy it")))
    expect(shops).to_contain_text(showroom.address)
    shops.get_by_role("link", name=showroom.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(showroom.name)
    expect(page.locator("main")).to_contain_text(showroom.address)
    expect(page.locator(".product-card")).to_contain_text(product.name_vi)


# --- officer ---------------------------------------------------------------------------------


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_officer_edits_own_district_product_uploads_an_image_and_is_refused_another_district(
    page, live_server, demo, tmp_path
):
    own = Product.objects.filter(producer__district__slug="phu-xuyen").order_by("pk").first()
    other = Product.objects.filter(producer__district__slug="gia-lam").order_by("pk").first()
    images_before = own.images.count()
    photo = tmp_path / "san-pham-moi.jpg"
    Image.new("RGB", (640, 480), (180, 90, 40)).save(photo, "JPEG", quality=85)

    page.goto(live_server.url + "/admin/")
    page.locator("#id_username").fill("officer.phuxuyen")
    page.locator("#id_password").fill("ocop-phuxuyen-demo")
    page.locator("input[type=submit]").click()
    officer = get_user_model().objects.get(username="officer.phuxuyen")
    expect(page.locator("#user-tools")).to_contain_text(officer.get_short_name() or officer.username)

    # Edit a product of Phú Xuyên: change its price and add a photo.
    change_url = f"{live_server.url}/admin/catalogue/product/{own.pk}/change/"
    page.goto(change_url)
    expect(page.locator("#id_name_vi")).to_have_value(own.name_vi)
    page.locator("#id_price").fill(str(own.price + 5_000))
    new_row = page.locator(".inline-related tr.form-row:not(.has_original):not(.empty-form)").first
    new_row.locator("input[type=file]").set_input_files(photo)
    new_row.locator("input[name$='-alt_text_vi']").fill("Ảnh chụp mới của sản phẩm")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(".errornote")).to_have_count(0)

    own.refresh_from_db()
    assert own.images.count() == images_before + 1
    # The shopper's product page shows the new photo and the new price.
    page.goto(live_server.url + own.get_absolute_url())
    expect(page.get_by_alt_text("Ảnh chụp mới của sản phẩm").first).to_be_attached()
    expect(page.locator(".price-large")).to_contain_text(vnd(own.price))

    # A product of Gia Lâm is not theirs: 404, and its name is nowhere on the page.
    response = page.goto(f"{live_server.url}/admin/catalogue/product/{other.pk}/change/")
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text(other.name_vi)
