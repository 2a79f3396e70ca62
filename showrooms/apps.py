from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowroomsConfig(AppConfig):
    name = "showrooms"
    verbose_name = _("Showrooms")

    def ready(self):
        from core import cache

        # Cached pages follow every change to what they show.
        cache.bump_when_saved(*self.get_models())
