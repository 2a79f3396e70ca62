"""The GS1 Digital Link resolver (/01/<GTIN>[/22/…][/10/…][/21/…], or the same compressed)
and its description file, after the GS1-Conformant Resolver standard 1.2.0."""

import functools
from urllib.parse import unquote, urlencode

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe

from catalogue.models import Lot, Product

from . import gs1, gs1_compression
from .views import not_registered, visitor_language

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "Link, Location, Content-Type",
}
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
LINKSET_LINK_TYPES = ("linkset", "all")
# The trace page's query parameters naming what the label asked for but the catalogue does
# not hold (a walk-up): traceability/views.py shows them. Qualifier AI → parameter.
UNREGISTERED_PARAMETERS = {"22": "unregistered_variant", "10": "unregistered_lot", "21": "unregistered_serial"}
# The OWL property a compressed request's Link header names its uncompressed URI with.
OWL_SAME_AS = "owl:sameAs"


def cross_origin(view):
    """Any site may read the resolver's answers (GS1 tools and apps run in browsers)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response.headers[header] = value
        return response

    return wrapped


class TemporaryRedirect(HttpResponseRedirect):
    # 307, as GS1 resolvers answer: the method is kept and nothing may cache the hop.
    status_code = 307


def _accepts(request, media_type):
    return media_type in request.headers.get("Accept", "")


def _wants_linkset(request):
    """linkType=linkset (or the older all), or an Accept header naming a linkset's media
    type; an explicit other linkType wins over Accept."""
    link_type = request.GET.get("linkType")
    if link_type is not None:
        return link_type in LINKSET_LINK_TYPES
    return _accepts(request, gs1.LINKSET_MEDIA_TYPE) or _accepts(request, gs1.JSON_LD_MEDIA_TYPE)


def _linkset_media_type(request):
    """RFC 9264 JSON unless the client prefers JSON-LD or plain JSON (q-values count)."""
    offered = [gs1.LINKSET_MEDIA_TYPE, gs1.JSON_LD_MEDIA_TYPE, "application/json"]
    return request.get_preferred_type(offered) or gs1.LINKSET_MEDIA_TYPE


def product_links(request, product, lot, notice=""):
    """The links we hold for a product or lot, absolute on the host the client asked.

    `notice` is the trace page's query string naming what was asked for but is not
    registered (a walk-up): it is part of the links, so that the redirect's Location is the
    linkset's default link.
    """
    trace_url = request.build_absolute_uri((lot or product).get_trace_url()) + (f"?{notice}" if notice else "")
    links = [
        gs1.Link(
            rel=gs1.TRACEABILITY,
            href=trace_url,
            title="OCOP traceability: certificate, producer, village" + (", lot and production steps" if lot else ""),
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
    """A GS1-conformant resolver for the catalogue's GTINs.

    Redirects (307) to the trace page, or to the link of ?linkType=gs1:… (404 if the item
    has none of that type); answers the linkset on ?linkType=linkset (or all) or an Accept
    header naming application/linkset+json (RFC 9264) or application/ld+json (JSON-LD).
    An unknown lot, serial or variant of a known GTIN resolves as the product (walk-up),
    and the trace page says what was not found. Malformed paths, compressed paths and data
    attributes are 400, unknown GTINs 404.
    """

    http_method_names = ["get", "head", "options"]

    @method_decorator(cross_origin)
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        # Every answer points to the linkset, errors and preflight included.
        if "Link" not in response.headers:
            response.headers["Link"] = self.linkset_header(request)
        return response

    # --- the request URI --------------------------------------------------------------------

    def read_request(self, request, compressed=None):
        """(DigitalLink, anchor, attributes from a compressed path) for this request.

        The anchor is the URI as requested (scheme, host and port as asked), uncompressed:
        the standard makes the uncompressed URI the subject of the linkset.
        Raises Gs1SyntaxError or CompressionError (both 400).
        """
        if compressed is None:
            return gs1.parse_path(request.path_info), request.build_absolute_uri(request.path), []
        elements = gs1_compression.decompress(compressed)
        path, attributes = gs1_compression.as_uri_parts(elements)
        return gs1.parse_path(path), request.build_absolute_uri(path), attributes

    def anchor(self, request):
        try:
            return self.read_request(request, **self.kwargs)[1]
        except (gs1.Gs1SyntaxError, gs1_compression.CompressionError):
            return request.build_absolute_uri(request.path)

    def linkset_header(self, request):
        return (
            f'<{self.anchor(request)}?linkType=linkset>; rel="linkset"; '
            f'type="{gs1.LINKSET_MEDIA_TYPE}"; title="Links for this item"'
        )

    # --- answers ----------------------------------------------------------------------------

    def options(self, request, *args, **kwargs):
        try:
            self.read_request(request, **kwargs)
        except (gs1.Gs1SyntaxError, gs1_compression.CompressionError) as error:
            return self.bad_request(request, str(error))
        response = HttpResponse(status=204)
        response.headers["Allow"] = ALLOWED_METHODS
        return response

    def get(self, request, compressed=None):
        language = visitor_language(request)
        try:
            link, anchor, compressed_attributes = self.read_request(request, compressed)
        except (gs1.Gs1SyntaxError, gs1_compression.CompressionError) as error:
            return self.bad_request(request, str(error))
        try:
            gs1.parse_attributes(self.query_pairs(request))
        except gs1.Gs1SyntaxError as error:
            detail = _("A date or other GS1 value after “?” in the link is not valid (%(error)s).")
            return self.bad_request(request, str(error), detail=detail % {"error": error})

        product = Product.objects.published().select_related("producer").filter(gtin=link.gtin).first()
        if product is None:
            return self.error(request, 404, _("This GTIN is not registered in this catalogue."), link.gtin)
        lot = Lot.objects.filter(product=product, code=link.lot).first() if link.lot is not None else None
        # Walk-up: what the catalogue does not hold (it has no serial or variant records)
        # resolves at the level above, and the trace page says so.
        unregistered = [
            (parameter, link.qualifiers[ai])
            for ai, parameter in UNREGISTERED_PARAMETERS.items()
            if ai in link.qualifiers and not (ai == "10" and lot is not None)
        ]
        default, links = product_links(request, product, lot, urlencode(unregistered))

        if _wants_linkset(request):
            response = self.linkset_response(request, anchor, product, lot, default, links)
        else:
            requested = gs1.normalise_link_type(request.GET.get("linkType"))
            target = default
            if requested and requested != gs1.DEFAULT_LINK:
                target = gs1.pick_link(links, requested, language)
            if target is None:
                response = self.error(
                    request,
                    404,
                    _("There is no link of type “%(link_type)s” for this product.")
                    % {"link_type": request.GET["linkType"]},
                )
            else:
                response = TemporaryRedirect(self.with_query(request, target.href, compressed_attributes))
        response.headers["Link"] = ", ".join(
            [self.linkset_header(request)]
            + [link.as_header_value() for link in links]
            + ([f'<{anchor}>; rel="{OWL_SAME_AS}"'] if compressed else [])
        )
        if _wants_linkset(request) and response.status_code == 200:
            response.headers["Link"] += (
                f', <{gs1.LINKSET_CONTEXT}>; rel="{gs1.JSON_LD_CONTEXT_REL}"; type="{gs1.JSON_LD_MEDIA_TYPE}"'
            )
        patch_vary_headers(response, ["Accept", "Accept-Language"])
        return response

    def linkset_response(self, request, anchor, product, lot, default, links):
        description = product.name + (f" — {_('lot')} {lot.code}" if lot else "")
        document = gs1.linkset(anchor, description, default, links)
        media_type = _linkset_media_type(request)
        if media_type == gs1.JSON_LD_MEDIA_TYPE:
            document = gs1.as_json_ld(document)
        return JsonResponse(document, content_type=media_type, json_dumps_params={"ensure_ascii": False})

    @staticmethod
    def query_pairs(request):
        """The query's key=value pairs as sent, in order (repeated keys kept)."""
        return [(key, value) for key, values in request.GET.lists() for value in values]

    @staticmethod
    def with_query(request, href, extra_pairs=()):
        """Pass the request's query string on (the standard asks it), as sent, minus linkType;
        a compressed path's data attributes go with it, as its uncompressed URI's would."""
        raw = request.META.get("QUERY_STRING", "")
        parts = [part for part in raw.split("&") if part and unquote(part.partition("=")[0]) != "linkType"]
        if extra_pairs:
            parts.insert(0, urlencode(list(extra_pairs)))
        if not parts:
            return href
        base, _hash, fragment = href.partition("#")
        query = "&".join(parts)
        return base + ("&" if "?" in base else "?") + query + (f"#{fragment}" if fragment else "")

    def bad_request(self, request, message, detail=""):
        return self.error(request, 400, message, reason="malformed", detail=detail)

    def error(self, request, status, message, gtin=None, reason=None, detail=""):
        """An error: JSON for API clients (the message in English, as GS1 tools log it), else
        a short page in the visitor's language."""
        if _wants_linkset(request) or "json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": message, "status": status}, status=status)
        if status == 404 and gtin is None:  # a known item without the asked link type
            response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
            patch_cache_control(response, no_store=True)
            return response
        return not_registered(request, gtin or request.path, status=status, reason=reason or "gtin", detail=detail)


