"""Writes that touch several models: placing an order and moving a part through its statuses.

Placing an order is one transaction. The Order row (with the form's token) is inserted
first, so a second submit of the same form waits on the unique index and then fails
instead of buying twice. Products are then locked (SELECT … FOR UPDATE, in id order so
two checkouts never deadlock), their certificates and stock checked, the stock decreased,
and prices copied onto the lines. A shopper who loses the race for the last unit gets
SoldOut, one whose product's certificate lapsed meanwhile gets NotCertified, and nothing of
their order is saved.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalogue import caching
from catalogue.models import Producer, Product
from core.qr import qr_png

from . import delivery, notifications
from .cart import certificate_problem, pickup_showrooms
from .models import (
    Fulfilment,
    Order,
    OrderLine,
    Payment,
    ProducerOrder,
    Status,
    new_order_code,
    payee_details_for,
)

logger = logging.getLogger(__name__)


class OrderError(Exception):
    """The order cannot be placed as asked; the message is for the shopper."""


class SoldOut(OrderError):
    def __init__(self, message, products):
        super().__init__(message)
        self.products = products


class NotCertified(OrderError):
    """A product's OCOP certificate expired or was withdrawn since it went into the cart."""


class PriceChanged(OrderError):
    def __init__(self, message, total, delivery=""):
        super().__init__(message)
        self.total = total
        self.delivery = delivery  # the fees' signature now (delivery.Quote.signature)


class DeliveryFeeChanged(PriceChanged):
    """A delivery fee differs from the one shown: a rule changed, or the address did."""


class StatusChangeRefused(Exception):
    pass


@dataclass
class PlacedOrder:
    order: Order
    created: bool  # False when the token had already placed this order (a resubmit)


def place_order(
    *,
    token,
    items,
    name,
    phone,
    email="",
    fulfilment,
    address="",
    delivery_district=None,
    delivery_commune=None,
    showroom=None,
    payment,
    note="",
    expected_total=None,
    expected_delivery=None,
    language="vi",
):
    """Place an order for `items` ({product id: quantity}) in one transaction.

    Each producer's part gets the delivery fee and time for the district or commune
    (orders/delivery.py), and the total includes the fees.

    Returns PlacedOrder; raises SoldOut when stock ran out since the cart was filled,
    DeliveryFeeChanged when a fee differs from `expected_delivery` (the signature of the
    fees the shopper saw), PriceChanged when the total differs from the `expected_total`
    the shopper saw, and OrderError for any other reason the order cannot be placed as asked.
    """
    existing = Order.objects.filter(token=token).first()
    if existing is not None:
        return PlacedOrder(existing, created=False)
    items = {int(pk): int(quantity) for pk, quantity in items.items() if int(quantity) > 0}
    if not items:
        raise OrderError(_("Your cart is empty."))

    try:
        with transaction.atomic():
            order = _create_order_row(
                token=token,
                name=name,
                phone=phone,
                email=email,
                fulfilment=fulfilment,
                address=address,
                delivery_district=delivery_district,
                delivery_commune=delivery_commune,
                showroom=showroom,
                payment=payment,
                note=note,
                language=language,
            )
            products = lock_products(items)
            # On the locked rows: a withdrawal saved meanwhile is seen, one saved later waits.
            check_certificates(products)
            check_stock(products, items)
            _check_pickup(fulfilment, showroom, items)
            producers = _attach_producers(products)
            fees = delivery.quote(
                [(products[pk], quantity) for pk, quantity in items.items()],
                fulfilment=fulfilment,
                district_id=getattr(delivery_district, "pk", None),
                commune_id=getattr(delivery_commune, "pk", None),
            )
            total = fees.total
            if fulfilment == Fulfilment.PICKUP and expected_delivery is not None:
                # Pickup costs no delivery: switching to it without recalculating drops the
                # fees the page showed, and asks again only if a price changed.
                if expected_total is not None:
                    expected_total -= delivery.fees_in(expected_delivery)
                expected_delivery = None
            if expected_delivery is not None and fees.signature != expected_delivery:
                raise DeliveryFeeChanged(
                    _(
                        "The delivery fee changed (for your address, or the producer changed it): the new fee "
                        "and total are shown below. Check them and place the order again."
                    ),
                    total,
                    fees.signature,
                )
            if expected_total is not None and total != expected_total:
                raise PriceChanged(
                    _(
                        "A price changed while you were checking out: the total is now shown below. "
                        "Check it and place the order again."
                    ),
                    total,
                    fees.signature,
                )
            _create_parts_and_lines(order, products, items, payment, producers, fees)
            _take_stock(items)
            order.total = total
            order.save(update_fields=["total"])
    except IntegrityError:
        # The twin submission of the same form committed first: show its order.
        existing = Order.objects.filter(token=token).first()
        if existing is None:
            raise
        return PlacedOrder(existing, created=False)

    transaction.on_commit(lambda: send_order_emails(order), robust=True)
    return PlacedOrder(order, created=True)


