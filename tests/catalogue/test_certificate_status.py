"""A product is shown and sold as OCOP only while its certificate is valid (issue 11, §2).

Every selling surface (list cards, home page, facets, statistics, sitemap, product page,
trace page) leaves out or plainly labels a product whose certificate expired or was
withdrawn. "Today" is the local (Hanoi) date, frozen here by patching
django.utils.timezone.localdate, which is what the code calls.
"""

import datetime
import re

import pytest
from django.urls import reverse

from showrooms.models import ShowroomStock
from tests import factories
from tests.browsing import page_text
from tests.factories import FROZEN_TODAY
from tests.language import english_page, vietnamese_page

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY  # the `today` fixture's date (conftest.py)


@pytest.fixture
def catalogue(today):
    """One valid 4★ vase, one 4★ bowl expired on 12 March 2026, one withdrawn 5★ hat.

    All three in the same district, craft and showroom, and all published.
    """
    producer = factories.ProducerFactory(name="Gốm Quang Vinh")
    valid = factories.PublishedProductFactory(name="Bình gốm còn hạn", producer=producer, stars=4)
    expired = factories.PublishedProductFactory(
        name="Bát gốm hết hạn",
        producer=producer,
        stars=4,
        certificate_date=datetime.date(2023, 3, 12),
        certificate_valid_until=datetime.date(2026, 3, 12),
    )
    withdrawn = factories.PublishedProductFactory(
        name="Nón lá bị thu hồi",
        producer=producer,
        stars=5,
        certificate_withdrawn=True,
        certificate_withdrawn_reason_vi="Không đạt tiêu chuẩn khi kiểm tra lại",
        certificate_withdrawn_reason_en="Failed the re-inspection",
    )
    factories.ShowroomFactory(name="Điểm bán OCOP Hoàn Kiếm", products=[valid, expired, withdrawn])
    return {"valid": valid, "expired": expired, "withdrawn": withdrawn}


