"""/open-data/ (Vietnamese) and /en/open-data/: the page, in ocop_site's i18n_patterns.

Not kept in the whole-page cache: it states when the files were made, and reads only
their small manifest."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.open_data, name="page"),
]
