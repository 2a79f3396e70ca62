"""Place pages: villages, districts and crafts, with the products, producers and showrooms
they hold (so they live here, above the apps they combine, not in villages)."""

from django.urls import path

from . import places

app_name = "places"

urlpatterns = [
    path("villages/", places.VillageListView.as_view(), name="village_list"),
    path("villages/<slug:slug>/", places.VillageDetailView.as_view(), name="village_detail"),
    path("districts/", places.DistrictListView.as_view(), name="district_list"),
    path("districts/<slug:slug>/", places.DistrictDetailView.as_view(), name="district_detail"),
    path("crafts/<slug:slug>/", places.CraftDetailView.as_view(), name="craft_detail"),
]
