"""Whole pages from the cache for visitors without a session (core/page_cache.py), and
invalidation by concern (core/cache.py, catalogue/caching.py).

A hit is recognised by its cost: a page served from the page cache makes no query and
has no template context (the view did not run).
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from catalogue import caching
from core import cache as ocop_cache
from core.page_cache import _page_key
from tests import factories
from tests.language import assert_english, assert_vietnamese, en_reverse, english_url, vi_reverse, vietnamese_url
from tests.shopping import add

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return factories.PublishedProductFactory(
        name_vi="Bình gốm men lam", name_en="Blue-glazed vase", stars=5, price=350_000, stock_quantity=5
    )


def served_from_cache(client, url, django_assert_num_queries, **headers):
    with django_assert_num_queries(0):
        response = client.get(url, **headers)
    assert response.status_code == 200
    assert response.context is None, "the view ran"
    return response


def rendered(response):
    return response.context is not None


# --- hits ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["home", "catalogue:product_list", "stats", "places:district_list"])
def test_a_warm_page_for_a_visitor_without_a_session_costs_no_query(client, product, name, django_assert_num_queries):
    url = reverse(name)
    first = client.get(url)
    assert rendered(first)
    served_from_cache(Client(), url, django_assert_num_queries)


def test_a_warm_product_page_and_search_cost_no_query(client, product, django_assert_num_queries):
    for url in [product.get_absolute_url(), "/products/?q=binh+gom", "/en/products/?stars=5&district=gia-lam"]:
        client.get(url)
        served_from_cache(client, url, django_assert_num_queries)


def test_a_cached_page_may_be_kept_by_a_shared_cache_but_is_revalidated_by_browsers(client, product):
    client.get("/")
    response = client.get("/")
    assert response.context is None
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0"} <= control
    assert any(part.startswith("s-maxage=") for part in control)
    assert "Cookie" in response["Vary"]
    assert not response.cookies


def test_head_is_answered_from_the_cache(client, product, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        assert client.head("/").status_code == 200


# --- nothing per visitor lands in it ------------------------------------------------------


def test_a_signed_in_officers_page_never_lands_in_the_anonymous_cache(officer_client, product):
    mine = officer_client.get("/")
    assert "private" in mine["Cache-Control"]
    assert cache.get(_page_key(mine.wsgi_request)) is None
    assert rendered(Client().get("/")), "the anonymous visitor got the officer's page"


def test_a_shopper_with_a_cart_sees_their_own_cart_count(client, product):
    anonymous = Client()
    assert 'class="cart-count"' not in anonymous.get("/").content.decode()
    add(client, product, quantity=2)
    mine = client.get("/")
    assert rendered(mine) and "private" in mine["Cache-Control"]
    assert '<span class="cart-count">2</span>' in mine.content.decode()
    # …and the next anonymous visitor still gets the page without anyone's count.
    other = anonymous.get("/")
    assert other.context is None and 'class="cart-count"' not in other.content.decode()


def test_a_message_waiting_for_the_visitor_is_shown_not_the_cached_page(client, product):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert rendered(client.get("/"))


def test_pages_that_set_a_cookie_are_not_stored(client, product):
    """A page that asked for a CSRF token (the cart) sets a cookie: it is never kept."""
    add(client, product)
    visitor = Client()
    for _ in range(2):
        response = visitor.get(reverse("orders:cart"))
        assert rendered(response)


def test_cached_pages_carry_no_form_token(client, product):
    client.get(product.get_absolute_url())
    body = client.get(product.get_absolute_url()).content.decode()
    assert 'class="add-to-cart"' in body
    assert "csrfmiddlewaretoken" not in body


def test_unknown_pages_are_not_stored(client, django_assert_max_num_queries):
    """404s are not kept: junk URLs would fill the cache, and they are cheap."""
    for _ in range(2):
        response = client.get("/products/no-such-product/")
        assert response.status_code == 404 and rendered(response)


# --- languages ----------------------------------------------------------------------------


def test_vietnamese_and_english_never_mix(product):
    """Whatever the browser asks for, the URL's language is served, warm as cold."""
    vi_path, en_path = vietnamese_url(product), english_url(product)
    for _ in range(2):  # cold, then from the cache
        for accept in ("en", "vi"):
            visitor = Client(HTTP_ACCEPT_LANGUAGE=accept)
            vi_page = visitor.get(vi_path)
            assert_vietnamese(vi_page)
            assert "350.000\u00a0₫" in vi_page.content.decode()
            assert f'href="{vi_reverse("catalogue:product_list")}"' in vi_page.content.decode()
            en_page = visitor.get(en_path)
            assert_english(en_page)
            assert "350,000\u00a0₫" in en_page.content.decode()
            assert f'href="{en_reverse("catalogue:product_list")}"' in en_page.content.decode()


