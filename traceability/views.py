"""What a QR code leads to: the trace page and the QR images.

These URLs are printed on labels, so they live outside i18n_patterns (no /en/ prefix).
That also means LocaleMiddleware pins them to LANGUAGE_CODE (it does so for every
unprefixed URL when prefix_default_language is False), so the views here choose the
language themselves from the visitor's cookie or Accept-Language. The GS1 Digital Link
resolver is in resolver.py, scan recording in scans.py, the ETag in validators.py.
"""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.views import View
from django.views.decorators.http import require_safe

from catalogue import caching
from catalogue.codes import normalise_trace_code
from catalogue.models import Lot, Product
from core import cache as ocop_cache
from core.page_cache import keep_out_of_page_cache, on_cache_hit
from core.qr import qr_png, qr_svg
from visits.models import Route

from . import gs1
from .records import for_trace, nearest_showrooms, well_formed
from .scans import record_scan
from .validators import record_updated_at, trace_validators

# The name under which apps.py registers record_scan() as a page cache hit hook.
SCAN_HOOK = "traceability.record_scan"


def visitor_language(request):
    """The language core.middleware.LocaleMiddleware negotiated for this scan
    (cookie, then Accept-Language, English for other languages): trace URLs carry none."""
    return translation.get_language()


def find_product(code):
    """The published product with this (normalised, well-formed) trace code, or None."""
    return for_trace(Product.objects.published()).filter(trace_code=code).first()


def find_lot(product, lot_code):
    lot = Lot.objects.for_trace().filter(product=product, code=lot_code).first()
    if lot is not None:
        lot.product = product  # already loaded with everything the page needs
    return lot


def label_notes(request):
    """What the scanned label said beyond the record, from the query string the resolver
    passes on: the lot, serial or variant it named that is not registered (a walk-up), and
    the expiry date (AI 17). Values that are not well-formed GS1 values are left out."""
    notes = {}
    for kind in ("lot", "serial", "variant"):
        value = request.GET.get(f"unregistered_{kind}", "")
        if gs1.QUALIFIER_VALUE.match(value):
            notes[f"unregistered_{kind}"] = value
    try:
        notes["label_expiry"] = gs1.gs1_date(request.GET["17"])
    except (KeyError, gs1.Gs1SyntaxError):
        pass
    return notes


def not_registered(request, code, lot_code=None, product=None, status=404, reason=None, detail=""):
    """The page for a code we do not know: plain words and how to report a fake."""
    response = render(
        request,
        "trace/not_registered.html",
        {"code": code, "lot_code": lot_code, "product": product, "reason": reason, "detail": detail},
        status=status,
    )
    patch_cache_control(response, no_store=True)
    return response


class TracePageView(View):
    """/t/<code> and /t/<code>/<lot>: what a tourist sees after scanning a label."""

    http_method_names = ["get", "head"]

    def get(self, request, code, lot_code=None):
        language = visitor_language(request)
        code = normalise_trace_code(code)
        if not well_formed(code, lot_code):
            return not_registered(request, code, lot_code)  # junk: no query, no cache entry
        today = timezone.localdate()
        # The record and its validators, cached until the catalogue or this product
        # changes (or the day does: the certificate's status depends on it). A warm scan
        # costs no query but the scan's own INSERT.
        record = ocop_cache.get_or_set(
            "trace",
            [code, lot_code or "", language],
            lambda: self.build_record(code, lot_code, language, today),
            concern=(ocop_cache.CATALOGUE, caching.trace_concern(code)),
        )
        if record is None or record["lot_missing"]:
            return not_registered(request, code, lot_code, product=record and record["product"])

        last_modified = record["last_modified"]
        response = get_conditional_response(request, etag=record["etag"], last_modified=last_modified)
        notes = label_notes(request)
        if response is None:
            response = render(request, "trace/trace_page.html", {**record["page"], **notes})
        response.headers["ETag"] = record["etag"]
        response.headers["Last-Modified"] = http_date(last_modified)
        # Revalidate on every scan: a withdrawn certificate must show at once, and each
        # scan must reach the server to be counted. An unchanged page costs a 304.
        # Private: its language follows the visitor's cookie or browser, not the URL.
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        record_scan(request, record["product_id"], record["lot_id"], language)
        # The page cache keeps this page (traceability/urls.py): its hits count too.
        on_cache_hit(response, SCAN_HOOK, record["product_id"], record["lot_id"], language)
        if request.META.get("QUERY_STRING"):
            # One page per query string would let anyone fill the cache (and the notes
            # above depend on it): such scans get the view, which counted them just now.
            keep_out_of_page_cache(response)
        return response

    def build_record(self, code, lot_code, language, today):
        """What the page shows, rendered, with its ETag; None for an unknown code (cached
        too: publishing a product bumps the generation)."""
        product = find_product(code)
        if product is None:
            return None
        lot = None
        if lot_code is not None:
            lot = find_lot(product, lot_code)
            if lot is None:
                # Kept so that the "not registered" page can still name the product.
                return {"lot_missing": True, "product": product}
        context = self.get_context_data(product, lot, today)
        etag, last_modified = trace_validators(product, lot, language, today, routes=context["routes"])
        return {
            "lot_missing": False,
            "product_id": product.pk,
            "lot_id": lot.pk if lot else None,
            "etag": etag,
            # HTTP dates have whole seconds: compare as such, or If-Modified-Since never matches.
            "last_modified": int(last_modified.timestamp()),
            "page": {
                "product_name": product.name,
                "lot_code": lot.code if lot else "",
                "canonical_url": settings.SITE_URL + (lot or product).get_trace_url(),
                "record": render_to_string("trace/partials/record.html", context),
            },
        }

    def get_context_data(self, product, lot, today):
        status = product.certificate_status_on(today)
        return {
            "product": product,
            "lot": lot,
            "steps": lot.steps.all() if lot else [],
            "status": status,
            "showrooms": nearest_showrooms(product),
            "village": product.producer.village,
            # "Visit where this was made": routes through the product's village.
            "routes": list(Route.objects.published().passing(villages=[product.producer.village_id]))
            if product.producer.village_id
            else [],
            "district": product.producer.district,
            "updated_at": record_updated_at(product, lot),
            "canonical_url": settings.SITE_URL + (lot or product).get_trace_url(),
        }


QR_MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@require_safe
def qr_image(request, code, image_format, lot_code=None):
    """The QR code of a product or lot as SVG or PNG (a download with ?download=1).

    Published products for everyone; staff also get unpublished ones, to print labels
    before a product goes live.
    """
    code = normalise_trace_code(code)
    if not well_formed(code, lot_code):
        return HttpResponse(status=404, content_type="text/plain")
    products = Product.objects.all() if request.user.is_staff else Product.objects.published()
    product = products.filter(trace_code=code).first()
    target = product
    if product is not None and lot_code is not None:
        target = product.lots.filter(code=lot_code).first()
    if target is None:
        return HttpResponse(status=404, content_type="text/plain")
    url = target.qr_url
    body = qr_svg(url) if image_format == "svg" else qr_png(url)
    response = HttpResponse(body, content_type=QR_MEDIA_TYPES[image_format])
    if request.GET.get("download"):
        name = f"ocop-{product.trace_code}" + (f"-{lot_code}" if lot_code else "")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.{image_format}"'
    # An hour: a code changes only when a GTIN is added, and then old labels still resolve.
    privacy = {"private": True} if request.user.is_staff else {"public": True}
    patch_cache_control(response, max_age=3600, **privacy)
    return response
