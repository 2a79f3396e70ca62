"""The shopping cart, kept in the session: no account needed.

The session holds only {product id: quantity}. Prices, names and stock are read from the
catalogue whenever the cart is shown, so a price change or a sale elsewhere is visible at
once; the checkout (services.place_order) checks stock again under row locks.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.certificates import CertificateStatus
from catalogue.models import Product
from core.formats import day
from showrooms.models import Showroom

SESSION_KEY = "cart"
# What the cart and checkout read of a product's producer, in the products' one query: the
# payee (is bank transfer offered?) and the delivery time. No pictures: the pages show none.
CART_RELATIONS = ("producer__payee_account", "producer__delivery_terms")
MAX_QUANTITY = 999


class CartError(Exception):
    """A change the cart refuses; the message is for the shopper."""


@dataclass
class CartLine:
    product: Product
    quantity: int

    @property
    def line_total(self):
        return self.product.price * self.quantity

    @property
    def problem(self):
        """Why this line cannot be ordered as it is, in words, or ""."""
        return availability_problem(self.product, self.quantity)


def certificate_problem(product, today=None):
    """Why `product` cannot be sold as OCOP on `today` (local date), in words, or "".

    Asked when adding to the cart, on every showing of the cart and checkout (a
    certificate may lapse while the product sits in a cart) and by place_order() on the
    locked row, so a withdrawal or midnight between the cart and the order sells nothing.
    """
    status = product.certificate_status_on(today or timezone.localdate())
    if status == CertificateStatus.WITHDRAWN:
        return _("“%(name)s” can no longer be sold: its OCOP certificate was withdrawn.") % {"name": product.name}
    if status == CertificateStatus.EXPIRED:
        return _("“%(name)s” can no longer be sold: its OCOP certificate was valid until %(date)s.") % {
            "name": product.name,
            "date": day(product.certificate_valid_until),
        }
    return ""


def availability_problem(product, quantity, already=0):
    """Why `quantity` more of `product` (with `already` in the cart) cannot be ordered, or ""."""
    if not product.is_published:
        return _("“%(name)s” is no longer on sale.") % {"name": product.name}
    lapsed = certificate_problem(product)
    if lapsed:
        return lapsed
    if product.stock_quantity <= 0:
        return _("“%(name)s” is sold out.") % {"name": product.name}
    if already + quantity > product.stock_quantity:
        if already:
            return _("Only %(stock)d of “%(name)s” in stock, and %(already)d are already in your cart.") % {
                "stock": product.stock_quantity,
                "name": product.name,
                "already": already,
            }
        return _("Only %(stock)d of “%(name)s” in stock.") % {
            "stock": product.stock_quantity,
            "name": product.name,
        }
    return ""


class Cart:
    def __init__(self, session):
        self.session = session

    @property
    def _items(self):
        # Keys are strings: the session is serialised as JSON.
        return self.session.get(SESSION_KEY, {})

    def _save(self, items):
        self.session[SESSION_KEY] = items
        self.session.modified = True

    @property
    def count(self):
        """Items in the cart (the header badge): read from the session, no query."""
        try:
            return sum(int(quantity) for quantity in self._items.values())
        except (TypeError, ValueError):
            return 0

    def quantity_of(self, product):
        return int(self._items.get(str(product.pk), 0))

    def add(self, product, quantity=1):
        """Add to what is already in the cart, or raise CartError."""
        already = self.quantity_of(product)
        problem = availability_problem(product, quantity, already=already)
        if problem:
            raise CartError(problem)
        self._save({**self._items, str(product.pk): min(already + quantity, MAX_QUANTITY)})

    def set(self, product, quantity):
        """Set a line's quantity (0 removes it), or raise CartError."""
        if quantity <= 0:
            self.remove(product)
            return
        problem = availability_problem(product, quantity)
        if problem:
            raise CartError(problem)
        self._save({**self._items, str(product.pk): quantity})

    def remove(self, product_id):
        product_id = str(getattr(product_id, "pk", product_id))
        self._save({key: value for key, value in self._items.items() if key != product_id})

    def clear(self):
        self._save({})

    def lines(self):
        """CartLine per product, in the order they were added; products deleted since are dropped."""
        items = self._items
        if not items:
            return []
        ids = [int(key) for key in items if str(key).isdigit()]
        products = Product.objects.filter(pk__in=ids).select_related(*CART_RELATIONS).in_bulk()
        return [CartLine(product=products[pk], quantity=int(items[str(pk)])) for pk in ids if pk in products]

    def product_ids(self):
        return [int(key) for key in self._items if str(key).isdigit()]


def pickup_showrooms(product_ids):
    """Open showrooms that stock every one of these products (the pickup choices)."""
    product_ids = set(product_ids)
    if not product_ids:
        return Showroom.objects.none()
    return (
        Showroom.objects.active()
        .for_listing()
        .annotate(stocked=Count("stock", filter=Q(stock__product_id__in=product_ids), distinct=True))
        .filter(stocked=len(product_ids))
    )