def _create_order_row(
    *,
    token,
    name,
    phone,
    email,
    fulfilment,
    address,
    delivery_district,
    delivery_commune,
    showroom,
    payment,
    note,
    language,
):
    code = new_order_code()
    # 30^8 codes: a clash is rare, but a clash would be an error page after payment details.
    while Order.objects.filter(code=code).exists():
        code = new_order_code()
    return Order.objects.create(
        code=code,
        token=token,
        name=name,
        phone=phone,
        email=email,
        fulfilment=fulfilment,
        address=address if fulfilment == Fulfilment.DELIVERY else "",
        delivery_district=delivery_district if fulfilment == Fulfilment.DELIVERY else None,
        delivery_commune=delivery_commune if fulfilment == Fulfilment.DELIVERY else None,
        showroom=showroom if fulfilment == Fulfilment.PICKUP else None,
        payment=payment,
        note=note,
        total=0,
        language=language,
    )


def lock_products(items):
    """The products of `items`, locked until the transaction ends, in id order."""
    # of=("self",): lock the product rows only, never producers or anything joined.
    rows = Product.objects.select_for_update(of=("self",)).filter(pk__in=items).order_by("pk")
    return {product.pk: product for product in rows}


def check_certificates(products, today=None):
    """Raise NotCertified naming every product that may no longer be sold as OCOP today."""
    problems = [
        problem
        for product in products.values()
        if product.is_published and (problem := certificate_problem(product, today))
    ]
    if problems:
        raise NotCertified(" ".join(problems) + " " + _("Remove it from your cart to order the rest."))


def check_stock(products, items):
    """Raise SoldOut naming every product that cannot be had in the quantity asked."""
    missing = []
    for pk, quantity in items.items():
        product = products.get(pk)
        if product is None or not product.is_published or product.stock_quantity < quantity:
            missing.append(product)
    if not missing:
        return
    names = ", ".join(f"“{product.name}”" for product in missing if product is not None)
    if any(product is None or not product.is_published or product.stock_quantity == 0 for product in missing):
        message = _("Sorry, %(names)s just sold out or is no longer on sale.") % {"names": names or _("an item")}
    else:
        message = _(
            "Sorry, not enough left of %(names)s: someone just bought some. Lower the quantity in your cart."
        ) % {"names": names}
    raise SoldOut(message, [product for product in missing if product is not None])


def _check_pickup(fulfilment, showroom, items):
    if fulfilment != Fulfilment.PICKUP:
        return
    if showroom is None or not pickup_showrooms(items).filter(pk=showroom.pk).exists():
        raise OrderError(_("This showroom does not stock every item in your cart. Choose another one or delivery."))


def _attach_producers(products):
    """The locked products' producers (with payee accounts) in one query, set on each product."""
    producers = Producer.objects.select_related("payee_account", "delivery_terms").in_bulk(
        {product.producer_id for product in products.values()}
    )
    for product in products.values():
        product.producer = producers[product.producer_id]
    return producers


def _create_parts_and_lines(order, products, items, payment, producers, fees):
    by_producer = defaultdict(list)
    for pk, quantity in items.items():
        by_producer[products[pk].producer_id].append((products[pk], quantity))
    for producer_id, lines in sorted(by_producer.items()):
        quoted = fees.part_for(producer_id)
        payee = {}
        if payment == Payment.BANK_TRANSFER:
            payee = payee_details_for(producers[producer_id])
            if payee is None:
                raise OrderError(
                    _("%(producer)s does not take bank transfers yet. Choose cash on delivery.")
                    % {"producer": producers[producer_id].name}
                )
        part = ProducerOrder.objects.create(
            order=order,
            producer=producers[producer_id],
            subtotal=quoted.subtotal,
            delivery_fee=quoted.fee,
            delivery_days_min=quoted.days_min,
            delivery_days_max=quoted.days_max,
            payee_bank_name=payee.get("bank_name", ""),
            payee_account_number=payee.get("account_number", ""),
            payee_account_name=payee.get("account_name", ""),
            payee_bank_bin=payee.get("bank_bin", ""),
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                part=part,
                product=product,
                product_name=product.name,
                unit=product.unit,
                unit_price=product.price,
                quantity=quantity,
            )
            for product, quantity in lines
        )


def _take_stock(items):
    # update(), not save(): save() rebuilds search text and would overwrite other columns
    # with what we read. updated_at moves so pages validated by it (ETags) refresh.
    now = timezone.now()
    for pk, quantity in items.items():
        Product.objects.filter(pk=pk).update(stock_quantity=F("stock_quantity") - quantity, updated_at=now)
    # update() sends no signal: cached pages showing the stock need telling.
    caching.stock_moved(Product, {pk: -quantity for pk, quantity in items.items()})


