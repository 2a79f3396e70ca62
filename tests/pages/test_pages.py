"""Product, producer, village, district and statistics pages; sitemap, robots, SEO tags."""

import json
import re

import pytest
from django.core.cache import cache

from tests import factories
from tests.browsing import page_text
from tests.language import english_page, english_url, vietnamese_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def vase():
    village = factories.VillageFactory(name="Bát Tràng", slug="bat-trang", district_slug="gia-lam")
    producer = factories.ProducerFactory(
        name="Gốm Quang Vinh",
        village=village,
        slug="gom-quang-vinh",
        facebook_url="https://facebook.com/gomquangvinh",
        zalo_url="https://zalo.me/0912345678",
    )
    return factories.PublishedProductFactory(
        name="Bình gốm men lam",
        producer=producer,
        stars=5,
        price=650_000,
        stock_quantity=7,
        description="Bình vẽ tay men lam.",
    )


# --- product page ----------------------------------------------------------------------
def test_product_page_shows_stars_as_stars_and_text_price_and_stock(client, vase):
    body = vietnamese_page(client, vase.get_absolute_url())
    assert "★★★★★" in body
    assert "5 sao" in body
    assert "650.000\u00a0₫" in body
    assert "7 sản phẩm" in body
    english = english_page(client, english_url(vase))
    assert "★★★★★" in english and "5-star" in english
    assert "650,000\u00a0₫" in english
    assert "7 in stock" in english


def test_product_page_gallery_has_sized_lazy_thumbnails_in_webp_and_jpeg(client, vase):
    factories.ProductImageFactory(product=vase, position=0)
    factories.ProductImageFactory(product=vase, position=1)
    body = page_text(client, vase.get_absolute_url())
    gallery = re.search(r'<div class="gallery">.*?</ul>', body, re.S).group(0)
    assert gallery.count('type="image/webp"') == 4  # two photos, two thumbnails
    # The photos are 640×480: never enlarged to the gallery's 900×675 (see test_media_thumbnails).
    assert 'width="640" height="480"' in gallery and 'width="120" height="90"' in gallery
    assert 'fetchpriority="high"' in gallery  # the first photo is not lazy
    assert gallery.count('loading="lazy"') == 3
    assert 'href="#photo-2"' in gallery


def test_withdrawn_certificate_is_shown_as_withdrawn_not_valid(client):
    product = factories.WithdrawnProductFactory(name="Nón lá bị thu hồi")
    body = page_text(client, product.get_absolute_url())
    assert "cert-withdrawn" in body and "cert-valid" not in body


def test_expired_certificate_is_shown_as_expired(client):
    product = factories.ExpiredProductFactory(name="Nón lá hết hạn")
    assert "cert-expired" in page_text(client, product.get_absolute_url())


def test_product_page_lists_showrooms_that_stock_it(client, vase):
    factories.ShowroomFactory(name="Điểm OCOP Bát Tràng", products=[vase])
    factories.ShowroomFactory(name="Điểm không bán bình")
    body = page_text(client, vase.get_absolute_url())
    assert "Điểm OCOP Bát Tràng" in body and "Điểm không bán bình" not in body


def test_related_products_come_from_the_same_village_or_craft(client, vase):
    neighbour = factories.PublishedProductFactory(name="Cốc cùng làng", producer=vase.producer)
    same_craft = factories.PublishedProductFactory(name="Gốm nơi khác")
    unrelated = factories.PublishedProductFactory(
        name="Khăn lụa",
        craft_slug="silk-weaving",
        product_set="handicrafts-fabric",
        producer=factories.ProducerFactory(village=factories.VillageFactory(crafts=("silk-weaving",))),
    )
    body = page_text(client, vase.get_absolute_url())
    related = (
        body.split("Related products", 1)[-1] if "Related products" in body else body.split("Sản phẩm liên quan", 1)[-1]
    )
    assert neighbour.name in related and same_craft.name in related
    assert unrelated.name not in related
    assert related.index(neighbour.name) < related.index(same_craft.name)


