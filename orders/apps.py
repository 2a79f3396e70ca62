from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = _("Orders")

    def ready(self):
        from django.db.models.signals import post_delete

        from . import reviews
        from .models import Review

        post_delete.connect(reviews.delete_photo_of_deleted_review, sender=Review, dispatch_uid="orders.review_photo")
