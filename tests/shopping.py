"""A shopper's steps through the cart and checkout, shared by the checkout tests."""

from django.urls import reverse

SHOPPER = {
    "name": "Nguyễn Thị Lan",
    "phone": "0912 345 678",
    "email": "lan@example.vn",
    "fulfilment": "delivery",
    "address": "12 Hàng Bạc, Hoàn Kiếm, Hà Nội",
    "payment": "cash",
    "note": "Gọi trước khi giao",
}


def post_to_cart(client, product, quantity=1, **extra):
    """Press "Add to cart" on the product: the response, whatever it is."""
    return client.post(reverse("orders:cart_add", args=[product.pk]), {"quantity": quantity, **extra})


def add(client, product, quantity=1):
    """Put the product in the cart (it must be accepted)."""
    response = post_to_cart(client, product, quantity)
    assert response.status_code == 302, response.content.decode()[:500]


def hidden_fields(client):
    """What the checkout page puts in its hidden fields (the token, the total and the
    delivery fees shown)."""
    form = client.get(reverse("orders:checkout")).context["form"]
    return {
        "token": form["token"].value(),
        "expected_total": form["expected_total"].value(),
        "expected_delivery": form["expected_delivery"].value(),
    }


def checkout(client, hidden=None, **fields):
    data = {**(hidden or hidden_fields(client)), **SHOPPER, **fields}
    return client.post(reverse("orders:checkout"), data)
