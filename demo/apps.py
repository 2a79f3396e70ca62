from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data: load_demo, generate_catalogue, the demo texts and drawn pictures."""

    name = "demo"
    verbose_name = _("Demo data")
