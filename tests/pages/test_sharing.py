"""Sharing: the share bar on product, village, route and event pages, and a product's share
picture for link previews (core/templatetags/sharing.py, catalogue/share_image.py)."""

import html
import io
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from PIL import Image

from catalogue import share_image
from tests import factories
from tests.factories.images import jpeg
from tests.language import assert_english, assert_vietnamese, english_url, vietnamese_url

pytestmark = pytest.mark.django_db

SITE = "https://ocop.test"


@pytest.fixture
def product():
    village = factories.VillageFactory(name="Bát Tràng")
    producer = factories.ProducerFactory(name="Cơ sở gốm Nguyễn Hữu Đức", village=village)
    return factories.PublishedProductFactory(name="Bình gốm men rạn", name_en="Crackle-glaze vase", producer=producer)


@pytest.fixture
def pages(product):
    """(object, its page's check) for each page that has a share bar."""
    village = product.producer.village
    route = factories.RouteFactory(stops=[village])
    event = factories.EventFactory(village=village, address="")
    return [product, village, route, event]


def share_links(body):
    """The href of each link in the share bar, by network."""
    bar = re.search(r'<div class="share no-print" data-share.*?</div>', body, re.S).group(0)
    links = {}
    for css, href in re.findall(r'<a class="share-link share-(\w+)" href="([^"]+)"', bar):
        links.setdefault(css, html.unescape(href))
    url = html.unescape(re.search(r'data-share-url="([^"]+)"', bar).group(1))
    return url, links


def shared_url(link):
    """The page URL a network's share link carries."""
    query = parse_qs(urlsplit(link).query)
    (value,) = query.get("url") or query.get("u") or query.get("link")
    return value


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_page_shares_its_canonical_url_in_its_language(client, pages, language):
    for obj in pages:
        path = english_url(obj) if language == "en" else vietnamese_url(obj)
        # Query strings (tracking, a route's ?day=) are not part of what is shared.
        response = client.get(path + "?utm_source=zalo&day=2026-01-01")
        assert response.status_code == 200, path
        body = response.content.decode()
        (assert_english if language == "en" else assert_vietnamese)(body)
        canonical = SITE + path
        url, links = share_links(body)
        assert url == canonical
        assert set(links) == {"zalo", "facebook", "messenger"}
        assert links["zalo"] == "https://sp.zalo.me/share_inline?url=" + quote(canonical, safe="")
        assert links["facebook"] == "https://www.facebook.com/sharer/sharer.php?u=" + quote(canonical, safe="")
        assert links["messenger"].startswith("fb-messenger://share/?link=")
        for link in links.values():
            assert shared_url(link) == canonical
        # Accessible names in the page's language.
        if language == "en":
            assert 'aria-label="Share on Zalo (opens in a new tab)"' in body
            assert ">Copy link</button>" in body
        else:
            assert 'aria-label="Chia sẻ qua Zalo (mở trong thẻ mới)"' in body
            assert ">Sao chép liên kết</button>" in body


def test_the_share_bar_loads_no_network_script_and_no_inline_script(client, product):
    body = client.get(vietnamese_url(product)).content.decode()
    scripts = re.findall(r"<script[^>]*>", body)
    assert '<script src="/static/js/share.js" defer>' in scripts
    # Only our own files and the JSON-LD data block: no inline code, no SDK of a network.
    for tag in scripts:
        assert 'type="application/ld+json"' in tag or re.fullmatch(r'<script src="/static/[^"]+" defer>', tag), tag
    assert "connect.facebook.net" not in body and "sp.zalo.me/plugins" not in body
    # The share sheet and the copy button are shown by the script only where they work.
    assert '<li class="share-native-item" hidden>' in body
    assert '<li class="share-copy-item" hidden>' in body


def test_the_share_script_is_served_from_static(client):
    from django.contrib.staticfiles import finders

    script = finders.find("js/share.js")
    assert script
    text = open(script, encoding="utf-8").read()
    assert "navigator.share" in text and "clipboard" in text


def test_messenger_on_desktops_needs_a_facebook_app_id(client, product):
    body = client.get(vietnamese_url(product)).content.decode()
    assert "facebook.com/dialog/send" not in body
    with override_settings(FACEBOOK_APP_ID="123456"):
        from django.core.cache import cache

        cache.clear()
        body = client.get(vietnamese_url(product)).content.decode()
    dialog = html.unescape(re.search(r'href="(https://www\.facebook\.com/dialog/send[^"]+)"', body).group(1))
    query = parse_qs(urlsplit(dialog).query)
    assert query["app_id"] == ["123456"] and query["link"] == [SITE + vietnamese_url(product)]


# --- the share picture -------------------------------------------------------------------


