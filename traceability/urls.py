"""URLs that QR codes and GS1 Digital Links point to.

Included at the site root, outside i18n_patterns: a printed label cannot know the
reader's language, so these URLs carry none (the views negotiate it).
"""

from django.urls import path, re_path

from catalogue import caching
from catalogue.codes import normalise_trace_code
from core.cache import CATALOGUE
from core.page_cache import cache_anonymous_page

from . import resolver, views
from .records import well_formed

app_name = "trace"

# Lot codes may contain dots, so QR images have their own prefix rather than
# /t/<code>/<lot>.svg, which a lot called "L1.svg" would make ambiguous.
CODE = r"(?P<code>[^/]+)"
LOT = r"(?P<lot_code>[^/]+)"


def trace_page_concerns(code, lot_code=None):
    code = normalise_trace_code(code)
    if not well_formed(code, lot_code):
        return (CATALOGUE,)  # the view answers 404 and nothing is stored
    return (CATALOGUE, caching.trace_concern(code))


# Whole trace pages for scanners without a session, once per language (a label's URL
# carries none); each hit still counts its scan (the view names the hook, apps.py
# registers it). See core/page_cache.py.
trace_page = cache_anonymous_page(trace_page_concerns, language="visitor")(views.TracePageView.as_view())

urlpatterns = [
    # A trailing slash is tolerated: people retype these from labels.
    re_path(rf"^t/{CODE}/?$", trace_page, name="product"),
    re_path(rf"^t/{CODE}/{LOT}/?$", trace_page, name="lot"),
    re_path(rf"^qr/{CODE}\.(?P<image_format>svg|png)$", views.qr_image, name="product_qr"),
    re_path(rf"^qr/{CODE}/{LOT}\.(?P<image_format>svg|png)$", views.qr_image, name="lot_qr"),
    # GS1 Digital Link: the view parses and validates the whole path itself, so that a
    # malformed one gets a 400 rather than the site's generic 404.
    re_path(r"^01/.*$", resolver.Gs1ResolverView.as_view(), name="gs1"),
    # A compressed GS1 Digital Link (traceability/gs1_compression.py): one base64url segment
    # whose first byte is 0x01, the GTIN's AI, so that it always starts "A" then one of Q–f.
    # Resolved in place: the standard asks a resolver not to redirect to the uncompressed URI.
    re_path(r"^(?P<compressed>A[Q-Za-f][A-Za-z0-9_-]+)/?$", resolver.Gs1ResolverView.as_view(), name="gs1_compressed"),
    path(".well-known/gs1resolver", resolver.resolver_description, name="gs1_resolver_description"),
]