@require_safe
@cross_origin
def resolver_description(request):
    """/.well-known/gs1resolver: what this resolver serves, as the Resolver standard 1.2.0's
    description-file schema has it (tests/traceability/test_resolver_conformance.py)."""
    root = request.build_absolute_uri("/").rstrip("/")
    response = JsonResponse(
        {
            "name": "OCOP Hà Nội catalogue",
            "resolverRoot": root,
            "supportedPrimaryKeys": ["01"],
            "supportedLinkType": [{"namespace": gs1.VOC, "prefix": "gs1:"}],
            # No "context" values: links differ by language only.
            "supportedContextValuesEnumerated": [],
            # A request without linkType is redirected; the linkset is never the default.
            "linkTypeDefaultCanBeLinkset": False,
            "jsonLdContextLocation": gs1.LINKSET_CONTEXT,
            # A vCard (the schema's fn and hasAddress; hasURL is vCard's too).
            "contact": {
                "fn": "OCOP Hà Nội catalogue",
                "hasAddress": {"locality": "Hà Nội", "region": "Hà Nội"},
                "hasURL": root + reverse("home"),
            },
            # Beyond the schema, for people reading the file: the link types we serve.
            "linkTypes": [gs1.TRACEABILITY, gs1.CERTIFICATION_INFO, gs1.PIP],
            "defaultLinkType": gs1.TRACEABILITY,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=86400)
    return response
