from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from django.core.signals import request_finished

        from . import search
        from .models import Producer, Product
        from .trace_views import write_pending_scan

        # Renaming a village, district, craft or producer rewrites its products' search text.
        search.connect(Product, Producer)
        # Trace page scans are stored once the response has gone out (see record_scan).
        request_finished.connect(write_pending_scan, dispatch_uid="catalogue.write_pending_scan")
