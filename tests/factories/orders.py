"""Orders, placed through the service as checkout does (it splits them into producer parts)."""

import uuid

import factory

from orders import services
from orders.models import Order


class OrderFactory(factory.Factory):
    """A cash delivery order by Trần Văn Minh: `lines=[(product, quantity), ...]`;
    `fulfilment="pickup", showroom=...` for a pickup (no address)."""

    class Meta:
        model = Order

    token = factory.LazyFunction(uuid.uuid4)
    lines = ()
    name = "Trần Văn Minh"
    phone = "+84986123456"
    fulfilment = "delivery"
    address = factory.LazyAttribute(lambda o: "5 Lý Thái Tổ" if o.fulfilment == "delivery" else "")
    showroom = None
    payment = "cash"

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("an order exists only once placed: use OrderFactory(...)")

    @classmethod
    def _create(cls, model_class, lines, **fields):
        items = {product.pk: quantity for product, quantity in lines}
        return services.place_order(items=items, **fields).order