def test_product_page_has_schema_org_json_ld_and_sharing_tags(client, vase):
    factories.ProductImageFactory(product=vase)
    body = page_text(client, vase.get_absolute_url())
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))
    assert data["@type"] == "Product" and data["name"] == "Bình gốm men lam"
    assert data["offers"]["price"] == 650_000 and data["offers"]["priceCurrency"] == "VND"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["url"] == "https://ocop.test" + vase.get_absolute_url()
    assert data["image"][0].startswith("https://ocop.test/media/")
    assert '<meta property="og:type" content="product">' in body
    # The link preview shows the product's share picture (tests/pages/test_sharing.py).
    assert re.search(
        rf'<meta property="og:image" content="https://ocop\.test/products/{vase.slug}/share\.png\?v=\w+">', body
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in body


def test_markup_in_a_product_name_cannot_break_out_of_json_ld(client):
    product = factories.PublishedProductFactory(name="</script><script>alert(1)</script>")
    body = page_text(client, product.get_absolute_url())
    assert "<script>alert(1)" not in body


def test_unpublished_product_is_not_found(client):
    product = factories.PublishedProductFactory(is_published=False)
    assert client.get(product.get_absolute_url()).status_code == 404


def test_product_page_query_count_is_bounded_and_does_not_grow(client, vase, django_assert_max_num_queries):
    factories.LotFactory(product=vase, code="L1")
    factories.ShowroomFactory(products=[vase])
    factories.PublishedProductFactory(name="Cùng làng", producer=vase.producer)

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(vase.get_absolute_url()).status_code == 200
        return len(queries)

    few = count()
    for n in range(3):
        factories.ProductImageFactory(product=vase, position=n)
        factories.LotFactory(product=vase, code=f"L{n + 2}")
        factories.ShowroomFactory(products=[vase])
        factories.PublishedProductFactory(name=f"Cùng làng {n}", producer=vase.producer)
    assert count() == few
    cache.clear()
    with django_assert_max_num_queries(10):
        client.get(vase.get_absolute_url())


# --- producer, village, district ---------------------------------------------------------------
def test_producer_page_shows_contact_social_links_and_products(client, vase):
    body = page_text(client, vase.producer.get_absolute_url())
    assert "https://facebook.com/gomquangvinh" in body and "https://zalo.me/0912345678" in body
    assert 'href="tel:0912345678"' in body
    assert "Bình gốm men lam" in body


def test_village_list_filters_by_district_and_craft(client):
    factories.VillageFactory(name="Bát Tràng", district_slug="gia-lam", crafts=("ceramics",))
    factories.VillageFactory(name="Vạn Phúc", district_slug="ha-dong", crafts=("silk-weaving",))
    factories.VillageFactory(name="Phù Lãng", district_slug="ha-dong", crafts=("ceramics",))
    body = page_text(client, "/villages/?district=ha-dong&craft=ceramics").split('class="result-count"')[1]
    assert "Phù Lãng" in body and "Vạn Phúc" not in body and "Bát Tràng" not in body


def test_village_list_ignores_an_unknown_district(client):
    factories.VillageFactory(name="Bát Tràng")
    assert "Bát Tràng" in page_text(client, "/villages/?district=atlantis").split('class="result-count"')[1]


def test_village_page_shows_story_producers_products_and_map_link(client, vase):
    village = vase.producer.village
    village.description = "Làng gốm hơn 700 năm tuổi."
    village.save()
    body = page_text(client, village.get_absolute_url())
    assert "Làng gốm hơn 700 năm tuổi." in body
    assert "Gốm Quang Vinh" in body and "Bình gốm men lam" in body
    assert "openstreetmap.org" in body


def test_district_page_groups_products_by_stars_and_lists_showrooms(client, vase):
    factories.PublishedProductFactory(name="Cốc 3 sao", producer=vase.producer, stars=3)
    factories.ShowroomFactory(name="Điểm OCOP Gia Lâm", district_slug="gia-lam")
    body = page_text(client, "/districts/gia-lam/")
    section = body.split('class="stars-section"', 1)[1]
    assert section.index("Bình gốm men lam") < section.index("Cốc 3 sao")
    assert "Điểm OCOP Gia Lâm" in body and "Bát Tràng" in body
    assert "/products/?district=gia-lam&amp;stars=5" in body


# --- statistics, crawlers ----------------------------------------------------------------------
def test_stats_page_draws_bars_from_the_database(client, vase):
    factories.PublishedProductFactory(name="Khác", stars=3)
    factories.PublishedProductFactory(name="Khác nữa", stars=3)
    body = page_text(client, "/stats/")
    stars_chart = re.search(r'id="chart-stars".*?</figure>', body, re.S).group(0)
    assert "<svg" in stars_chart
    counts = re.findall(r'class="bar-count">(\d+)</text>', stars_chart)
    assert counts == ["1", "0", "2"]  # 5, 4 and 3 stars
    assert 'href="/products/?stars=3"' in stars_chart


def test_sitemap_lists_pages_in_both_languages_with_alternates(client, vase):
    body = page_text(client, "/sitemap.xml")
    assert f"<loc>https://ocop.test{vase.get_absolute_url()}</loc>" in body
    assert f"<loc>https://ocop.test/en{vase.get_absolute_url()}</loc>" in body
    assert 'hreflang="en"' in body and 'hreflang="x-default"' in body
    assert "<loc>https://ocop.test/villages/bat-trang/</loc>" in body


def test_robots_txt_points_to_the_sitemap(client):
    body = page_text(client, "/robots.txt")
    assert "Sitemap: https://ocop.test/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_pages_carry_canonical_and_hreflang_links(client, vase):
    body = page_text(client, vase.get_absolute_url())
    path = vase.get_absolute_url()
    assert f'<link rel="canonical" href="https://ocop.test{path}">' in body
    assert f'<link rel="alternate" hreflang="en" href="https://ocop.test/en{path}">' in body
    assert f'<link rel="alternate" hreflang="vi" href="https://ocop.test{path}">' in body


def test_product_list_canonical_keeps_the_filters_but_not_junk(client, vase):
    body = page_text(client, "/products/?stars=5&stars=9&utm_source=x")
    assert '<link rel="canonical" href="https://ocop.test/products/?stars=5">' in body


def test_unknown_page_answers_404_in_the_site_style(client):
    response = client.get("/products/no-such-product/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'class="site-header"' in body and 'href="/products/"' in body


def test_home_page_offers_search_and_browsing_by_stars_craft_and_district(client, vase):
    body = page_text(client, "/")
    assert 'name="q"' in body
    assert 'href="/products/?stars=5"' in body
    assert 'href="/products/?craft=ceramics"' in body
    assert 'href="/districts/gia-lam/"' in body
    assert "Bình gốm men lam" in body


def test_filtered_list_hreflang_points_to_the_same_filters_in_english(client, vase):
    body = page_text(client, "/products/?stars=5&page=1")
    assert '<link rel="alternate" hreflang="en" href="https://ocop.test/en/products/?stars=5">' in body


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/",
        "/villages/",
        "/villages/?district=gia-lam&craft=ceramics",
        "/villages/bat-trang/",
        "/producers/gom-quang-vinh/",
        "/districts/",
        "/districts/gia-lam/",
        "/crafts/ceramics/",
        "/showrooms/",
        "/showrooms/test-showroom/",
        "/stats/",
        "/sitemap.xml",
    ],
)
def test_page_query_count_does_not_grow_with_products_shown(client, vase, url):
    """Cold (empty cache), within the budget of 10 queries a page (issue 16), and the
    same count with more products, villages and stock rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    showroom = factories.ShowroomFactory(slug="test-showroom", products=[vase])

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(12):
        product = factories.PublishedProductFactory(name=f"Gốm {n}", producer=vase.producer, stars=4 + n % 2)
        factories.ProductImageFactory(product=product)
        showroom.stock.create(product=product)
        factories.VillageFactory(name=f"Làng {n}", district_slug="gia-lam")
    assert count() == few <= 10


def test_home_page_with_every_section_filled_stays_within_ten_queries(client, django_assert_max_num_queries):
    """Featured products with photos, a recognised village, a showroom: each section's
    query runs, and the cold page still costs at most 10 (issue 16)."""
    village = factories.VillageFactory(name="Bát Tràng", slug="bat-trang", district_slug="gia-lam", is_recognised=True)
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=village), stars=5)
    factories.ProductImageFactory(product=product)
    factories.ShowroomFactory(products=[product])
    factories.ShowroomFactory(is_active=False)
    cache.clear()
    with django_assert_max_num_queries(10):
        body = client.get("/en/").content.decode()
    assert "<strong>1</strong> OCOP showrooms" in body  # the inactive one is not counted


def test_where_to_buy_lists_the_showroom_nearest_to_the_village_first(client):
    from decimal import Decimal

    village = factories.VillageFactory(latitude=Decimal("20.9760"), longitude=Decimal("105.9120"))
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=village))
    for name, latitude, longitude in [
        ("A Điểm Ba Vì", "21.0800", "105.3800"),
        ("B Điểm Bát Tràng", "20.9765", "105.9125"),
        ("C Trung tâm Hàng Bông", "21.0300", "105.8480"),
    ]:
        factories.ShowroomFactory(
            name=name, latitude=Decimal(latitude), longitude=Decimal(longitude), products=[product]
        )
    body = page_text(client, product.get_absolute_url())
    section = body.split("Nơi mua", 1)[1] if "Nơi mua" in body else body
    order = [section.index(name) for name in ("B Điểm Bát Tràng", "C Trung tâm Hàng Bông", "A Điểm Ba Vì")]
    assert order == sorted(order)