def text(html):
    """What a reader sees: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def card_of(body, name):
    """The product card that names `name`."""
    for card in re.findall(r'<article class="card product-card.*?</article>', body, re.S):
        if name in card:
            return card
    raise AssertionError(f"no card for {name}")


def own_part(body):
    """The product page up to the producer and village cards (before related products)."""
    return body.split('<section class="grid two">', 1)[0]


# --- product list ------------------------------------------------------------------------


def test_default_list_shows_only_currently_certified_products(client, catalogue):
    body = vietnamese_page(client, "/products/")
    assert "Bình gốm còn hạn" in body
    assert "Bát gốm hết hạn" not in body and "Nón lá bị thu hồi" not in body
    assert re.search(r"\b1 sản phẩm", text(body))


def test_lapsed_products_have_their_own_list_with_their_status_on_each_card(client, catalogue):
    body = vietnamese_page(client, "/products/?status=expired")
    assert "Bình gốm còn hạn" not in body
    expired = card_of(body, "Bát gốm hết hạn")
    withdrawn = card_of(body, "Nón lá bị thu hồi")
    for card in (expired, withdrawn):
        assert "OCOP 4 sao" not in card and "OCOP 5 sao" not in card  # no current star badge
        assert 'class="stars"' not in card
        assert "orders/" not in card and "Thêm vào giỏ" not in card  # no add-to-cart form
    assert "Chứng nhận OCOP đã hết hạn: từng đạt 4★ đến ngày 12/03/2026" in text(expired)
    assert "Chứng nhận OCOP đã bị thu hồi" in text(withdrawn)
    # The filter is a chip the shopper can remove, back to the certified list.
    assert re.search(r'<a class="chip chip-active" href="\?"', body)


def test_default_list_links_to_the_lapsed_list(client, catalogue, english_site):
    body = english_page(client, "/en/products/")
    assert "?status=expired" in body


def test_facets_count_only_certified_products(client, catalogue, english_site):
    body = english_page(client, "/en/products/")
    options = {
        label: int(count)
        for label, count in re.findall(
            r'<span class="facet-label">([^<]*)</span> <span class="count">(\d+)</span>', body
        )
    }
    # One certified product: its district, craft and star options count 1, 5 stars 0.
    assert options["Gia Lâm"] == 1
    assert options["4 stars"] == 1 and options["5 stars"] == 0, options
    assert options["Handicrafts"] == 1


# --- home page -------------------------------------------------------------------------------


def test_home_counts_and_features_only_certified_products(client, catalogue):
    body = vietnamese_page(client, "/")
    hero = text(re.search(r'<section class="hero">.*?</section>', body, re.S).group(0))
    assert "1 sản phẩm được chứng nhận" in hero
    figures = re.findall(r"<li><a href=\"/products/\?stars=(\d)\"><strong>(\d+)</strong>", body)
    assert dict(figures) == {"5": "0", "4": "1", "3": "0"}
    assert "Bình gốm còn hạn" in body
    assert "Bát gốm hết hạn" not in body and "Nón lá bị thu hồi" not in body
    # Craft and district chips count certified products only.
    assert re.search(r'\?craft=ceramics">[^<]*<span class="count">1</span>', body)
    assert re.search(r'/districts/gia-lam/">[^<]*<span class="count">1</span>', body)


def test_a_certificate_expiring_at_midnight_leaves_the_list_and_home_the_next_day(client, today):
    """No row changes at midnight: cached pages and counts must follow the date."""
    factories.PublishedProductFactory(name="Bình hết hạn đêm nay", certificate_valid_until=TODAY)
    assert "Bình hết hạn đêm nay" in vietnamese_page(client, "/products/")
    assert "1 sản phẩm được chứng nhận" in text(vietnamese_page(client, "/"))
    today.move_to(TODAY + datetime.timedelta(days=1))
    assert "Bình hết hạn đêm nay" not in vietnamese_page(client, "/products/")
    home = text(vietnamese_page(client, "/"))
    assert "Bình hết hạn đêm nay" not in home and "0 sản phẩm được chứng nhận" in home
    assert "Bình hết hạn đêm nay" in vietnamese_page(client, "/products/?status=expired")


# --- statistics and sitemap ---------------------------------------------------------------


def test_stats_count_certified_products_and_show_lapsed_ones_apart(client, catalogue, english_site):
    body = english_page(client, "/en/stats/")
    stars_chart = re.search(r'id="chart-stars".*?</figure>', body, re.S).group(0)
    assert re.findall(r'class="bar-count">(\d+)</text>', stars_chart) == ["0", "1", "0"]  # 5, 4, 3 stars
    districts = re.search(r'id="chart-districts".*?</figure>', body, re.S).group(0)
    assert re.findall(r'class="bar-count">(\d+)</text>', districts) == ["1"]
    status_chart = text(re.search(r'id="chart-certificates".*?</figure>', body, re.S).group(0))
    assert re.search(r"Valid 1\b", status_chart)
    assert re.search(r"Expired 1\b", status_chart) and re.search(r"Withdrawn 1\b", status_chart)


def test_sitemap_lists_only_certified_products(client, catalogue):
    body = page_text(client, "/sitemap.xml")
    assert catalogue["valid"].get_absolute_url() in body
    assert catalogue["expired"].get_absolute_url() not in body
    assert catalogue["withdrawn"].get_absolute_url() not in body


# --- product page ----------------------------------------------------------------------------


def test_expired_product_page_states_the_lapse_first_without_stars_or_cart(client, catalogue, english_site):
    product = catalogue["expired"]
    body = english_page(client, product.get_absolute_url())
    main = text(body.split("<main", 1)[1])
    assert "OCOP certificate expired: was 4★ until 12 March 2026" in main
    assert main.index("was 4★ until 12 March 2026") < main.index("Bát gốm hết hạn")
    own = own_part(body)
    assert 'class="stars"' not in own  # no current star badge (related products have theirs)
    assert reverse("orders:cart_add", args=[product.pk]) not in body
    assert "Điểm bán OCOP Hoàn Kiếm" not in body  # no "where to buy"
    assert "OCOP 4★" not in body.split("</head>")[0]  # nor in the title or social cards


def test_withdrawn_product_page_states_the_withdrawal_and_reason_first(client, catalogue):
    product = catalogue["withdrawn"]
    body = vietnamese_page(client, product.get_absolute_url())
    main = text(body.split("<main", 1)[1])
    assert "Chứng nhận OCOP đã bị thu hồi" in main
    assert main.index("Chứng nhận OCOP đã bị thu hồi") < main.index("Nón lá bị thu hồi")
    assert "Không đạt tiêu chuẩn khi kiểm tra lại" in main
    assert 'class="stars"' not in own_part(body) and "OCOP 5 sao" not in own_part(body)
    assert reverse("orders:cart_add", args=[product.pk]) not in body


def test_product_page_of_a_certified_product_keeps_its_stars_and_cart(client, catalogue):
    product = catalogue["valid"]
    body = vietnamese_page(client, product.get_absolute_url())
    assert 'class="stars"' in body and "OCOP 4 sao" in body
    assert reverse("orders:cart_add", args=[product.pk]) in body
    assert "Điểm bán OCOP Hoàn Kiếm" in body
    # Related products are certified ones only.
    related = body.split("Sản phẩm liên quan", 1)[-1] if "Sản phẩm liên quan" in body else ""
    assert "Bát gốm hết hạn" not in related and "Nón lá bị thu hồi" not in related


def test_product_page_json_ld_offers_nothing_for_a_lapsed_product(client, catalogue):
    body = page_text(client, catalogue["expired"].get_absolute_url())
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1)
    assert "InStock" not in json_ld and "OCOP 4★" not in json_ld


# --- trace page --------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["expired", "withdrawn"])
def test_trace_page_of_a_lapsed_product_has_no_where_to_buy_and_no_stars(client, catalogue, which):
    product = catalogue[which]
    body = english_page(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")
    page = text(body)
    assert "Where to buy it" not in page and "Điểm bán OCOP Hoàn Kiếm" not in page
    assert 'class="stars"' not in body and "★★★★" not in body.split("</head>")[1].replace("4★", "")
    headline = "OCOP certificate expired" if which == "expired" else "OCOP certificate withdrawn"
    body_text = text(body.split("</head>", 1)[1])
    assert body_text.index(headline) < body_text.index(product.name)


def test_trace_page_of_a_certified_product_keeps_where_to_buy(client, catalogue):
    body = english_page(client, catalogue["valid"].get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "Where to buy it" in body and "Điểm bán OCOP Hoàn Kiếm" in body
    assert 'class="stars"' in body


def test_trace_page_drops_where_to_buy_the_day_the_certificate_lapses(client, today):
    product = factories.PublishedProductFactory(name="Bình hết hạn đêm nay", certificate_valid_until=TODAY)
    factories.ShowroomFactory(name="Điểm bán OCOP Hoàn Kiếm", products=[product])
    assert "Điểm bán OCOP Hoàn Kiếm" in english_page(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")
    today.move_to(TODAY + datetime.timedelta(days=1))
    assert "Điểm bán OCOP Hoàn Kiếm" not in english_page(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")


def test_lapsed_list_query_count_is_bounded(client, catalogue, django_assert_max_num_queries):
    for n in range(6):
        factories.WithdrawnProductFactory(name=f"Thu hồi {n}")
    ShowroomStock.objects.all().delete()
    with django_assert_max_num_queries(10):
        vietnamese_page(client, "/products/?status=expired")
