from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Visits and events")

    def ready(self):
        from core import cache

        # Routes and events show on village, product, showroom, producer, home and trace
        # pages: every save or delete (a stop's too) and every change of an event's
        # producers or products bumps the catalogue concern (core/cache.py).
        cache.bump_when_saved(*self.get_models())
