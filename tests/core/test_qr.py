"""QR codes: what they encode, that a real decoder reads them, and where they lead."""

import io
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from core.qr import QUIET_ZONE_MODULES, qr_png
from tests import factories

pytestmark = pytest.mark.django_db

GTIN13 = "8934567890120"  # 0 is the check digit of 893456789012


def decode_png(png_bytes):
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png_bytes)))
    assert len(results) == 1, "exactly one QR code in the image"
    return results[0]


def decode_served_png(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return decode_png(response.content)


def path_of(absolute_url):
    """The test client serves one host: follow SITE_URL links by their path and query."""
    parts = urlsplit(absolute_url)
    assert f"{parts.scheme}://{parts.netloc}" == "https://ocop.test"
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_product_without_gtin_encodes_short_trace_url():
    product = factories.PublishedProductFactory(trace_code="AB12CD3")
    assert product.qr_url == "https://ocop.test/t/AB12CD3"


def test_lot_without_gtin_encodes_trace_code_and_lot():
    lot = factories.LotFactory(product=factories.PublishedProductFactory(trace_code="AB12CD3"), code="L2601-01")
    assert lot.qr_url == "https://ocop.test/t/AB12CD3/L2601-01"


def test_product_with_gtin_encodes_gs1_digital_link_with_gtin14():
    product = factories.PublishedProductFactory(gtin="0" + GTIN13)
    assert product.qr_url == f"https://ocop.test/01/0{GTIN13}"
    lot = factories.LotFactory(product=product, code="L7")
    assert lot.qr_url == f"https://ocop.test/01/0{GTIN13}/10/L7"


def test_decoded_product_qr_leads_to_its_trace_page(client):
    product = factories.PublishedProductFactory(name="Bình gốm men lam Bát Tràng")
    decoded = decode_served_png(client, product.get_qr_image_url("png"))
    assert decoded.text == product.qr_url
    page = client.get(path_of(decoded.text))
    assert page.status_code == 200
    assert "Bình gốm men lam Bát Tràng" in page.content.decode()
    assert page.resolver_match.url_name == "product"


def test_decoded_lot_qr_leads_to_the_lot_trace_page(client):
    lot = factories.LotFactory(code="L2603-07", materials="Đất sét trắng Trúc Thôn")
    decoded = decode_served_png(client, lot.get_qr_image_url("png"))
    assert decoded.text == "https://ocop.test" + lot.get_trace_url()
    page = client.get(path_of(decoded.text))
    body = page.content.decode()
    assert page.status_code == 200
    assert "L2603-07" in body
    assert "Đất sét trắng Trúc Thôn" in body


def test_decoded_gs1_lot_qr_resolves_to_the_lot_trace_page(client):
    product = factories.PublishedProductFactory(gtin="0" + GTIN13)
    lot = factories.LotFactory(product=product, code="B-26.1")
    decoded = decode_served_png(client, lot.get_qr_image_url("png"))
    assert decoded.text == f"https://ocop.test/01/0{GTIN13}/10/B-26.1"
    response = client.get(path_of(decoded.text), follow=True)
    assert response.redirect_chain[0][1] == 307
    assert response.redirect_chain[-1][0].endswith(lot.get_trace_url())
    assert response.status_code == 200
    assert "B-26.1" in response.content.decode()


def test_qr_uses_error_correction_m_or_better_and_a_quiet_zone():
    png = qr_png("https://ocop.test/t/AB12CD3")
    assert decode_png(png).ec_level in {"M", "Q", "H"}
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    module_px = 10
    border = QUIET_ZONE_MODULES * module_px
    assert QUIET_ZONE_MODULES >= 4
    # Every pixel of the border band is white (the quiet zone a phone camera needs).
    for x in range(width):
        for y in list(range(border)) + list(range(height - border, height)):
            assert image.getpixel((x, y)) == 255
    for y in range(height):
        for x in list(range(border)) + list(range(width - border, width)):
            assert image.getpixel((x, y)) == 255
    # ...and the code starts right after it (the finder pattern's corner is dark).
    assert image.getpixel((border, border)) == 0


def test_svg_image_is_an_svg_document(client):
    product = factories.PublishedProductFactory()
    response = client.get(product.get_qr_image_url("svg") + "?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")
    assert b"<svg" in response.content and b"<path" in response.content
    assert f"ocop-{product.trace_code}.svg" in response["Content-Disposition"]


def test_qr_image_of_unpublished_product_is_hidden_from_the_public(client, admin_client):
    product = factories.PublishedProductFactory(is_published=False)
    assert client.get(product.get_qr_image_url("png")).status_code == 404
    # Staff print labels before a product goes live.
    assert admin_client.get(product.get_qr_image_url("png")).status_code == 200


def test_qr_image_of_unknown_code_is_404(client):
    assert client.get("/qr/ZZZZ999.png").status_code == 404
    product = factories.PublishedProductFactory()
    assert client.get(f"/qr/{product.trace_code}/NOLOT.svg").status_code == 404


def test_product_page_links_its_qr_code_and_trace_page(client):
    product = factories.PublishedProductFactory()
    body = client.get(product.get_absolute_url()).content.decode()
    assert product.get_qr_image_url("svg") in body
    assert product.get_trace_url() in body


def test_public_qr_images_are_cacheable(client):
    product = factories.PublishedProductFactory()
    directives = {d.strip() for d in client.get(product.get_qr_image_url("svg"))["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=3600"}
