from functools import partial

from .cart import Cart
from .middleware import PLACEHOLDER


def _cart_count(request):
    session = getattr(request, "session", None)
    return Cart(session).count if session is not None else 0


def cart(request):
    """`cart_count` for the header badge, and the placeholder that add-to-cart forms
    carry instead of a token (orders/middleware.py).

    The count is a callable, so the template resolves it only where it is shown: pages that do not
    show it (the admin, error pages without a session) never load the session for it.
    """
    return {"cart_count": partial(_cart_count, request), "form_token_placeholder": PLACEHOLDER}