def picture(client, product, **params):
    response = client.get(f"/products/{product.slug}/share.png", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return response


def test_share_picture_is_a_1200_by_630_png(client, product):
    response = picture(client, product)
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]


def test_share_picture_draws_the_photo_and_without_one_a_background(client, product):
    plain = Image.open(io.BytesIO(picture(client, product).content)).convert("RGB")
    factories.ProductImageFactory(product=product, image=jpeg(color=(200, 30, 30), size=(800, 800)))
    product.refresh_from_db()
    photo = Image.open(io.BytesIO(picture(client, product).content)).convert("RGB")
    # The photo's panel on the right is the photo's red, cover-cropped to its full height.
    for y in (5, 315, 625):
        red, green, blue = photo.getpixel((1000, y))
        assert red > 150 and green < 80 and blue < 80
    assert plain.getpixel((1000, 315)) != photo.getpixel((1000, 315))


def test_share_picture_is_drawn_once_and_kept_until_what_it_shows_changes(client, product, monkeypatch):
    first = picture(client, product).content
    drawn = []
    real_render = share_image.share_image.render
    monkeypatch.setattr(share_image.share_image, "render", lambda *a: drawn.append(1) or real_render(*a))

    # A price or description edit: the same picture, not drawn again.
    product.price = 123_000
    product.description = "Mô tả mới"
    product.save()
    assert picture(client, product).content == first
    assert drawn == []

    # A new name: a new picture, and the old file is gone.
    product.name_vi = "Bình gốm men lam vẽ tay"
    product.save()
    renamed = picture(client, product).content
    assert renamed != first and len(drawn) == 1
    files = default_storage.listdir(f"share/products/{product.pk}")[1]
    assert files == [f"{share_image.fingerprint(product)}.png"]

    # Other stars: a new picture.
    product.stars = 5
    product.save()
    assert picture(client, product).content != renamed and len(drawn) == 2


def test_share_picture_with_its_current_version_is_immutable_and_answers_304(client, product):
    version = share_image.fingerprint(product)
    response = picture(client, product, v=version)
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    assert response["ETag"] == f'"{version}"'
    again = client.get(f"/products/{product.slug}/share.png", {"v": version}, headers={"If-None-Match": f'"{version}"'})
    assert again.status_code == 304
    stale = picture(client, product, v="old")
    assert "immutable" not in stale["Cache-Control"]


@pytest.mark.parametrize(
    "make",
    [factories.DraftProductFactory, None],
    ids=["unpublished", "unknown"],
)
def test_share_picture_of_an_unpublished_or_unknown_product_is_not_found(client, make):
    slug = make().slug if make else "no-such-product"
    assert client.get(f"/products/{slug}/share.png").status_code == 404
    assert client.get(f"/en/products/{slug}/share.png").status_code == 404


def test_share_picture_reads_two_rows_at_most(client, product, django_assert_max_num_queries):
    factories.ProductImageFactory(product=product)
    picture(client, product)  # drawn
    with django_assert_max_num_queries(2):
        picture(client, product)  # read back


def test_lapsed_certificate_draws_no_stars(product):
    assert share_image.card(product).stars == 4
    lapsed = factories.ExpiredProductFactory()
    assert share_image.card(lapsed).stars is None


def test_product_page_points_og_image_at_the_share_picture(client, product):
    for path in (vietnamese_url(product), english_url(product)):
        body = client.get(path).content.decode()
        image = html.unescape(re.search(r'<meta property="og:image" content="([^"]+)">', body).group(1))
        assert image == f"{SITE}/products/{product.slug}/share.png?v={share_image.fingerprint(product)}"
        assert '<meta property="og:image:width" content="1200">' in body
        assert '<meta property="og:image:height" content="630">' in body
        assert f'<meta name="twitter:image" content="{html.escape(image)}">' in body
    # The URL the page names answers with the picture.
    assert client.get(image.removeprefix(SITE)).status_code == 200


def test_village_and_event_pages_preview_with_a_photo(client, product):
    village = product.producer.village
    body = client.get(vietnamese_url(village)).content.decode()
    assert 'property="og:image"' not in body
    factories.VillageImageFactory(village=village)
    body = client.get(vietnamese_url(village)).content.decode()
    assert re.search(r'<meta property="og:image" content="https://ocop\.test/media/[^"]+\.jpg">', body)
    assert '<meta property="og:title" content="Làng nghề Bát Tràng">' in body

    factories.ProductImageFactory(product=product)
    event = factories.EventFactory(village=village, address="")
    event.products.add(product)
    body = client.get(vietnamese_url(event)).content.decode()
    assert re.search(r'<meta property="og:image" content="https://ocop\.test/media/[^"]+\.jpg">', body)
    assert f'<meta property="og:title" content="{html.escape(event.title)}">' in body
