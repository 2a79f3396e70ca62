from functools import partial

from django.conf import settings

from .cart import Cart


def _cart_count(request):
    # Without a session cookie there is no cart: say nothing rather than open an empty
    # session, so the page is the same for every such visitor (core/page_cache.py).
    session = getattr(request, "session", None)
    if session is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return 0
    return Cart(session).count


def cart(request):
    """The cart's parts of pages that lower apps draw.

    base.html (core) and the product card and page (catalogue) know nothing of orders: they
    include `cart_link_template` and `cart_button_template` when a context gives them, and
    this processor does. Also `cart_count` for the header badge, shown only to visitors with
    a session.

    The count is a callable, so the template resolves it only where it is shown: pages that do not
    show it (the admin, error pages without a session) never load the session for it.
    """
    return {
        "cart_count": partial(_cart_count, request),
        "cart_link_template": "orders/partials/cart_link.html",
        "cart_button_template": "orders/partials/add_to_cart.html",
        # The product page's buyers' reviews (catalogue passes `latest_reviews`).
        "product_reviews_template": "orders/partials/product_reviews.html",
    }
