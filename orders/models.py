"""Orders: one Order per checkout, split into one ProducerOrder per producer, with lines.

Shoppers buy directly from producers, so each producer confirms, ships (or readies for
pickup) and gets paid for its own part; the Order only holds what the shopper typed once.
Prices, names and payee details are copied at checkout: an order says what the shopper
agreed to, whatever the catalogue says later.
"""

import logging
import os
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from catalogue.models import Producer, Product
from core import thumbnails
from core.images import SafeImageField
from core.models import TimeStampedModel
from showrooms.models import Showroom
from villages.models import Commune, District

from . import vietqr
from .banks import BANK_CHOICES, BY_BIN
from .phone import E164_PATTERN, display_mobile

logger = logging.getLogger(__name__)

# No 0/O, 1/I/L or U: codes are read out over the phone and typed from an email.
ORDER_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
ORDER_CODE_LENGTH = 8
ORDER_CODE_PATTERN = r"^[2-9A-HJKMNP-TV-Z]{8}$"


def new_order_code():
    return "".join(secrets.choice(ORDER_CODE_ALPHABET) for _ in range(ORDER_CODE_LENGTH))


def normalise_order_code(value):
    """What a shopper types ("abcd-2345 ", "ABCD 2345") -> the stored form."""
    return "".join(ch for ch in str(value or "").upper() if ch.isalnum())


class Fulfilment(models.TextChoices):
    DELIVERY = "delivery", _("Delivery to an address")
    PICKUP = "pickup", _("Pickup at an OCOP showroom")


class Payment(models.TextChoices):
    CASH = "cash", _("Cash on delivery (or at the showroom on pickup)")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONFIRMED = "confirmed", _("Confirmed")
    SHIPPED = "shipped", _("Shipped")
    READY = "ready", _("Ready for pickup")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# Where a part may go from each status. SHIPPED is for deliveries and READY for pickups;
# ProducerOrder.next_statuses() drops the one that does not fit the order.
TRANSITIONS = {
    Status.NEW: (Status.CONFIRMED, Status.CANCELLED),
    Status.CONFIRMED: (Status.SHIPPED, Status.READY, Status.CANCELLED),
    Status.SHIPPED: (Status.COMPLETED, Status.CANCELLED),
    Status.READY: (Status.COMPLETED, Status.CANCELLED),
    Status.COMPLETED: (),
    Status.CANCELLED: (),
}


class PayeeAccount(TimeStampedModel):
    """The bank account a producer is paid into by bank transfer.

    Kept in the orders app (not on Producer) because only selling needs it. A producer
    without one falls back to settings.ORDERS_BANK_TRANSFER_PAYEE, the collective account
    of a showroom or OCOP centre; with neither, bank transfer is not offered for its
    products.
    """

    producer = models.OneToOneField(
        Producer, on_delete=models.CASCADE, related_name="payee_account", verbose_name=_("producer")
    )
    bank_name = models.CharField(_("bank"), max_length=120, help_text=_("e.g. Vietcombank, chi nhánh Hà Nội"))
    # The bank as NAPAS knows it: a VietQR code needs it. Empty for an old row whose bank
    # name matched no bank (orders/banks.py); such a payee gets transfer details, no QR.
    bank_bin = models.CharField(
        _("bank (for the VietQR code)"),
        max_length=6,
        blank=True,
        choices=BANK_CHOICES,
        help_text=_("Shoppers scan a VietQR code only when the bank is chosen here."),
    )
    account_number = models.CharField(_("account number"), max_length=40)
    account_name = models.CharField(_("account holder"), max_length=120)

    district_path = "producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["producer__name"]
        verbose_name = _("payee account")
        verbose_name_plural = _("payee accounts")
        constraints = [
            models.CheckConstraint(
                condition=~Q(bank_name="") & ~Q(account_number="") & ~Q(account_name=""),
                name="payee_account_complete",
                violation_error_message=_("Give the bank, the account number and the account holder."),
            ),
        ]

    def __str__(self):
        return f"{self.producer} · {self.bank_name} {self.account_number}"

    def clean(self):
        super().clean()
        if self.bank_bin and not vietqr.ACCOUNT_PATTERN.match(qr_account_number(self.account_number)):
            raise ValidationError(
                {
                    "account_number": _(
                        "For the VietQR code the account number is at most 19 letters and digits "
                        "(spaces, dots and dashes are left out)."
                    )
                }
            )

    def as_details(self):
        return {
            "bank_name": self.bank_name,
            "bank_bin": self.bank_bin,
            "account_number": self.account_number,
            "account_name": self.account_name,
        }


