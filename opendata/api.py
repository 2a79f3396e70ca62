"""The read-only API under /api/v1/: one viewset per Dataset (datasets.py).

Every answer carries the licence (a `Link: <…>; rel="license"` header; lists also in their
body), `Cache-Control: public, max-age=OPENDATA_MAX_AGE` and an ETag, answered with a 304
when it still matches. Behind them the data of each URL is cached under the generations of
what it shows (core/cache.py): "catalogue" (any save of a place, craft, producer, showroom,
image...) and catalogue.caching.RECORDS (any save of a product, also of a field no list
shows, such as its GTIN). An edit therefore shows on the next request; only a browser or
proxy may keep an answer for max-age seconds.

Throttling runs before the cache is read, so a cached answer counts against the limit too.
"""

import hashlib

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.views import APIView

from core import cache as ocop_cache

from . import datasets, licence
from .pagination import LICENSE_SCHEMA, StrictPageNumberPagination
from .throttling import throttled


class ErrorSerializer(drf_serializers.Serializer):
    """The shape of every error (opendata/errors.py)."""

    status = drf_serializers.IntegerField()
    detail = drf_serializers.CharField()
    parameters = drf_serializers.DictField(
        child=drf_serializers.ListField(child=drf_serializers.CharField()),
        required=False,
        help_text="For a 400: each query parameter at fault and why.",
    )
    retry_after = drf_serializers.IntegerField(required=False, help_text="For a 429: seconds to wait.")


BAD_REQUEST = OpenApiResponse(
    ErrorSerializer, description="A parameter has a wrong type or an unknown value, or is unknown itself."
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such record.")
THROTTLED = OpenApiResponse(
    ErrorSerializer, description=f"Too many requests (at most {settings.OPENDATA_API_RATE}); see Retry-After."
)


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend, telling the FilterSet which other parameters the view reads."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["allowed"] = getattr(view.paginator, "query_params", ())
        return kwargs


class WholeList(BasePagination):
    """The lookup lists: every row in one answer, in the same envelope as the pages."""

    query_params = ()

    def paginate_queryset(self, queryset, request, view=None):
        return list(queryset)

    def get_paginated_response(self, data):
        return Response({"count": len(data), "license": licence.metadata(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "license", "results"],
            "properties": {"count": {"type": "integer"}, "license": LICENSE_SCHEMA, "results": schema},
        }


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """List and retrieve one Dataset; subclasses name it."""

    dataset: datasets.Dataset
    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]
    throttle_scope = "opendata"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "dataset" not in cls.__dict__:
            return  # an intermediate base (LookupViewSet)
        cls.serializer_class = cls.dataset.serializer
        cls.filterset_class = cls.dataset.filterset
        cls.lookup_field = cls.dataset.lookup_field

    def get_queryset(self):
        return self.dataset.queryset()

    def list(self, request, *args, **kwargs):
        return Response(self._cached(lambda: super(OpenDataViewSet, self).list(request, *args, **kwargs).data))

    def retrieve(self, request, *args, **kwargs):
        return Response(self._cached(lambda: super(OpenDataViewSet, self).retrieve(request, *args, **kwargs).data))

    def _cached(self, build):
        """The answer's data, built once per URL and generation; an error (400, 404) raises
        out of build() and leaves nothing in the cache."""
        url = self.request.build_absolute_uri()
        key = hashlib.sha256(url.encode()).hexdigest()
        return ocop_cache.get_or_set("opendata", (key,), build, concern=datasets.CONCERNS)

    def throttled(self, request, wait):
        raise throttled(wait)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return with_open_data_headers(request, response)


def with_open_data_headers(request, response):
    """The licence, CORS for any web page (no cookies or credentials are involved), and for a
    successful read the cache headers and an ETag, answering If-None-Match with a 304."""
    response["Link"] = licence.link_header()
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Link, Retry-After"
    if request.method == "OPTIONS":
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "If-None-Match, Accept-Language"
        response["Access-Control-Max-Age"] = "86400"
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        response.render()
        response["ETag"] = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["Cache-Control"] = f"public, max-age={settings.OPENDATA_MAX_AGE}"
        patch_vary_headers(response, ["Accept-Encoding"])
        return get_conditional_response(request, etag=response["ETag"], response=response)
    return response


def documented(dataset):
    """The schema of a viewset: what each operation answers, errors included."""
    described = {
        "list": extend_schema(
            summary=f"List {dataset.name}",
            description=str(dataset.description),
            responses={200: dataset.serializer(many=True), 400: BAD_REQUEST, 429: THROTTLED},
        ),
        "retrieve": extend_schema(
            summary=f"One of the {dataset.name}, by {dataset.lookup_field}",
            responses={200: dataset.serializer, 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
        ),
    }
    return extend_schema_view(**described)


@documented(datasets.PRODUCTS)
class ProductViewSet(OpenDataViewSet):
    dataset = datasets.PRODUCTS


@documented(datasets.PRODUCERS)
class ProducerViewSet(OpenDataViewSet):
    dataset = datasets.PRODUCERS


@documented(datasets.VILLAGES)
class VillageViewSet(OpenDataViewSet):
    dataset = datasets.VILLAGES


@documented(datasets.SHOWROOMS)
class ShowroomViewSet(OpenDataViewSet):
    dataset = datasets.SHOWROOMS


@documented(datasets.DECISIONS)
class DecisionViewSet(OpenDataViewSet):
    dataset = datasets.DECISIONS


@documented(datasets.CERTIFICATIONS)
class CertificationViewSet(OpenDataViewSet):
    dataset = datasets.CERTIFICATIONS


class LookupViewSet(OpenDataViewSet):
    pagination_class = WholeList


@documented(datasets.CRAFTS)
class CraftViewSet(LookupViewSet):
    dataset = datasets.CRAFTS


@documented(datasets.DISTRICTS)
class DistrictViewSet(LookupViewSet):
    dataset = datasets.DISTRICTS


@documented(datasets.COMMUNES)
class CommuneViewSet(LookupViewSet):
    dataset = datasets.COMMUNES


class IndexSerializer(drf_serializers.Serializer):
    endpoints = drf_serializers.DictField(child=drf_serializers.URLField())
    schema = drf_serializers.URLField()
    documentation = drf_serializers.URLField()
    downloads = drf_serializers.URLField()
    license = drf_serializers.DictField()


class IndexView(APIView):
    """/api/v1/: where everything is."""

    throttle_scope = "opendata"
    endpoints = ()  # (name, URL name), set by urls.py

    @extend_schema(summary="The endpoints", responses={200: IndexSerializer, 429: THROTTLED})
    def get(self, request):
        def url(name, **kwargs):
            return settings.SITE_URL + reverse(name, kwargs=kwargs)

        return Response(
            {
                "endpoints": {name: url(url_name) for name, url_name in self.endpoints},
                "schema": url("opendata_api:schema"),
                "documentation": url("opendata_api:docs"),
                "downloads": url("opendata:page"),
                "license": licence.metadata(),
            }
        )

    def throttled(self, request, wait):
        raise throttled(wait)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return with_open_data_headers(request, response)


def not_found(request, *args, **kwargs):
    """Any other path under /api/v1/: a JSON 404 in the API's error shape, not an HTML page."""
    response = JsonResponse({"status": 404, "detail": gettext("No such endpoint.")}, status=404)
    response["Link"] = licence.link_header()
    response["Access-Control-Allow-Origin"] = "*"
    return response
