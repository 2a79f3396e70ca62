from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that combine apps: home, statistics, place pages, sitemaps, robots.txt, healthz."""

    name = "pages"
    verbose_name = _("Pages")
