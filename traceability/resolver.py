"""The GS1 Digital Link resolver (/01/<GTIN>[/10/<lot>]) and its description file."""

import functools
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe

from catalogue.models import Lot, Product

from . import gs1
from .views import not_registered, visitor_language

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "Link, Location, Content-Type",
}
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


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
    """/01/<GTIN>[/10/<lot>]: a GS1-conformant resolver for the catalogue's GTINs.

    Redirects (307) to the trace page, or to the link of ?linkType=gs1:…; answers the
    RFC 9264 linkset on ?linkType=linkset (or all) or Accept: application/linkset+json.
    Malformed paths and wrong check digits are 400, unknown GTINs and lots 404.
    """

    http_method_names = ["get", "head", "options"]

    @method_decorator(cross_origin)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

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
@cross_origin
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
    patch_cache_control(response, public=True, max_age=86400)
    return response
