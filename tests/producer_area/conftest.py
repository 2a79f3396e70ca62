import pytest

from tests import factories


@pytest.fixture
def area(world):
    """The Phú Xuyên producer's user (signed in as `client`'s twin) and the Gia Lâm producer's
    rows: an order each (delivery), a photo each."""
    own, other = world["own"], world["other"]
    user = factories.ProducerUserFactory(username="ba.lan@example.com", producer=own["producer"])
    own_order = factories.OrderFactory(lines=[(own["product"], 2)])
    other_order = factories.OrderFactory(lines=[(other["product"], 1)], name="Lê Thị Khác", phone="+84912000111")
    return {
        "user": user,
        "own": own
        | {
            "part": own_order.parts.get(),
            "order": own_order,
            "photo": factories.ProductImageFactory(product=own["product"]),
        },
        "other": other
        | {
            "part": other_order.parts.get(),
            "order": other_order,
            "photo": factories.ProductImageFactory(product=other["product"]),
        },
    }


@pytest.fixture
def producer_client(client, area):
    client.force_login(area["user"])
    return client
