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


def add(client, product, quantity=1):
    response = client.post(reverse("orders:cart_add", args=[product.pk]), {"quantity": quantity})
    assert response.status_code == 302, response.content.decode()[:500]


def hidden_fields(client):
    """What the checkout page puts in its hidden fields (the token and the total shown)."""
    form = client.get(reverse("orders:checkout")).context["form"]
    return {"token": form["token"].value(), "expected_total": form["expected_total"].value()}


def checkout(client, hidden=None, **fields):
    data = {**(hidden or hidden_fields(client)), **SHOPPER, **fields}
    return client.post(reverse("orders:checkout"), data)
