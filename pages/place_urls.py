"""Place pages: villages, districts and crafts, with the products, producers and showrooms
they hold (so they live here, above the apps they combine, not in villages)."""

from django.urls import path

from core.page_cache import cache_anonymous_page

from . import map as place_map
from . import places

# Whole pages for visitors without a session, until the catalogue changes (core/page_cache.py).
cached = cache_anonymous_page()

app_name = "places"

urlpatterns = [
    path("villages/", cached(places.VillageListView.as_view()), name="village_list"),
    path("villages/<slug:slug>/", cached(places.VillageDetailView.as_view()), name="village_detail"),
    path("districts/", cached(places.DistrictListView.as_view()), name="district_list"),
    path("districts/<slug:slug>/", cached(places.DistrictDetailView.as_view()), name="district_detail"),
    path("crafts/<slug:slug>/", cached(places.CraftDetailView.as_view()), name="craft_detail"),
    # The map of places to visit and its markers (pages/map.py).
    path("map/", cached(place_map.map_page), name="map"),
    path("map/places.geojson", cached(place_map.map_geojson), name="map_geojson"),
]
