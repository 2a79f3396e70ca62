from django.apps import AppConfig


class OcopSiteConfig(AppConfig):
    name = "ocop_site"
    verbose_name = "OCOP site"