def test_the_language_switcher_is_a_plain_link_to_the_same_page(client, product):
    body = client.get("/products/?stars=5").content.decode()
    assert 'href="/i18n/setlang/?language=en&amp;next=/products/%3Fstars%3D5"' in body
    switched = client.get("/i18n/setlang/?language=en&next=/products/%3Fstars%3D5")
    assert switched.status_code == 302 and switched["Location"] == "/en/products/?stars=5"
    assert switched.cookies["django_language"].value == "en"


# --- add to cart without a token ----------------------------------------------------------


@pytest.fixture
def browser_client():
    """A client that checks CSRF as a real site does (the test client skips it by default)."""
    return Client(enforce_csrf_checks=True)


def test_a_same_origin_add_to_cart_works_without_a_token(browser_client, product):
    url = reverse("orders:cart_add", args=[product.pk])
    assert browser_client.post(url, {"quantity": 1}, HTTP_ORIGIN="http://testserver").status_code == 302
    assert browser_client.post(url, {"quantity": 1}, HTTP_SEC_FETCH_SITE="same-origin").status_code == 302
    assert browser_client.session["cart"] == {str(product.pk): 2}


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {},  # neither header: refused too
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "same-origin"},
    ],
)
def test_a_cross_site_add_to_cart_is_refused(browser_client, product, headers):
    response = browser_client.post(reverse("orders:cart_add", args=[product.pk]), {"quantity": 1}, **headers)
    assert response.status_code == 403
    assert "cart" not in browser_client.session


