from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProducerAreaConfig(AppConfig):
    name = "producer_area"
    verbose_name = _("Producer area")
