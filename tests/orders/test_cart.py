"""The session cart: adding from list and product pages, changing, removing, the header count."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.shopping import post_to_cart

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_site")]


def header_count(response):
    """The number in the header's cart badge, 0 when there is none."""
    match = re.search(
        r'class="cart-link"[^>]*>.*?(?:<span class="cart-count">(\d+)</span>|</a>)', response.content.decode(), re.S
    )
    assert match, "no cart link in the header"
    return int(match.group(1) or 0)


def test_adding_from_the_product_list_returns_to_the_list_with_the_count_in_the_header(client):
    product = factories.PublishedProductFactory(name="Bình gốm men lam")
    response = post_to_cart(client, product, next="/products/?page=1")
    assert response.status_code == 302
    assert response.url == "/products/?page=1"
    page = client.get(response.url)
    assert header_count(page) == 1
    assert "“Bình gốm men lam” is in your cart." in page.content.decode()


def test_header_counts_items_on_every_page(client):
    vase, silk = factories.PublishedProductFactory(name="Bình gốm"), factories.PublishedProductFactory(name="Khăn lụa")
    post_to_cart(client, vase, 2)
    post_to_cart(client, silk, 1)
    for url in ["/", "/products/", vase.get_absolute_url(), "/showrooms/", "/en/products/", reverse("orders:cart")]:
        assert header_count(client.get(url)) == 3, url


def test_header_shows_no_count_for_an_empty_cart(client):
    assert header_count(client.get("/en/")) == 0


def test_unknown_next_url_is_not_followed(client):
    product = factories.PublishedProductFactory()
    response = post_to_cart(client, product, next="https://evil.example/")
    assert response.url == product.get_absolute_url()


def test_adding_more_than_the_stock_is_refused_with_a_message(client):
    product = factories.PublishedProductFactory(name="Khay sơn mài", stock_quantity=3)
    response = post_to_cart(client, product, 4)
    assert response.status_code == 409
    assert "Only 3 of “Khay sơn mài” in stock." in response.content.decode()
    assert header_count(client.get("/en/")) == 0


def test_adding_again_counts_what_is_already_in_the_cart(client):
    product = factories.PublishedProductFactory(name="Khay sơn mài", stock_quantity=3)
    post_to_cart(client, product, 2)
    post_to_cart(client, product, 1)
    assert header_count(client.get("/en/")) == 3
    response = post_to_cart(client, product, 1)
    assert response.status_code == 409
    assert "3 are already in your cart" in response.content.decode()


def test_unpublished_product_is_refused(client):
    """Answered as for an unknown id (issue 11 §4): the refusal must not name the product."""
    product = factories.PublishedProductFactory(name="Nón lá chưa duyệt", is_published=False)
    response = post_to_cart(client, product)
    assert response.status_code == 404
    assert "Nón lá chưa duyệt" not in response.content.decode()
    assert header_count(client.get("/en/")) == 0


def test_sold_out_product_is_refused(client):
    product = factories.PublishedProductFactory(name="Tò he", stock_quantity=0)
    response = post_to_cart(client, product)
    assert response.status_code == 409
    assert "“Tò he” is sold out." in response.content.decode()


@pytest.mark.parametrize("quantity", ["abc", "0", "-2", "100000", ""])
def test_bad_quantity_is_a_400_with_words(client, quantity):
    product = factories.PublishedProductFactory()
    response = post_to_cart(client, product, quantity)
    assert response.status_code == 400
    assert '<li class="message-error">' in response.content.decode()
    assert header_count(client.get("/en/")) == 0


def test_unknown_product_is_404(client):
    response = client.post(reverse("orders:cart_add", args=[999999]), {"quantity": 1})
    assert response.status_code == 404


def test_adding_needs_post(client):
    product = factories.PublishedProductFactory()
    assert client.get(reverse("orders:cart_add", args=[product.pk])).status_code == 405


def test_adding_without_a_csrf_token_is_forbidden():
    client = Client(enforce_csrf_checks=True)
    product = factories.PublishedProductFactory()
    assert post_to_cart(client, product).status_code == 403