@pytest.mark.parametrize(
    "name, args", [("orders:cart_update", True), ("orders:cart_remove", True), ("orders:checkout", False)]
)
def test_other_cart_changes_and_checkout_still_need_the_token(browser_client, product, name, args):
    url = reverse(name, args=[product.pk] if args else [])
    response = browser_client.post(url, {"quantity": 1}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 403


# --- invalidation by concern --------------------------------------------------------------


def test_a_sale_shows_on_the_product_page_without_emptying_the_home_page(client, product, django_assert_num_queries):
    client.get("/")
    client.get(product.get_absolute_url())
    home_version = ocop_cache.version()
    factories.OrderFactory(lines=[(product, 2)])
    assert ocop_cache.version() == home_version
    served_from_cache(client, "/", django_assert_num_queries)
    page = client.get(product.get_absolute_url())
    assert rendered(page)
    assert "Còn 3 sản phẩm" in page.content.decode()


def test_a_sale_that_empties_the_stock_shows_in_lists(client, product):
    client.get("/products/")
    home_version = ocop_cache.version()
    factories.OrderFactory(lines=[(product, 5)])
    assert ocop_cache.version() != home_version
    assert "Hết hàng" in client.get("/products/").content.decode()


def test_an_edited_description_shows_on_its_page_and_leaves_lists_cached(client, product, django_assert_num_queries):
    list_url = "/products/"
    client.get(list_url)
    client.get(product.get_absolute_url())
    list_version = ocop_cache.version()
    product.description_vi = "Men lam vẽ tay, nung 1.300 độ."
    product.save()
    assert ocop_cache.version() == list_version
    served_from_cache(client, list_url, django_assert_num_queries)
    assert "Men lam vẽ tay" in client.get(product.get_absolute_url()).content.decode()


def test_a_corrected_decision_number_shows_on_the_trace_page_and_leaves_lists_cached(client, product):
    client.get(product.get_trace_url())
    list_version = ocop_cache.version()
    product.certificate_number = "2024/QĐ-UBND"
    product.save()
    assert ocop_cache.version() == list_version
    assert "2024/QĐ-UBND" in client.get(product.get_trace_url()).content.decode()


def test_an_edited_price_empties_the_lists(client, product):
    client.get("/products/")
    list_version = ocop_cache.version()
    product.price = 420_000
    product.save()
    assert ocop_cache.version() != list_version
    assert "420.000\u00a0₫" in client.get("/products/").content.decode()


def test_a_renamed_slug_changes_the_old_and_the_new_page(product):
    old = caching.page_concern(product.slug)
    before = ocop_cache.version(old)
    product.slug = "binh-gom-men-lam-moi"
    product.save()
    assert ocop_cache.version(old) != before


@pytest.mark.parametrize("edit", ["add a lot", "rename a step", "delete a step", "delete a lot"])
def test_a_lot_or_step_edit_shows_on_the_product_and_trace_pages_and_leaves_lists_cached(client, product, edit):
    lot = factories.LotFactory(product=product, code="L2611-07", steps=2)
    step = lot.steps.order_by("position").first()
    phone = {"HTTP_USER_AGENT": "Mozilla/5.0 (iPhone) Mobile Safari/604.1", "HTTP_ACCEPT_LANGUAGE": "vi"}
    for url in ("/", "/products/", product.get_absolute_url()):
        client.get(url)
    client.get(lot.get_trace_url(), **phone)
    list_version = ocop_cache.version()
    if edit == "add a lot":
        factories.LotFactory(product=product, code="L2612-01", steps=0)
        shown, url = "L2612-01", product.get_absolute_url()
    elif edit == "rename a step":
        step.name_vi = "Nung men lam lần hai"
        step.save()
        shown, url = "Nung men lam lần hai", lot.get_trace_url()
    elif edit == "delete a step":
        name = step.name_vi
        step.delete()
        shown, url = None, lot.get_trace_url()
    else:
        lot.delete()
        shown, url = None, product.get_absolute_url()
    assert ocop_cache.version() == list_version, "lists and the home page were emptied"
    body = client.get(url, **phone).content.decode()
    if shown:
        assert shown in body
    elif edit == "delete a step":
        assert name not in body
    else:
        assert "L2611-07" not in body
    assert "L2611-07" in client.get(product.get_absolute_url()).content.decode() or edit == "delete a lot"


# --- compression ---------------------------------------------------------------------------


def test_a_cached_page_is_served_gzipped_to_a_browser_that_accepts_it(client, product, django_assert_num_queries):
    import gzip

    plain = client.get("/products/").content
    with django_assert_num_queries(0):
        packed = Client().get("/products/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain) / 2
    assert gzip.decompress(packed.content) == plain
    assert "Accept-Encoding" in packed["Vary"] and "Cookie" in packed["Vary"]


def test_a_browser_that_does_not_accept_gzip_gets_the_page_plain(client, product):
    first = client.get("/products/")
    again = Client().get("/products/", HTTP_ACCEPT_ENCODING="identity")
    assert again.context is None, "not from the cache"
    assert not again.has_header("Content-Encoding")
    assert again.content == first.content and "Bình gốm men lam" in again.content.decode()


def test_a_trace_page_from_the_cache_is_gzipped_and_still_revalidates(client, product):
    import gzip

    phone = {"HTTP_USER_AGENT": "Mozilla/5.0 (iPhone) Mobile Safari/604.1", "HTTP_ACCEPT_LANGUAGE": "vi"}
    first = client.get(product.get_trace_url(), **phone)
    packed = Client().get(product.get_trace_url(), HTTP_ACCEPT_ENCODING="gzip", **phone)
    assert packed["Content-Encoding"] == "gzip" and gzip.decompress(packed.content) == first.content
    assert packed["ETag"] == first["ETag"] and packed["ETag"].startswith("W/")
    not_modified = Client().get(
        product.get_trace_url(), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"], **phone
    )
    assert not_modified.status_code == 304 and not_modified.content == b""
