from django.apps import AppConfig


class OcopSiteConfig(AppConfig):
    name = "ocop_site"
    verbose_name = "OCOP site"

    def ready(self):
        from . import receivers

        # Cached pages follow every change to what they show (ocop_site/cache.py).
        receivers.connect()
