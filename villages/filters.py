"""The village list's filters: by old district, current commune and craft, as plain
shareable query strings."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Commune, Craft, District


class CommuneField(forms.ModelChoiceField):
    """A commune or ward by its slug (xa-bat-trang) or its official code (00577)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found = self.queryset.matching(str(value)[:100]).first()
        if found is None:
            raise forms.ValidationError(_("No commune or ward has this code or name."), code="invalid_choice")
        return found


class CommuneFilter(django_filters.ModelChoiceFilter):
    field_class = CommuneField


class VillageFilter(django_filters.FilterSet):
    # Unknown slugs from an old link make the field invalid; django-filter then skips
    # that filter, so the page lists all villages instead of failing.
    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.filter(villages__isnull=False).distinct(),
        to_field_name="slug",
        label=_("District"),
        empty_label=_("All districts"),
    )
    craft = django_filters.ModelChoiceFilter(
        field_name="crafts",
        queryset=Craft.objects.filter(villages__isnull=False).distinct(),
        to_field_name="slug",
        label=_("Craft"),
        empty_label=_("All crafts"),
        distinct=True,
    )
    commune = CommuneFilter(
        queryset=Commune.objects.all(),
        label=_("Commune or ward"),
        empty_label=_("All communes and wards"),
    )

    @property
    def ignored(self):
        """Names of parameters whose value was not understood and left out."""
        self.is_valid()
        return list(self.form.errors)
