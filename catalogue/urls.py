from django.urls import path

from core.cache import CATALOGUE
from core.page_cache import cache_anonymous_page

from . import caching, views

app_name = "catalogue"

urlpatterns = [
    # Whole pages for visitors without a session (core/page_cache.py), each under the
    # concerns it shows: lists the catalogue's, a product page also its own.
    path("products/", cache_anonymous_page()(views.ProductListView.as_view()), name="product_list"),
    path(
        "products/<slug:slug>/",
        cache_anonymous_page(lambda slug: (CATALOGUE, caching.page_concern(slug)))(views.ProductDetailView.as_view()),
        name="product_detail",
    ),
    path("producers/<slug:slug>/", cache_anonymous_page()(views.ProducerDetailView.as_view()), name="producer_detail"),
]
