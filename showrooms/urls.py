from django.urls import path

from core.page_cache import cache_anonymous_page

from . import views

# Whole pages for visitors without a session, until the catalogue changes (core/page_cache.py).
cached = cache_anonymous_page()

app_name = "showrooms"

urlpatterns = [
    path("", cached(views.ShowroomListView.as_view()), name="showroom_list"),
    path("<slug:slug>/", cached(views.ShowroomDetailView.as_view()), name="showroom_detail"),
]
