"""What a QR code leads to: the trace page, the GS1 Digital Link resolver, QR images.

These URLs are printed on labels, so they live outside i18n_patterns (no /en/ prefix).
That also means LocaleMiddleware pins them to LANGUAGE_CODE (it does so for every
unprefixed URL when prefix_default_language is False), so the views here choose the
language themselves from the visitor's cookie or Accept-Language.
"""

import contextvars
import datetime
import functools
import hashlib
import logging
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from crawleruseragents import is_crawler
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe

from ocop_site import cache as ocop_cache

from . import gs1
from .codes import LOT_CODE_PATTERN, TRACE_CODE_PATTERN, normalise_trace_code
from .models import Lot, Product, Scan
from .qr import qr_png, qr_svg

logger = logging.getLogger(__name__)

# --- language ----------------------------------------------------------------------------

def visitor_language(request):
    """The language ocop_site.middleware.LocaleMiddleware negotiated for this scan
    (cookie, then Accept-Language, English for other languages): trace URLs carry none."""
    return translation.get_language()


# --- scan recording -------------------------------------------------------------------------


@functools.lru_cache(maxsize=2048)
def is_robot(user_agent):
    """Crawlers and link-preview fetchers (Facebook, WhatsApp, Telegram, Slack...).

    The crawler-user-agents list is long (about 0.15 ms a check); the same few hundred
    phone user agents make almost all scans, so answers are cached per process.
    """
    return not user_agent or is_crawler(user_agent)


def counts_as_scan(request):
    """Whether this request is a person looking at the page (GET, not a bot, not a prefetch,
    not the page reloading itself after a language switch)."""
    if request.method != "GET":
        return False
    if request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")).startswith("prefetch"):
        return False
    if is_robot(request.headers.get("User-Agent", "")[:512]):
        return False
    return referer_path(request) != request.path


def referer_path(request):
    """The path of the Referer header; "" when there is none or it is not a URL.

    The header is whatever the client sent: `http://[::1` makes urlsplit raise, and a
    malformed Referer must not turn a scan into a server error.
    """
    try:
        return urlsplit(request.headers.get("Referer", "")).path
    except ValueError:
        return ""


# The scan of the request being served, written once the response has been delivered.
_pending_scan = contextvars.ContextVar("pending_scan", default=None)


def record_scan(request, product_id, lot_id, language):
    """Note the scan; write_pending_scan() stores it after the response is sent.

    The write is one INSERT and no read (the ids are those the page already looked up),
    and it happens after the page has gone out: on SQLite without WAL a commit waits for
    an fsync (about 7 ms here), which the tourist's phone should not wait for.
    """
    if not counts_as_scan(request):
        return
    _pending_scan.set(
        Scan(
            product_id=product_id,
            lot_id=lot_id,
            language=language,
            source=Scan.Source.LINK if request.headers.get("Referer") else Scan.Source.QR,
        )
    )


def write_pending_scan(**kwargs):
    """request_finished receiver (wired in CatalogueConfig.ready): the WSGI server sends
    it when it closes a response, after the body was written to the client."""
    scan = _pending_scan.get()
    if scan is None:
        return
    _pending_scan.set(None)
    try:
        scan.save(force_insert=True)
    except DatabaseError:
        # The page has been served already: log a lost count, do not fail the request.
        logger.exception("Could not record a trace page scan")


# --- HTTP validators -----------------------------------------------------------------------

# Bump when the trace page's view code changes what it shows for the same data; template
# changes are picked up on their own (TEMPLATE_DIGEST).
TRACE_PAGE_VERSION = "1"
TRACE_TEMPLATES = Path(settings.BASE_DIR, "templates", "trace")