def test_cart_page_lists_lines_with_prices_and_total(client):
    vase = factories.PublishedProductFactory(name="Bình gốm", price=350_000)
    silk = factories.PublishedProductFactory(name="Khăn lụa", price=1_200_000)
    post_to_cart(client, vase, 2)
    post_to_cart(client, silk, 1)
    body = client.get(reverse("orders:cart")).content.decode()
    assert "Bình gốm" in body and "Khăn lụa" in body
    # The English cart (the client asks for no language): commas between thousands.
    assert "700,000\u00a0₫" in body
    assert "1,900,000\u00a0₫" in body


def test_changing_a_quantity(client):
    product = factories.PublishedProductFactory(stock_quantity=5)
    post_to_cart(client, product, 1)
    response = client.post(reverse("orders:cart_update", args=[product.pk]), {"quantity": 4})
    assert response.status_code == 302
    assert header_count(client.get(response.url)) == 4


def test_changing_a_quantity_above_stock_is_refused_and_keeps_the_old_one(client):
    product = factories.PublishedProductFactory(name="Bình gốm", stock_quantity=5)
    post_to_cart(client, product, 2)
    response = client.post(reverse("orders:cart_update", args=[product.pk]), {"quantity": 6})
    assert response.status_code == 409
    assert "Only 5 of “Bình gốm” in stock." in response.content.decode()
    assert header_count(client.get("/en/")) == 2


def test_quantity_zero_or_remove_takes_the_line_out(client):
    vase, silk = factories.PublishedProductFactory(name="Bình gốm"), factories.PublishedProductFactory(name="Khăn lụa")
    post_to_cart(client, vase, 2)
    post_to_cart(client, silk, 1)
    client.post(reverse("orders:cart_update", args=[vase.pk]), {"quantity": 0})
    assert header_count(client.get("/en/")) == 1
    client.post(reverse("orders:cart_remove", args=[silk.pk]))
    body = client.get(reverse("orders:cart")).content.decode()
    assert "Your cart is empty." in body


def test_a_line_that_sold_out_since_is_flagged_and_checkout_is_hidden(client):
    product = factories.PublishedProductFactory(name="Bình gốm", stock_quantity=5)
    post_to_cart(client, product, 3)
    product.stock_quantity = 1
    product.save()
    body = client.get(reverse("orders:cart")).content.decode()
    assert "Only 1 of “Bình gốm” in stock." in body
    assert reverse("orders:checkout") not in body


def test_product_page_has_an_add_to_cart_form_with_a_quantity(client):
    product = factories.PublishedProductFactory(stock_quantity=4)
    body = client.get(product.get_absolute_url()).content.decode()
    assert f'action="{reverse("orders:cart_add", args=[product.pk])}"' in body
    assert 'name="quantity"' in body and 'max="4"' in body


def test_out_of_stock_product_has_no_add_to_cart_button(client):
    product = factories.PublishedProductFactory(stock_quantity=0)
    body = client.get(product.get_absolute_url()).content.decode()
    assert reverse("orders:cart_add", args=[product.pk]) not in body


def test_product_list_cards_have_add_to_cart_buttons(client):
    product = factories.PublishedProductFactory()
    body = client.get("/products/").content.decode()
    assert reverse("orders:cart_add", args=[product.pk]) in body


def test_cart_page_in_english(client):
    product = factories.PublishedProductFactory(name="Bình gốm")
    post_to_cart(client, product)
    response = client.get("/en/cart/")
    assert response.status_code == 200
    assert "Your cart" in response.content.decode()


def test_cart_page_queries_do_not_grow_with_the_number_of_lines(client, django_assert_max_num_queries):
    for n in range(8):
        post_to_cart(client, factories.PublishedProductFactory(name=f"Sản phẩm {n}"))
    # Session, products with their producers (payee, delivery time), the delivery rules, the demo flag.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("orders:cart"))
    assert response.content.decode().count("Sản phẩm ") >= 8