def qr_account_number(typed):
    """An account number as typed ("0011 0019 32418") -> as a VietQR code carries it."""
    return "".join(ch for ch in str(typed) if ch not in " .-")


def payee_details_for(producer):
    """The payee for a producer's bank transfers as a dict, or None if there is none.

    The dict has bank_name, bank_bin ("" when unknown: no QR code), account_number and
    account_name.
    """
    try:
        return producer.payee_account.as_details()
    except PayeeAccount.DoesNotExist:
        pass
    fallback = getattr(settings, "ORDERS_BANK_TRANSFER_PAYEE", None) or {}
    keys = ("bank_name", "account_number", "account_name")
    if all(fallback.get(key) for key in keys):
        bank_bin = str(fallback.get("bank_bin") or "")
        # A BIN NAPAS does not list would make a code no app accepts: details only.
        return {**{key: fallback[key] for key in keys}, "bank_bin": bank_bin if bank_bin in BY_BIN else ""}
    return None


def days_text(days_min, days_max):
    """A typical delivery time in words: "2–4 days", "1 day"; "" when not known."""
    if days_min is None or days_max is None:
        return ""
    if days_min == days_max:
        return ngettext("%(days)d day", "%(days)d days", days_max) % {"days": days_max}
    return gettext("%(min)d–%(max)d days") % {"min": days_min, "max": days_max}


class DeliveryTerms(TimeStampedModel):
    """How long a producer's deliveries usually take: shown beside the fee before ordering.

    One per producer, in orders beside its DeliveryRules (only selling needs them). A producer
    without terms still delivers; the cart then gives no time.
    """

    producer = models.OneToOneField(
        Producer, on_delete=models.CASCADE, related_name="delivery_terms", verbose_name=_("producer")
    )
    days_min = models.PositiveSmallIntegerField(_("delivery time from (days)"))
    days_max = models.PositiveSmallIntegerField(_("delivery time up to (days)"))

    district_path = "producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["producer__name"]
        verbose_name = _("delivery time")
        verbose_name_plural = _("delivery times")
        constraints = [
            models.CheckConstraint(
                condition=Q(days_min__lte=F("days_max")),
                name="delivery_terms_days_in_order",
                violation_error_message=_("The shortest delivery time cannot be longer than the longest."),
            ),
        ]

    def __str__(self):
        return f"{self.producer} · {self.days_text}"

    @property
    def days_text(self):
        return days_text(self.days_min, self.days_max)


class DeliveryRuleQuerySet(models.QuerySet):
    def for_producers(self, producer_ids):
        return self.filter(producer_id__in=producer_ids)


