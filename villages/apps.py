from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = _("Districts, crafts and villages")

    def ready(self):
        from core import cache

        from . import roles

        # Cached pages follow every change to what they show.
        # Names and places of what the catalogue's counts count: counted.
        cache.bump_when_saved(*self.get_models(), counted=True)

        # After auth's own receiver has created the permissions of each app.
        post_migrate.connect(roles.sync_role_after_migrate, dispatch_uid="villages.officer_role")
