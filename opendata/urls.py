"""/api/v1/…: the open-data API, its OpenAPI schema and its documentation page. Outside the
language prefixes: records carry both languages; error messages follow the visitor's."""

from django.urls import include, path, re_path
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import api

app_name = "opendata_api"

# (URL prefix, viewset): one line per kind of record.
VIEWSETS = [
    ("products", api.ProductViewSet),
    ("producers", api.ProducerViewSet),
    ("villages", api.VillageViewSet),
    ("showrooms", api.ShowroomViewSet),
    ("decisions", api.DecisionViewSet),
    ("certifications", api.CertificationViewSet),
    ("crafts", api.CraftViewSet),
    ("districts", api.DistrictViewSet),
    ("communes", api.CommuneViewSet),
]

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
for prefix, viewset in VIEWSETS:
    router.register(prefix, viewset, basename=viewset.dataset.name)


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema, always in English (labels of choices included): one document for
    every client, whatever its Accept-Language."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            response.render()
        return response


urlpatterns = [
    path(
        "",
        api.IndexView.as_view(endpoints=[(p, f"opendata_api:{v.dataset.name}-list") for p, v in VIEWSETS]),
        name="index",
    ),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="opendata_api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="opendata_api:schema"), name="redoc"),
    path("", include(router.urls)),
    # Anything else: a JSON 404. Only paths ending in a slash, so that CommonMiddleware still
    # redirects /api/v1/products to /api/v1/products/.
    re_path(r"^.*/$", api.not_found),
]
