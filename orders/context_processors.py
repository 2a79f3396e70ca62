from functools import partial

from .cart import Cart
from .middleware import PLACEHOLDER


def _cart_count(request):
    session = getattr(request, "session", None)
    return Cart(session).count if session is not None else 0


def cart(request):
    """The cart's parts of pages that lower apps draw.

    base.html (core) and the product card and page (catalogue) know nothing of orders: they
    include `cart_link_template` and `cart_button_template` when a context gives them, and
    this processor does. Also `cart_count` for the header badge, and the placeholder that
    add-to-cart forms carry instead of a token (orders/middleware.py).

    The count is a callable, so the template resolves it only where it is shown: pages that do not
    show it (the admin, error pages without a session) never load the session for it.
    """
    return {
        "cart_count": partial(_cart_count, request),
        "form_token_placeholder": PLACEHOLDER,
        "cart_link_template": "orders/partials/cart_link.html",
        "cart_button_template": "orders/partials/add_to_cart.html",
    }
