from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TraceConfig(AppConfig):
    """QR images, trace pages, the GS1 Digital Link resolver, scan recording and scan alerts."""

    name = "traceability"
    verbose_name = _("Traceability")

    def ready(self):
        from django.core import checks
        from django.core.signals import request_finished

        from catalogue.signals import scan_log_read
        from core.page_cache import register_hit_hook

        from .alerts import check_settings
        from .scans import flush_before_reading, flush_when_due, record_scan
        from .views import SCAN_HOOK

        # Buffered scans are written once a response has gone out, when a flush is due,
        # and before the admin counts them (see traceability/scans.py).
        request_finished.connect(flush_when_due, dispatch_uid="traceability.flush_when_due")
        scan_log_read.connect(flush_before_reading, dispatch_uid="traceability.flush_before_reading")
        # A trace page served whole from the page cache still counts its scan.
        register_hit_hook(SCAN_HOOK, record_scan)
        # A wrong OCOP_SCAN_ALERTS stops the site at start, not the officers' dashboard.
        checks.register(check_settings)
