"""Orders, placed through the service as checkout does (it splits them into producer parts)."""

import uuid

import factory

from orders import reviews, services
from orders.models import Order, Status


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


def completed_order(product, quantity=1, **fields):
    """An order for `product` whose parts are all completed (so it may be reviewed)."""
    order = OrderFactory(lines=[(product, quantity)], **fields)
    order.parts.update(status=Status.COMPLETED)
    return order


def review(product, stars=5, text="Đẹp, đóng gói cẩn thận.", status="published", order=None, **fields):
    """A buyer's review of `product` through the services, as the order page and the admin
    write it: `status="pending"`, `"published"` (the product's figures follow) or `"hidden"`."""
    order = order or completed_order(product)
    part = order.parts.get(producer=product.producer_id)
    written = reviews.write_review(
        part=part,
        product_id=product.pk,
        stars=stars,
        text=text,
        display_name=fields.pop("display_name", "Minh"),
        **fields,
    )
    if status != "pending":
        reviews.moderate(review=written, status=status, user=None, reason="Quảng cáo" if status == "hidden" else "")
        written.refresh_from_db()
    return written