@functools.cache
def template_digest():
    """A digest of the trace templates, so a deploy that changes them refreshes caches."""
    digest = hashlib.sha256(TRACE_PAGE_VERSION.encode())
    for path in sorted(p for p in TRACE_TEMPLATES.rglob("*") if p.is_file()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def trace_validators(product, lot, language, today):
    """ETag and Last-Modified of a trace page, from what the page shows.

    The page shows the product (its certificate and stock quantity live on it), its
    producer and village, its images, the showrooms stocking it and, for a lot, the lot
    and its steps. The certificate's status depends on today's date as well, so the date
    is part of the ETag, and Last-Modified is never earlier than the start of today.
    Ids are included so that deleting a step, an image or a stock row changes the ETag
    even though nothing left behind has a newer timestamp.
    """
    village = product.producer.village
    stamps = [product.updated_at, product.producer.updated_at]
    parts = [product.pk, [image.pk for image in product.images.all()]]
    if village:
        stamps.append(village.updated_at)
    for row in product.stock_rows:
        stamps += [row.added_at, row.showroom.updated_at]
        parts.append((row.pk, row.showroom_id))
    if lot:
        stamps.append(lot.updated_at)
        parts.append(lot.pk)
        for step in lot.steps.all():
            stamps.append(step.updated_at)
            parts.append(step.pk)
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    last_modified = max(stamps + [start_of_today])
    fingerprint = repr((parts, sorted(stamps), today, language, template_digest()))
    etag = "W/" + quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
    return etag, last_modified


def record_updated_at(product, lot):
    """When the record itself (product, lot, steps) last changed: shown on the page."""
    stamps = [product.updated_at]
    if lot:
        stamps += [lot.updated_at] + [step.updated_at for step in lot.steps.all()]
    return max(stamps)


# --- trace page --------------------------------------------------------------------------


def find_product(code):
    """The published product with this trace code (any case), or None; no query for junk."""
    code = normalise_trace_code(code)
    if not re.match(TRACE_CODE_PATTERN, code):
        return None
    return Product.objects.published().for_trace().filter(trace_code=code).first()


def find_lot(product, lot_code):
    if not re.match(LOT_CODE_PATTERN, lot_code):
        return None
    lot = Lot.objects.for_trace().filter(product=product, code=lot_code).first()
    if lot is not None:
        lot.product = product  # already loaded with everything the page needs
    return lot


def not_registered(request, code, lot_code=None, product=None, status=404, reason=None):
    """The page for a code we do not know: plain words and how to report a fake."""
    response = render(
        request,
        "trace/not_registered.html",
        {"code": code, "lot_code": lot_code, "product": product, "reason": reason},
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
        if not re.match(TRACE_CODE_PATTERN, code) or (lot_code is not None and not re.match(LOT_CODE_PATTERN, lot_code)):
            return not_registered(request, code, lot_code)  # junk: no query, no cache entry
        today = timezone.localdate()
        # The record and its validators, cached until the catalogue changes (or the day
        # does: the certificate's status depends on it). A warm scan costs no query but
        # the scan's own INSERT.
        record = ocop_cache.get_or_set(
            "trace",
            [code, lot_code or "", language],
            lambda: self.build_record(code, lot_code, language, today),
        )
        if record is None or record["lot_missing"]:
            return not_registered(request, code, lot_code, product=record and record["product"])

        last_modified = record["last_modified"]
        response = get_conditional_response(request, etag=record["etag"], last_modified=last_modified)
        if response is None:
            response = render(request, "trace/trace_page.html", record["page"])
        response.headers["ETag"] = record["etag"]
        response.headers["Last-Modified"] = http_date(last_modified)
        # Revalidate on every scan: a withdrawn certificate must show at once, and each
        # scan must reach the server to be counted. An unchanged page costs a 304.
        # Private: the page carries the language switcher's CSRF token.
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        record_scan(request, record["product_id"], record["lot_id"], language)
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
        etag, last_modified = trace_validators(product, lot, language, today)
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
                "record": render_to_string("trace/partials/record.html", self.get_context_data(product, lot, today)),
            },
        }

    def get_context_data(self, product, lot, today):
        status = product.certificate_status_on(today)
        return {
            "product": product,
            "lot": lot,
            "steps": lot.steps.all() if lot else [],
            "status": status,
            "showrooms": product.nearest_showrooms(product.stock_rows),
            "village": product.producer.village,
            "district": product.producer.district,
            "updated_at": record_updated_at(product, lot),
            "canonical_url": settings.SITE_URL + (lot or product).get_trace_url(),
        }


# --- QR images -----------------------------------------------------------------------------

QR_MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@require_safe
def qr_image(request, code, image_format, lot_code=None):
    """The QR code of a product or lot as SVG or PNG (a download with ?download=1).

    Published products for everyone; staff also get unpublished ones, to print labels
    before a product goes live.
    """
    code = normalise_trace_code(code)
    if not re.match(TRACE_CODE_PATTERN, code) or (lot_code is not None and not re.match(LOT_CODE_PATTERN, lot_code)):
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


# --- GS1 Digital Link resolver ---------------------------------------------------------------

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "Link, Location, Content-Type",
}
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class TemporaryRedirect(HttpResponseRedirect):
    # 307, as GS1 resolvers answer: the method is kept and nothing may cache the hop.
    status_code = 307


def _wants_linkset(request):
    link_type = request.GET.get("linkType", "")
    if link_type in ("linkset", "all"):
        return True
    accept = request.headers.get("Accept", "")
    return gs1.LINKSET_MEDIA_TYPE in accept


def _json_media_type(request):
    accept = request.headers.get("Accept", "")
    if gs1.LINKSET_MEDIA_TYPE in accept:
        return gs1.LINKSET_MEDIA_TYPE
    if "application/json" in accept:
        return "application/json"
    return gs1.LINKSET_MEDIA_TYPE


