from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from villages.admin_scope import DistrictScopedAdmin
from villages.admin_search import FoldedSearchAdmin
from villages.models import District
from villages.scoping import officer_districts

from .models import Event, Route, RouteStop


class StopFormSet(forms.BaseInlineFormSet):
    """A route's stops, each checked against the officer's districts: a stop in another
    district is refused in words, and nothing of the route or its stops is saved.

    The village and showroom choices are not narrowed to the officer's districts (a stop
    outside them would only say "not one of the available choices"): the check is here."""

    user = None

    def clean(self):
        super().clean()
        districts = officer_districts(self.user)
        if districts is None:
            return
        stops = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            stops.append(RouteStop(village=data.get("village"), showroom=data.get("showroom")))
        refused = self.instance.stops_outside(stops, districts)
        if refused:
            names = District.objects.in_bulk({stop.district_id_for(self.instance) for stop in refused})
            raise ValidationError(
                [
                    _("%(stop)s is in %(district)s, outside your districts: ask a city administrator to add it.")
                    % {
                        "stop": stop.name or _("A place"),
                        "district": names.get(stop.district_id_for(self.instance), "?"),
                    }
                    for stop in refused
                ]
            )


class RouteStopInline(TranslationStackedInline):
    model = RouteStop
    formset = StopFormSet
    extra = 1
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})}}
    fields = [
        "position",
        ("village", "showroom"),
        ("place_name", "place_address"),
        ("latitude", "longitude"),
        "place_opening_hours",
        "note",
    ]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "village":
            kwargs["queryset"] = db_field.related_model.objects.select_related("district")
        if db_field.name == "showroom":
            kwargs["queryset"] = db_field.related_model.objects.select_related("district")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Route)
class RouteAdmin(FoldedSearchAdmin, DistrictScopedAdmin, TranslationAdmin):
    list_display = ["title", "district", "stop_count", "is_published", "is_demo"]
    list_filter = ["is_published", "district"]
    search_fields = ["title", "slug"]
    list_select_related = ["district"]
    autocomplete_fields = ["district"]
    prepopulated_fields = {"slug": ["title_vi"]}
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    inlines = [RouteStopInline]

    @admin.display(description=gettext_lazy("stops"))
    def stop_count(self, route):
        return route.stops.count()


@admin.register(Event)
class EventAdmin(FoldedSearchAdmin, DistrictScopedAdmin, TranslationAdmin):
    list_display = ["title", "kind", "starts_at", "ends_at", "district", "is_published", "is_demo"]
    list_filter = ["kind", "is_published", "district"]
    search_fields = ["title", "slug"]
    list_select_related = ["district"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["district", "showroom", "village", "producers", "products"]
    prepopulated_fields = {"slug": ["title_vi"]}
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "description", "is_published"]}),
        (gettext_lazy("When (Hanoi time)"), {"fields": [("starts_at", "ends_at")]}),
        (
            gettext_lazy("Where: one of a showroom, a village, an address or a livestream link"),
            {"fields": ["district", "showroom", "village", "address", "livestream_url"]},
        ),
        (gettext_lazy("Who takes part"), {"fields": ["producers", "products"]}),
        (None, {"fields": ["is_demo", "created_at", "updated_at"]}),
    ]
