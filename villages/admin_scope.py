"""District scoping for the admin: an officer sees and edits only their own districts.

City administrators (superusers, or users with the `villages.manage_all_districts`
permission) see everything. A district officer is assigned districts through
`District.officers`; every admin class of a listing mixes in `DistrictScopedAdmin` and names
the lookup from its model to a District (`district_lookup`). From that one attribute the
mixin scopes every path the admin has:

- list pages, counts, filters, bulk actions and delete (all start from `get_queryset`);
- change, delete and history pages of a record outside the officer's districts: 404, not
  the admin's usual redirect, so the record's existence is not even confirmed;
- foreign-key choices on add and change forms, and the autocomplete endpoint (which asks
  the related model's admin for its `get_queryset`), so a record cannot be moved into, or
  attached to, another district;
- inlines (through `DistrictScopedInline`).
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import Http404

from .models import District

MANAGE_ALL_PERMISSION = "villages.manage_all_districts"


def is_city_admin(user):
    return user.is_active and (user.is_superuser or user.has_perm(MANAGE_ALL_PERMISSION))


def officer_districts(user):
    """The districts a user may touch, or None for 'all of them'."""
    if is_city_admin(user):
        return None
    cached = getattr(user, "_officer_district_ids", None)
    if cached is None:
        cached = list(user.officer_districts.values_list("pk", flat=True))
        user._officer_district_ids = cached
    return cached


def scope_queryset(queryset, user, lookup):
    districts = officer_districts(user)
    if districts is None:
        return queryset
    if lookup == "":
        return queryset.filter(pk__in=districts)
    return queryset.filter(**{f"{lookup}__in": districts}).distinct()


def lookup_for(model, site):
    """The district lookup declared by the admin of `model`, if it is a scoped model."""
    if model is District:
        return ""
    model_admin = site._registry.get(model)
    return getattr(model_admin, "district_lookup", None)


class ScopedChoicesMixin:
    """Limit foreign-key and many-to-many choices to the officer's districts."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._scope_choices(field, db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._scope_choices(field, db_field, request)

    def _scope_choices(self, field, db_field, request):
        lookup = lookup_for(db_field.related_model, self.admin_site)
        if field is not None and lookup is not None and hasattr(field, "queryset"):
            field.queryset = scope_queryset(field.queryset, request.user, lookup)
        return field


class DistrictScopedAdmin(ScopedChoicesMixin, admin.ModelAdmin):
    """Base for the admin of every listing that belongs to a district."""

    district_lookup = None  # e.g. "district" or "producer__district"

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user, self.district_lookup)

    def _object_in_scope_or_404(self, request, object_id):
        if object_id is None or officer_districts(request.user) is None:
            return
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404("No such record in your districts.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._object_in_scope_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._object_in_scope_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._object_in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history's "see / revert to this version" page.
        self._object_in_scope_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class DistrictScopedInline(ScopedChoicesMixin):
    """Mix into inlines: their choices are scoped, and so are their rows when the inline's
    model has a scoped admin of its own (an order's parts from another district)."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        lookup = lookup_for(self.model, self.admin_site)
        if lookup is None:
            return queryset
        return scope_queryset(queryset, request.user, lookup)
