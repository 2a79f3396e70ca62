from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def part_path(part):
    """Where a producer opens an order part: linked from the new-order email."""
    return reverse("producer_area:order", kwargs={"pk": part.pk})


class ProducerAreaConfig(AppConfig):
    name = "producer_area"
    verbose_name = _("Producer area")

    def ready(self):
        from orders.notifications import register_part_path

        # orders sends the new-order email and names no app above it: it is told the URL.
        register_part_path(part_path)
