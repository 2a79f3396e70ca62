"""The admin app, with the project's site (villages.admin_scope.ScopedAdminSite).

Named in INSTALLED_APPS instead of "django.contrib.admin". Kept apart from admin_scope
because INSTALLED_APPS is read before models can be imported.
"""

from django.contrib.admin.apps import AdminConfig


class ScopedAdminConfig(AdminConfig):
    default_site = "villages.admin_scope.ScopedAdminSite"