class DeliveryRule(TimeStampedModel):
    """A producer's delivery fee for everywhere, one old district or one commune (since 2025).

    Neither district nor commune: everywhere. The most specific rule matching the address
    wins (commune, then district, then everywhere: orders/delivery.py). Two rules for the
    same place would make the fee depend on chance, so the database refuses them.
    """

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="delivery_rules", verbose_name=_("producer")
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district (before 2025)"),
        help_text=_("Leave the district and the commune empty for a fee that applies everywhere."),
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune or ward (since 2025)"),
    )
    fee = models.PositiveIntegerField(
        _("delivery fee (VND)"),
        help_text=_("0 for free delivery."),
        validators=[MinValueValidator(0, message=_("The delivery fee cannot be negative."))],
    )
    free_above = models.PositiveIntegerField(
        _("free from a subtotal of (VND)"),
        null=True,
        blank=True,
        help_text=_("Delivery is free when this producer's part of the order reaches this amount."),
    )

    objects = DeliveryRuleQuerySet.as_manager()

    district_path = "producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["producer__name", "commune__name", "district__name"]
        verbose_name = _("delivery fee rule")
        verbose_name_plural = _("delivery fee rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(district__isnull=True) | Q(commune__isnull=True),
                name="delivery_rule_one_place",
                violation_error_message=_("Choose a district or a commune, not both: make two rules."),
            ),
            models.CheckConstraint(
                condition=Q(fee__gte=0),
                name="delivery_rule_fee_not_negative",
                violation_error_message=_("The delivery fee cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(free_above__isnull=True) | Q(free_above__gt=0),
                name="delivery_rule_free_above_positive",
                violation_error_message=_("“Free from” must be more than 0 ₫; leave it empty for never free."),
            ),
            models.UniqueConstraint(
                fields=["producer"],
                condition=Q(district__isnull=True, commune__isnull=True),
                name="delivery_rule_once_everywhere",
                violation_error_message=_(
                    "This producer already has a fee for everywhere: change that rule instead of adding one."
                ),
            ),
            models.UniqueConstraint(
                fields=["producer", "district"],
                condition=Q(district__isnull=False),
                name="delivery_rule_once_per_district",
                violation_error_message=_(
                    "This producer already has a fee for this district: change that rule instead of adding one."
                ),
            ),
            models.UniqueConstraint(
                fields=["producer", "commune"],
                condition=Q(commune__isnull=False),
                name="delivery_rule_once_per_commune",
                violation_error_message=_(
                    "This producer already has a fee for this commune: change that rule instead of adding one."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.producer} · {self.place_label}"

    @property
    def place_label(self):
        return str(self.commune or self.district or _("everywhere"))

    @property
    def specificity(self):
        """Commune 2, district 1, everywhere 0: the highest matching rule wins."""
        return 2 if self.commune_id else 1 if self.district_id else 0

    def matches(self, district_id, commune_id):
        if self.commune_id:
            return self.commune_id == commune_id
        if self.district_id:
            return self.district_id == district_id
        return True

    def fee_for(self, subtotal):
        """The fee for a part of `subtotal` VND: free from `free_above` (inclusive)."""
        if self.free_above is not None and subtotal >= self.free_above:
            return 0
        return self.fee


class OrderQuerySet(models.QuerySet):
    def for_detail(self):
        """An order page: showroom, parts with producer and payee, lines with product."""
        return self.select_related("showroom__district", "delivery_district", "delivery_commune").prefetch_related(
            Prefetch(
                "parts",
                queryset=ProducerOrder.objects.select_related("producer").prefetch_related(
                    Prefetch("lines", queryset=OrderLine.objects.select_related("product"))
                ),
            )
        )

    def with_reviews(self):
        """The order page's reviews: those written for each part (one query)."""
        return self.prefetch_related("parts__reviews")

    def for_lookup(self, code, phone_e164):
        """The order a shopper may see: the code and the phone must both match."""
        return self.filter(code=normalise_order_code(code), phone=phone_e164)


class Order(TimeStampedModel):
    """What the shopper typed at checkout, once for all producers."""

    code = models.CharField(_("order code"), max_length=ORDER_CODE_LENGTH, unique=True, editable=False)
    # The checkout form's hidden token: a second submit of the same form (double click,
    # back and resubmit) hits this unique column instead of creating a second order.
    token = models.UUIDField(_("idempotency token"), editable=False)
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=16, help_text=_("E.164, e.g. +84912345678"))
    email = models.EmailField(_("email"), blank=True)
    fulfilment = models.CharField(_("fulfilment"), max_length=10, choices=Fulfilment.choices)
    address = models.TextField(_("delivery address"), blank=True)
    # The place the delivery fees were worked out for (orders/delivery.py); the address
    # text says the rest.
    delivery_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delivery district (before 2025)"),
    )
    delivery_commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delivery commune or ward"),
    )
    showroom = models.ForeignKey(
        Showroom,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pickup_orders",
        verbose_name=_("pickup showroom"),
    )
    payment = models.CharField(_("payment"), max_length=20, choices=Payment.choices)
    note = models.TextField(_("note"), blank=True)
    # With the delivery fees known at checkout; a fee "to be agreed" is not in it.
    total = models.PositiveBigIntegerField(_("total (VND)"))
    language = models.CharField(_("language"), max_length=8, default="vi")

    objects = OrderQuerySet.as_manager()

    # An order spanning districts belongs to each of its parts' districts (villages/scoping.py).
    district_path = "parts__producer__district"

    class Meta:
        ordering = ["-created_at"]
        # A context: "order" alone is also a position in a sequence (thứ tự) elsewhere.
        verbose_name = pgettext_lazy("shop order", "order")
        verbose_name_plural = _("orders")
        constraints = [
            models.UniqueConstraint(fields=["token"], name="order_token_once"),
            models.CheckConstraint(condition=Q(code__regex=ORDER_CODE_PATTERN), name="order_code_format"),
            models.CheckConstraint(condition=Q(phone__regex=E164_PATTERN), name="order_phone_e164_vn"),
            models.CheckConstraint(condition=Q(fulfilment__in=Fulfilment.values), name="order_fulfilment_known"),
            models.CheckConstraint(condition=Q(payment__in=Payment.values), name="order_payment_known"),
            models.CheckConstraint(
                condition=Q(fulfilment=Fulfilment.DELIVERY, showroom__isnull=True) & ~Q(address="")
                | Q(fulfilment=Fulfilment.PICKUP, showroom__isnull=False),
                name="order_delivery_has_address_pickup_has_showroom",
                violation_error_message=_("A delivery needs an address; a pickup needs a showroom."),
            ),
        ]
        indexes = [models.Index(fields=["phone"], name="order_phone")]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("orders:order_detail", kwargs={"code": self.code})

    @property
    def phone_display(self):
        return display_mobile(self.phone)

    @property
    def is_pickup(self):
        return self.fulfilment == Fulfilment.PICKUP

    @property
    def has_fees_to_agree(self):
        """A part's delivery fee is agreed by phone: the total leaves it out."""
        return not self.is_pickup and any(part.delivery_fee is None for part in self.parts.all())

    @property
    def delivery_place(self):
        """The commune or old district the delivery fees were worked out for, in words."""
        return ", ".join(str(place) for place in (self.delivery_commune, self.delivery_district) if place)

    @property
    def transfer_reference(self):
        """What the shopper writes in the bank transfer's description."""
        return f"OCOP {self.code}"


