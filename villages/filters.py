"""The village list's filters: by district and by craft, as plain shareable query strings."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Craft, District


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
