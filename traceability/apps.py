from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TraceConfig(AppConfig):
    """QR images, trace pages, the GS1 Digital Link resolver and scan recording."""

    name = "traceability"
    verbose_name = _("Traceability")

    def ready(self):
        from django.core.signals import request_finished

        from .scans import write_pending_scan

        # Trace page scans are stored once the response has gone out (see record_scan).
        request_finished.connect(write_pending_scan, dispatch_uid="traceability.write_pending_scan")