class ProducerOrderQuerySet(models.QuerySet):
    def for_admin(self):
        return self.select_related("order", "producer__district")

    def transfer_to_check(self):
        """Bank-transfer parts whose money is not recorded and that still count (not
        cancelled): the admin's "awaited" filter and the producer area's badge."""
        return self.exclude(payee_account_number="").filter(paid_at__isnull=True).exclude(status=Status.CANCELLED)

    def transfer_received(self):
        return self.exclude(payee_account_number="").filter(paid_at__isnull=False)

    def for_producer_area(self):
        """A producer's own parts, newest first, with the shopper's order and the lines with
        their products (orders list and part page of producer_area: a fixed number of
        queries). The area names each line by the producer's own product, in the area's
        language: the line's copied name is the one the shopper read, perhaps in English."""
        return (
            self.select_related("order__delivery_district", "order__delivery_commune", "order__showroom")
            .prefetch_related(Prefetch("lines", queryset=OrderLine.objects.select_related("product")))
            .order_by("-created_at", "-pk")
        )


class ProducerOrder(TimeStampedModel):
    """One producer's part of an order: its lines, its status, its payee."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="parts", verbose_name=pgettext_lazy("shop order", "order")
    )
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="orders", verbose_name=_("producer"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    subtotal = models.PositiveBigIntegerField(_("subtotal (VND)"))
    # Copied at checkout from the rule the shopper was shown (orders/delivery.py). None: no
    # rule, the fee is agreed with the producer by phone; 0 for pickup or free delivery.
    delivery_fee = models.PositiveIntegerField(_("delivery fee (VND)"), null=True, blank=True)
    delivery_days_min = models.PositiveSmallIntegerField(_("delivery time from (days)"), null=True, blank=True)
    delivery_days_max = models.PositiveSmallIntegerField(_("delivery time up to (days)"), null=True, blank=True)
    # Copied at checkout (bank transfer only): the shopper was told to pay into this account.
    payee_bank_name = models.CharField(_("payee bank"), max_length=120, blank=True)
    payee_account_number = models.CharField(_("payee account number"), max_length=40, blank=True)
    payee_account_name = models.CharField(_("payee account holder"), max_length=120, blank=True)
    payee_bank_bin = models.CharField(_("payee bank BIN"), max_length=6, blank=True)
    # Set by an officer or the producer who saw the money arrive; the shopper sees it.
    paid_at = models.DateTimeField(_("transfer received"), null=True, blank=True)
    paid_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("transfer received, recorded by"),
    )
    # Why the producer (or an officer) cancelled: the shopper reads it on the order page.
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    objects = ProducerOrderQuerySet.as_manager()

    district_path = "producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["order", "producer__name"]
        verbose_name = _("producer order")
        verbose_name_plural = _("producer orders")
        constraints = [
            models.UniqueConstraint(fields=["order", "producer"], name="producer_order_once_per_producer"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="producer_order_status_known"),
        ]

    def __str__(self):
        return f"{self.order.code} · {self.producer}"

    def get_absolute_url(self):
        return self.order.get_absolute_url()

    def next_statuses(self):
        """The statuses an officer or producer may move this part to next."""
        wrong_handover = Status.SHIPPED if self.order.is_pickup else Status.READY
        return [status for status in TRANSITIONS[Status(self.status)] if status != wrong_handover]

    def can_move_to(self, status):
        return status in self.next_statuses()

    @property
    def is_open(self):
        return self.status not in (Status.COMPLETED, Status.CANCELLED)

    @property
    def delivery_fee_to_agree(self):
        return self.delivery_fee is None and not self.order.is_pickup

    @property
    def total(self):
        """The part with its delivery fee (without it while the fee is to be agreed)."""
        return self.subtotal + (self.delivery_fee or 0)

    @property
    def delivery_days_text(self):
        return days_text(self.delivery_days_min, self.delivery_days_max)

    @property
    def payee(self):
        if not self.payee_account_number:
            return None
        return {
            "bank_name": self.payee_bank_name,
            "bank_bin": self.payee_bank_bin,
            "account_number": self.payee_account_number,
            "account_name": self.payee_account_name,
        }

    @property
    def transfer_reference(self):
        """What the shopper writes in this part's transfer description ("OCOP ABCD2345").

        With several parts a number is added ("OCOP ABCD2345 2", in the page's order of
        parts): two producers paid through the same collective account must be told apart.
        Reads the order's parts, prefetched by Order.objects.for_detail().
        """
        parts = list(self.order.parts.all())
        if len(parts) < 2:
            return self.order.transfer_reference
        number = next(i for i, part in enumerate(parts, start=1) if part.pk == self.pk)
        return f"{self.order.transfer_reference} {number}"

    @property
    def transfer_to_check(self):
        """The row-level twin of ProducerOrderQuerySet.transfer_to_check(). Not
        `awaits_transfer`, the shopper's "still to pay", which ends when the part is
        completed: the money may arrive after the handover."""
        return self.payee is not None and self.paid_at is None and self.status != Status.CANCELLED

    @property
    def awaits_transfer(self):
        """The shopper should still pay this part by bank transfer."""
        return self.payee is not None and self.is_open and self.paid_at is None

    @property
    def vietqr_filename(self):
        return f"vietqr-{self.transfer_reference.replace(' ', '-').lower()}.png"

    def vietqr_url(self):
        return reverse("orders:vietqr_png", kwargs={"code": self.order.code, "part_id": self.pk})

    def vietqr_payload(self):
        """The VietQR string for paying this part, or None (no bank BIN, paid, closed)."""
        if not (self.awaits_transfer and self.payee_bank_bin):
            return None
        try:
            return vietqr.payload(
                bank_bin=self.payee_bank_bin,
                account_number=qr_account_number(self.payee_account_number),
                amount=self.total,  # with the delivery fee when it is known
                purpose=vietqr.ascii_purpose(self.transfer_reference),
            )
        except ValueError:
            # A payee copied before its account number was checked: details only, no code.
            return None


class OrderLine(models.Model):
    part = models.ForeignKey(ProducerOrder, on_delete=models.CASCADE, related_name="lines", verbose_name=_("part"))
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="order_lines", verbose_name=_("product")
    )
    product_name = models.CharField(_("product"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    unit_price = models.PositiveIntegerField(_("unit price (VND)"))
    quantity = models.PositiveIntegerField(_("quantity"))

    district_path = "part__producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["id"]
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        constraints = [
            models.UniqueConstraint(fields=["part", "product"], name="order_line_once_per_product"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="order_line_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.product_name}"

    @property
    def line_total(self):
        return self.unit_price * self.quantity


# --- reviews from real buyers -----------------------------------------------------------------


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")


REVIEW_PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def review_photo_path(instance, filename):
    """reviews/<32 random hex>.jpg: no product id and none of the buyer's file name (which
    can carry their name), so a photo's URL is known only from a page that shows it. Uploads
    reach here cleaned (core.images), named .jpg, .png or .webp after their real format."""
    extension = os.path.splitext(filename)[1].lower()
    return f"reviews/{secrets.token_hex(16)}{extension if extension in REVIEW_PHOTO_EXTENSIONS else ''}"


def signature_from_name(name):
    """The first name a review is signed with: the last word of a Vietnamese full name
    ("Nguyễn Thị Lan" → "Lan"). The shopper may change it before sending."""
    words = str(name or "").split()
    return words[-1][:60] if words else ""


class ReviewQuerySet(models.QuerySet):
    def published(self):
        """What the public sees of a product's reviews: published ones, newest first."""
        return self.filter(status=ReviewStatus.PUBLISHED).order_by("-created_at", "-id")

    def for_admin(self):
        return self.select_related("product", "part__order", "part__producer", "moderated_by")

    def pending(self):
        return self.filter(status=ReviewStatus.PENDING)

    def needing_reply(self):
        """Published reviews the producer has not answered: what the producer area's
        dashboard counts and its "needs a reply" filter lists (pending ones may be answered
        too, but nobody reads them yet)."""
        return self.filter(status=ReviewStatus.PUBLISHED, reply="")