def change_status(*, part, status, reason=""):
    """Move one producer's part to `status`; cancelling puts its stock back and keeps
    `reason` (shown to the shopper on the order page).

    Runs in one transaction with the part locked, so two officers cancelling at once
    cannot put the stock back twice. Raises StatusChangeRefused for a move that the
    workflow does not allow (e.g. completing a cancelled part).
    """
    with transaction.atomic():
        locked = ProducerOrder.objects.select_for_update(of=("self",)).select_related("order").get(pk=part.pk)
        if not locked.can_move_to(status):
            raise StatusChangeRefused(
                _("%(part)s cannot go from “%(current)s” to “%(new)s”.")
                % {"part": locked, "current": locked.get_status_display(), "new": Status(status).label}
            )
        if status == Status.CANCELLED:
            now = timezone.now()
            returned = defaultdict(int)
            for line in locked.lines.order_by("product_id"):
                Product.objects.filter(pk=line.product_id).update(
                    stock_quantity=F("stock_quantity") + line.quantity, updated_at=now
                )
                returned[line.product_id] += line.quantity
            # update() sends no signal: cached pages showing the stock need telling.
            caching.stock_moved(Product, returned)
        locked.status = status
        fields = ["status", "updated_at"]
        if status == Status.CANCELLED:
            locked.cancel_reason = reason.strip()[:300]
            fields.append("cancel_reason")
        locked.save(update_fields=fields)
    part.status, part.cancel_reason = locked.status, locked.cancel_reason
    return locked


def record_transfer_received(*, part, user):
    """Record that this part's bank transfer arrived (who saw it, when); the shopper sees it.

    Raises StatusChangeRefused for a part not paid by bank transfer or already recorded
    (two officers clicking at once record it once: the part is locked).
    """
    with transaction.atomic():
        locked = ProducerOrder.objects.select_for_update(of=("self",)).select_related("order").get(pk=part.pk)
        if locked.payee is None:
            raise StatusChangeRefused(_("%(part)s is not paid by bank transfer.") % {"part": locked})
        if locked.paid_at is not None:
            raise StatusChangeRefused(_("The transfer for %(part)s is already recorded.") % {"part": locked})
        locked.paid_at = timezone.now()
        locked.paid_recorded_by = user
        locked.save(update_fields=["paid_at", "paid_recorded_by", "updated_at"])
    part.paid_at, part.paid_recorded_by = locked.paid_at, locked.paid_recorded_by
    return locked


def undo_transfer_received(*, part):
    """Take back a transfer recorded by mistake (the wrong part, money not there after all):
    the shopper's page asks for the payment again, with its code. Raises StatusChangeRefused
    when no transfer is recorded."""
    with transaction.atomic():
        locked = ProducerOrder.objects.select_for_update(of=("self",)).select_related("order").get(pk=part.pk)
        if locked.paid_at is None:
            raise StatusChangeRefused(_("The transfer for %(part)s is not recorded as received.") % {"part": locked})
        locked.paid_at = None
        locked.paid_recorded_by = None
        locked.save(update_fields=["paid_at", "paid_recorded_by", "updated_at"])
    part.paid_at, part.paid_recorded_by = None, None
    return locked


# --- emails ---------------------------------------------------------------------------------


def send_order_emails(order):
    """One email to the shopper (if they gave an address) and one to each producer.

    Sent after the commit: a mail server that is down must not undo a placed order, and
    an order that rolled back must not be announced.
    """
    order = Order.objects.for_detail().get(pk=order.pk)
    parts = list(order.parts.all())
    messages = []
    if order.email:
        with translation.override(order.language):
            message = EmailMessage(
                subject=_("Your OCOP order %(code)s") % {"code": order.code},
                body=render_to_string(
                    "orders/email/shopper.txt", {"order": order, "parts": parts, "SITE_URL": settings.SITE_URL}
                ),
                to=[order.email],
            )
            # The VietQR codes as attachments, not inline images: the email stays plain text
            # (read the same in every client), and a saved image is what banking apps open.
            for part in parts:
                if payload := part.vietqr_payload():
                    message.attach(part.vietqr_filename, qr_png(payload), "image/png")
            messages.append(message)
    # Producers read Vietnamese, whatever language the shopper used (their links too).
    with translation.override(settings.LANGUAGE_CODE):
        to_producers = notifications.recipients(parts)
        for part in parts:
            recipients = to_producers[part.pk]
            if not recipients.emails:
                continue
            context = {"order": order, "part": part, "SITE_URL": settings.SITE_URL, "area_path": recipients.area_path}
            messages.append(
                EmailMessage(
                    subject=_("New order %(code)s for %(producer)s")
                    % {"code": order.code, "producer": part.producer.name},
                    body=render_to_string("orders/email/producer.txt", context),
                    to=recipients.emails,
                )
            )
    for part in parts:
        notifications.notify_producer(part)
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages)
