from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from django.db.models.signals import post_delete

        from core import cache

        from . import caching, search, share_image
        from .models import Certification, Decision, Lot, Producer, Product, ProductionStep, Scan

        # Renaming a village, district, craft or producer rewrites its products' search text.
        search.connect(Product, Producer)
        # Cached pages follow every change to what they show; the scan log and the change
        # history show on none. A product's edits concern fewer pages: caching.py.
        cache.bump_when_saved(
            *(
                model
                for model in self.get_models()
                if model not in (Scan, Product, Producer, Lot, ProductionStep, Decision, Certification)
                and not model.__name__.startswith("Historical")
            )
        )
        caching.connect_lots(Product, Lot, ProductionStep)
        caching.connect_certifications(Product, Certification, Decision)
        # A producer places its products in a district and village: the counts follow it.
        cache.bump_when_saved(Producer, counted=True)
        caching.connect(Product)
        # A deleted product's share pictures go with it (its photos go by core.files).
        post_delete.connect(
            lambda sender, instance, **kwargs: share_image.forget(instance.pk),
            sender=Product,
            weak=False,
            dispatch_uid="catalogue.share_image.forget",
        )
