"""/open-data/files/<name>: the bulk files, one URL for every language (outside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "opendata_files"

urlpatterns = [
    path("open-data/files/<str:name>", views.download, name="download"),
]
