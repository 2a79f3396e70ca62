"""The visitor's own form token in add-to-cart forms that sit in cached fragments.

Product cards carry an add-to-cart form, and card grids (home page, product list) are
cached fragments shared by every visitor (core/cache.py). A token rendered into the
fragment would be the first visitor's, and everyone else's "Add to cart" would fail the
CSRF check (403). So the form holds a placeholder and this middleware puts the visitor's
token in its place on the way out, for any page, cached fragment or not.
"""

from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject


def _placeholder():
    # Derived from SECRET_KEY: the same in every process sharing a cache, and not
    # guessable, so text typed into a page (a search query) cannot ask for the token.
    return "csrf-" + salted_hmac("orders.middleware.placeholder", "form token").hexdigest()[:32]


PLACEHOLDER = SimpleLazyObject(_placeholder)


def _field(value):
    return f'name="csrfmiddlewaretoken" value="{value}"'.encode()


class FormTokenMiddleware:
    """Replace the placeholder token of cached forms with the visitor's CSRF token.

    Sits below CsrfViewMiddleware, so that the cookie get_token() asks for is set on the
    way out like for any {% csrf_token %}.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or "text/html" not in response.get("Content-Type", ""):
            return response
        marker = _field(str(PLACEHOLDER))
        if marker in response.content:
            response.content = response.content.replace(marker, _field(get_token(request)))
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