class Review(models.Model):
    """A buyer's stars and words about one product of a completed part of their order.

    Tied to the part (hence to the order, and so to a real purchase): one review per product
    per order. Officers of the producer's district publish or hide it; only published reviews
    show, and only they count in the product's `review_count`/`review_average`
    (orders/reviews.py keeps those current). The producer's reply is written once, in the
    producer area (/producer/reviews/) or by an officer in the admin on the producer's
    behalf, both through orders/reviews.py's `reply()`.
    """

    part = models.ForeignKey(ProducerOrder, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("part"))
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("product"))
    stars = models.PositiveSmallIntegerField(
        _("stars"),
        validators=[
            MinValueValidator(1, message=_("Give 1 to 5 stars.")),
            MaxValueValidator(5, message=_("Give 1 to 5 stars.")),
        ],
    )
    text = models.TextField(_("review"), max_length=2000)
    photo = SafeImageField(
        _("photo"),
        upload_to=review_photo_path,
        blank=True,
        help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels; location data is removed."),
    )
    # Stored, not measured by Django on each load: pages size the thumbnail from them alone.
    photo_width = models.PositiveIntegerField(editable=False, null=True)
    photo_height = models.PositiveIntegerField(editable=False, null=True)
    display_name = models.CharField(_("signed as"), max_length=60)
    status = models.CharField(_("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    moderation_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    # The site's language when the buyer wrote it: pages mark the words with it (`lang`).
    language = models.CharField(_("language"), max_length=8, default="vi")
    reply = models.TextField(_("producer's reply"), max_length=2000, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = ReviewQuerySet.as_manager()

    district_path = "product__producer__district"  # villages/scoping.py, as ProducerOrder's
    thumbnailed = thumbnails.Thumbnailed("photo", "photo_width", "photo_height", thumbnails.REVIEW_SIZES)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["part", "product"],
                name="review_once_per_product_per_order",
                violation_error_message=_("This product of this order already has a review."),
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5),
                name="review_stars_1_to_5",
                violation_error_message=_("Give 1 to 5 stars."),
            ),
            models.CheckConstraint(condition=Q(status__in=ReviewStatus.values), name="review_status_known"),
            models.CheckConstraint(
                condition=Q(reply="", replied_at__isnull=True) | (~Q(reply="") & Q(replied_at__isnull=False)),
                name="review_reply_has_date",
            ),
        ]
        indexes = [models.Index(fields=["product", "status", "-created_at"], name="review_product_public")]

    def __str__(self):
        return f"{self.product} · {self.stars}★ · {self.display_name}"

    def save(self, *args, **kwargs):
        """Store the row, then make the photo's thumbnail (core.thumbnails.REVIEW_SIZES) when
        the photo is new or was moved (orders/reviews.py): no page ever makes one."""
        if self.photo and (not self.photo._committed or self.photo_width is None):
            self._measure_photo()
            if "update_fields" in kwargs and kwargs["update_fields"] is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "photo_width", "photo_height"}
        super().save(*args, **kwargs)
        if self.photo and self.photo.name != getattr(self, "_thumbnails_of", None):
            try:
                thumbnails.make_thumbnails(self.photo, thumbnails.REVIEW_SIZES)
            except thumbnails.UNREADABLE:
                # The review stands without it: its page links to the photo instead.
                logger.exception("Could not make the thumbnail of %s", self.photo.name)
                return
            self._thumbnails_of = self.photo.name

    def get_absolute_url(self):
        return self.product.get_absolute_url() + f"#review-{self.pk}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_reply = instance.__dict__.get("reply", "")
        # Which photo was loaded, so save() makes thumbnails only for a new or moved one.
        instance._thumbnails_of = instance.__dict__.get("photo")
        return instance

    def _measure_photo(self):
        try:
            self.photo_width, self.photo_height = self.photo.width, self.photo.height
        except (OSError, ValueError, TypeError) as error:
            logger.warning("Could not measure %s: %s", self.photo.name, error)
            self.photo_width = self.photo_height = None

    @property
    def photo_thumbnail(self):
        """The photo's small picture for public pages (core.thumbnails.Thumbnail), or None
        without a photo or before its thumbnail was made. Reads the row only."""
        return thumbnails.thumbnail_of(
            self.photo, self.photo_width, self.photo_height, "review", thumbnails.REVIEW_SIZES
        )

    @property
    def reply_locked(self):
        """The producer replied already: the reply is given once and then stays."""
        return bool(getattr(self, "_stored_reply", ""))

    def clean(self):
        super().clean()
        if self.reply_locked and self.reply != self._stored_reply:
            raise ValidationError({"reply": _("This review already has the producer's reply; a reply is given once.")})
        if self.reply and not self.replied_at:
            self.replied_at = timezone.now()

    @property
    def is_published(self):
        return self.status == ReviewStatus.PUBLISHED

    @property
    def has_reply(self):
        return self.replied_at is not None
