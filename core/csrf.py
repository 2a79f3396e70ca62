"""CSRF protection without a token, for a form that sits in pages cached for everyone.

A page cached whole for every visitor (core/page_cache.py) cannot carry a visitor's CSRF
token. What the token proves, that the POST comes from one of our own pages, browsers also
say themselves: every current browser sends `Origin` with a form POST, and
`Sec-Fetch-Site` tells same-origin from cross-site requests. A view decorated here accepts
a POST only when `Origin` names this site (or one of CSRF_TRUSTED_ORIGINS) or, without
`Origin`, when `Sec-Fetch-Site` says same-origin; with neither header, or a cross-site
one, it answers as a CSRF failure (403). Only for actions whose forgery would cost little
(putting a product in the visitor's own cart): checkout, other cart changes and the admin
keep Django's token check (docs/decisions.md).
"""

import functools

from django.conf import settings
from django.urls import get_callable
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def from_this_site(request):
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in (f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS)
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def same_origin_post(view):
    """Replace the CSRF token check of `view` by the browser's own origin headers."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        # Django's test client marks its requests so (as CsrfViewMiddleware honours):
        # tests that check the protection use Client(enforce_csrf_checks=True).
        enforce = not getattr(request, "_dont_enforce_csrf_checks", False)
        if enforce and request.method not in SAFE_METHODS and not from_this_site(request):
            failure = get_callable(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason="Origin checking failed: not a same-origin request.")
        return view(request, *args, **kwargs)

    return wrapped
