from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """The public register as open data: the read-only API under /api/v1/, the bulk CSV and
    JSON files and the /open-data/ page that explains them. Reads only, through the apps'
    named querysets; owns no models."""

    name = "opendata"
    verbose_name = _("Open data")
