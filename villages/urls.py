from django.urls import path

from . import views

app_name = "villages"

urlpatterns = [
    path("villages/", views.VillageListView.as_view(), name="village_list"),
    path("villages/<slug:slug>/", views.VillageDetailView.as_view(), name="village_detail"),
    path("districts/", views.DistrictListView.as_view(), name="district_list"),
    path("districts/<slug:slug>/", views.DistrictDetailView.as_view(), name="district_detail"),
    path("crafts/<slug:slug>/", views.CraftDetailView.as_view(), name="craft_detail"),
]
