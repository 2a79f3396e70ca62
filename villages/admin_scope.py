"""District scoping in the admin: an officer sees and edits only their own districts.

Who may touch which district's rows is decided in `scoping.py` (THE district scope, also
used by import/export, the dashboard and any later API); this module only applies it to
the admin's pages. Every admin class of a listing mixes in `DistrictScopedAdmin`; the
path from its model to a District is the model's own `district_path`, so the admin does
not repeat it. From it the mixin scopes every path the admin has:

- list pages, counts, filters, bulk actions and delete (all start from `get_queryset`);
- change, delete and history pages of a record outside the officer's districts: an admin
  page saying so, with status 404 and the same for a record that does not exist, so the
  record's existence is not even confirmed (not the admin's usual redirect);
- the "view on site" redirect, /admin/r/<content type>/<id>/ (`ScopedAdminSite`), which
  would otherwise give away the public URL (an order's code, an unpublished product's
  slug) of any record;
- foreign-key choices on add and change forms, and the autocomplete endpoint (which asks
  the related model's admin for its `get_queryset`), so a record cannot be moved into, or
  attached to, another district;
- district list filters, which offer only the officer's districts;
- inlines (through `DistrictScopedInline`), and the rows of an officer's own record that
  point into another district, shown read-only (`OtherDistrictsRowsInline`).
"""

from django.contrib import admin
from django.contrib.admin.utils import NotRelationField, get_fields_from_path, unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import FieldDoesNotExist
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .models import District
from .scoping import district_path, officer_districts, outside_scope, scope_queryset


def outside_districts_response(request, admin_site, opts=None):
    """The admin page for a record that is outside the officer's districts or does not
    exist: the same page for both, naming neither the record nor its district."""
    changelist_url = ""
    if opts is not None:
        changelist_url = reverse(f"{admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
    context = {
        **admin_site.each_context(request),
        "title": _("Outside your districts"),
        "opts": opts,
        "changelist_url": changelist_url,
    }
    return TemplateResponse(request, "admin/outside_districts.html", context, status=404)


class ScopedAdminSite(admin.AdminSite):
    """The project's admin site (installed by villages.admin_config): Django's, with the
    "view on site" redirect scoped like the record's own admin pages."""

    # The navigation sidebar took 300 px of a 1280 px screen on every page, so lists lost
    # half their columns; the breadcrumbs and the home page lead to every list anyway.
    enable_nav_sidebar = False

    def get_urls(self):
        scoped = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        # Ours first: the resolver takes the first match, and reverse() finds ours too.
        return [scoped] + super().get_urls()

    def view_on_site(self, request, content_type_id, object_id):
        """Redirect to a record's public page only when the user can open the record in
        this admin: its model is registered, they may view it, and it is in their
        districts. Everyone else gets the page for a record outside their districts."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            model = None
        model_admin = self._registry.get(model)
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            return outside_districts_response(request, self)
        if model_admin.get_object(request, unquote(object_id)) is None:
            return outside_districts_response(request, self, model._meta)
        return shortcut(request, content_type_id, object_id)


def district_filter_for(model, entry):
    """`entry` of a list_filter with the district choices scoped, when it names a
    relation to District ("district", "producer__district"); else `entry` unchanged."""
    if not isinstance(entry, str):
        return entry
    try:
        field = get_fields_from_path(model, entry)[-1]
    except (FieldDoesNotExist, NotRelationField):
        return entry
    if getattr(field, "related_model", None) is District:
        return (entry, OfficerDistrictFilter)
    return entry


class OfficerDistrictFilter(admin.RelatedFieldListFilter):
    """A district filter listing only the officer's districts (all of them for a city
    administrator). With one district there is nothing to choose: the admin hides it."""

    def field_choices(self, field, request, model_admin):
        districts = officer_districts(request.user)
        if districts is None:
            return super().field_choices(field, request, model_admin)
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(include_blank=False, ordering=ordering, limit_choices_to={"pk__in": districts})


class ScopedChoicesMixin:
    """Limit foreign-key and many-to-many choices to the officer's districts."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._scope_choices(field, db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._scope_choices(field, db_field, request)

    def _scope_choices(self, field, db_field, request):
        if field is not None and district_path(db_field.related_model) is not None and hasattr(field, "queryset"):
            field.queryset = scope_queryset(field.queryset, request.user)
        return field


class DistrictScopedAdmin(ScopedChoicesMixin, admin.ModelAdmin):
    """Base for the admin of every listing that belongs to a district (its model declares
    `district_path`)."""

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user)

    def get_list_filter(self, request):
        return [district_filter_for(self.model, entry) for entry in super().get_list_filter(request)]

    def outside_districts(self, request):
        """The response for a record of this model outside the officer's districts."""
        return outside_districts_response(request, self.admin_site, self.opts)

    def _is_outside(self, request, object_id):
        if object_id is None or officer_districts(request.user) is None:
            return False
        return self.get_object(request, unquote(object_id)) is None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self._is_outside(request, object_id):
            return self.outside_districts(request)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        if self._is_outside(request, object_id):
            return self.outside_districts(request)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        if self._is_outside(request, object_id):
            return self.outside_districts(request)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history's "see / revert to this version" page.
        if self._is_outside(request, object_id):
            return self.outside_districts(request)
        return super().history_form_view(request, object_id, version_id, extra_context)


class DistrictScopedInline(ScopedChoicesMixin):
    """Mix into inlines: their choices are scoped, and so are their rows when the inline's
    model belongs to a district of its own (an order's parts from another district, a
    showroom's stock by its products' districts). Rows of a model without one (images,
    production steps) are their parent's, which is scoped already."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if district_path(self.model) is None:
            return queryset
        return scope_queryset(queryset, request.user)


class OtherDistrictsRowsInline(admin.TabularInline):
    """The rows that the officer's scoped inline of the same model leaves out, read-only.

    An officer's own record may point into another district (their showroom stocks a Gia
    Lâm product). Those rows cannot be offered for editing: the choices of their fields
    are scoped, so the form would come back with "required" errors and block the save. So
    they are listed here, with nothing to change, add or delete, and a save leaves them
    as they are. City administrators edit every row in the main inline and do not see
    this one.
    """

    extra = 0
    can_delete = False

    def get_queryset(self, request):
        # Each row shows its related record (e.g. the product): one join, not a query per row.
        related = district_path(self.model).split("__", 1)[0]
        return outside_scope(super().get_queryset(request), request.user).select_related(related)

    def has_view_permission(self, request, obj=None):
        return officer_districts(request.user) is not None and super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