def product_links(request, product, lot):
    """The links we hold for a product or lot, absolute on the host the client asked."""
    trace_url = request.build_absolute_uri((lot or product).get_trace_url())
    links = [
        gs1.Link(
            rel=gs1.TRACEABILITY,
            href=trace_url,
            title="OCOP traceability: certificate, producer, village"
            + (", lot and production steps" if lot else ""),
            hreflang=("vi", "en"),
        ),
        gs1.Link(
            rel=gs1.CERTIFICATION_INFO,
            href=trace_url + "#certificate",
            title="OCOP certificate and its current status",
            hreflang=("vi", "en"),
        ),
    ]
    for language, title in (("vi", "Product page (Vietnamese)"), ("en", "Product page (English)")):
        with translation.override(language):
            links.append(
                gs1.Link(
                    rel=gs1.PIP,
                    href=request.build_absolute_uri(product.get_absolute_url()),
                    title=title,
                    hreflang=(language,),
                )
            )
    return links[0], links


class Gs1ResolverView(View):
    """/01/<GTIN>[/10/<lot>]: a GS1-conformant resolver for the catalogue's GTINs.

    Redirects (307) to the trace page, or to the link of ?linkType=gs1:…; answers the
    RFC 9264 linkset on ?linkType=linkset (or all) or Accept: application/linkset+json.
    Malformed paths and wrong check digits are 400, unknown GTINs and lots 404.
    """

    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response.headers[header] = value
        return response

    def anchor(self, request):
        return request.build_absolute_uri(request.path)

    def linkset_header(self, request):
        return (
            f'<{self.anchor(request)}?linkType=linkset>; rel="linkset"; '
            f'type="{gs1.LINKSET_MEDIA_TYPE}"; title="Links for this item"'
        )

    def options(self, request, *args, **kwargs):
        try:
            gs1.parse_path(request.path_info)
        except gs1.Gs1SyntaxError as error:
            return self.bad_request(request, str(error))
        response = HttpResponse(status=204)
        response.headers["Allow"] = ALLOWED_METHODS
        response.headers["Link"] = self.linkset_header(request)
        return response

    def get(self, request, *args, **kwargs):
        language = visitor_language(request)
        try:
            link = gs1.parse_path(request.path_info)
        except gs1.Gs1SyntaxError as error:
            return self.bad_request(request, str(error))

        product = Product.objects.published().select_related("producer").filter(gtin=link.gtin).first()
        if product is None:
            return self.error(request, 404, _("This GTIN is not registered in this catalogue."), link.gtin)
        lot = None
        if link.lot is not None:
            lot = Lot.objects.filter(product=product, code=link.lot).first()
            if lot is None:
                return self.error(
                    request, 404, _("This lot is not registered for this product."), link.gtin, link.lot, product
                )

        default, links = product_links(request, product, lot)
        if _wants_linkset(request):
            description = product.name + (f" — {_('lot')} {lot.code}" if lot else "")
            response = JsonResponse(
                gs1.linkset(self.anchor(request), description, default, links),
                content_type=_json_media_type(request),
                json_dumps_params={"ensure_ascii": False},
            )
        else:
            requested = gs1.normalise_link_type(request.GET.get("linkType"))
            target = gs1.pick_link(links, requested, language) if requested else None
            response = TemporaryRedirect(self.with_query(request, (target or default).href))
        response.headers["Link"] = ", ".join(
            [self.linkset_header(request)] + [link.as_header_value() for link in links]
        )
        patch_vary_headers(response, ["Accept", "Accept-Language"])
        return response

    @staticmethod
    def with_query(request, href):
        """Pass the request's key=value pairs on (the standard asks it), minus linkType."""
        pairs = [(key, value) for key, value in request.GET.items() if key != "linkType"]
        if not pairs:
            return href
        base, _hash, fragment = href.partition("#")
        return base + ("&" if "?" in base else "?") + urlencode(pairs) + (f"#{fragment}" if fragment else "")

    def bad_request(self, request, message):
        return self.error(request, 400, message, reason="malformed")

    def error(self, request, status, message, gtin=None, lot_code=None, product=None, reason=None):
        if _wants_linkset(request) or "json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": message, "status": status}, status=status)
        response = not_registered(
            request, gtin or request.path, lot_code, product=product, status=status, reason=reason or "gtin"
        )
        return response


@require_safe
def resolver_description(request):
    """/.well-known/gs1resolver: what this resolver serves, for GS1 tools and crawlers."""
    root = request.build_absolute_uri("/").rstrip("/")
    response = JsonResponse(
        {
            "name": "OCOP Hà Nội catalogue",
            "resolverRoot": root,
            "supportedPrimaryKeys": ["01"],
            "supportedLinkType": [
                {"namespace": gs1.VOC, "prefix": "gs1:", "profile": "https://gs1.org/voc/?show=linktypes"}
            ],
            "linkTypes": [gs1.TRACEABILITY, gs1.CERTIFICATION_INFO, gs1.PIP],
            "defaultLinkType": gs1.TRACEABILITY,
            "linkTypeDefaultCanBeLinkset": True,
            "supportedContextValuesEnumerated": [],
            "contact": root + reverse("home"),
        },
        json_dumps_params={"ensure_ascii": False},
    )
    for header, value in CORS_HEADERS.items():
        response.headers[header] = value
    patch_cache_control(response, public=True, max_age=86400)
    return response
