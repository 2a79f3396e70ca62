from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """The admin's front page (officers' dashboard) and the admin templates the project overrides.

    Listed before the admin in INSTALLED_APPS, so that its admin/… templates win.
    """

    name = "backoffice"
    verbose_name = _("Back office")
