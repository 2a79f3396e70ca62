"""The API's filters: the product list's vocabulary (district, commune, village, craft,
stars, group, q...), read strictly.

The HTML list forgives a shared link (catalogue/filters.py drops what it does not know and
says so); a program calling the API should learn at once that it asked for something that
does not exist, so here an unknown value, a wrong type or an unknown parameter is a 400
naming the parameter and why (opendata/errors.py shapes the answer). Place and craft slugs
are checked with the list's own one-query lookup (catalogue.filters.PlaceChoices).
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from catalogue.certificates import (
    CertificateLevel,
    CertificateStatus,
    OcopGroup,
    ProductSet,
    Stars,
)
from catalogue.filters import MAX_PRICE, MAX_QUERY_LENGTH, MAX_VALUES, PlaceChoices
from catalogue.models import Decision, Producer
from showrooms.models import Showroom


class StrictMultipleChoiceField(forms.MultipleChoiceField):
    """Every value must be known (a commune also by its official code); at most MAX_VALUES."""

    def __init__(self, *args, aliases=dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.aliases = aliases

    def to_python(self, value):
        values = [item for item in super().to_python(value) if item != ""]
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(
                _("At most %(limit)d values may be given."), code="too_many", params={"limit": MAX_VALUES}
            )
        if not values:
            return values
        aliases = self.aliases()
        return list(dict.fromkeys(aliases.get(item, item) for item in values))

    def valid_value(self, value):
        return str(value) in {str(key) for key, _label in self.choices}


class StrictMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = StrictMultipleChoiceField

    def __init__(self, *args, **kwargs):
        # Foreign keys and plain columns: no row can appear twice, no DISTINCT.
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        qs = qs.filter(**{f"{self.field_name}__in": value})
        return qs.distinct() if self.distinct else qs


class SearchField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if "\x00" in value:
            raise forms.ValidationError(_("The text may not contain NUL characters."), code="null_characters")
        return value


class BooleanField(forms.Field):
    """true/false (also 1/0), nothing else: "yes" or "maybe" is an error, not False."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(_("Give true or false."), code="invalid") from None


class StrictFilterSet(django_filters.FilterSet):
    """Knows its parameters: any other (a typo such as `distrct`) is an error. `allowed`:
    the other parameters the view reads (page, page_size)."""

    def __init__(self, data=None, *args, allowed=(), **kwargs):
        super().__init__(data, *args, **kwargs)
        self.allowed = tuple(allowed)
        self.places = PlaceChoices()
        for kind in PlaceChoices.KINDS:
            if kind in self.filters:
                # A callable: the one UNION query runs only when a request names a place.
                self.filters[kind].extra["choices"] = lambda kind=kind: self.places.choices(kind)
        if "commune" in self.filters:
            self.filters["commune"].extra["aliases"] = lambda: self.places.aliases("commune")

    def unknown_parameters(self):
        known = set(self.filters) | set(self.allowed)
        return sorted(name for name in self.data if name not in known)

    def is_valid(self):
        unknown = self.unknown_parameters()
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})
        return super().is_valid()


def district_filter(path):
    return StrictMultipleChoiceFilter(field_name=f"{path}__slug", help_text="District slug (repeat for several)")


def commune_filter(path):
    return StrictMultipleChoiceFilter(
        field_name=f"{path}__slug", help_text="Current commune or ward (since July 2025), by slug or official code"
    )


def village_filter(path):
    return StrictMultipleChoiceFilter(field_name=f"{path}__slug", help_text="Craft village slug")


class ProductFilter(StrictFilterSet):
    q = django_filters.CharFilter(
        method="filter_search",
        help_text="Search names, producer, village, craft and district; accents and case are ignored",
    )
    q.field_class = SearchField
    district = district_filter("producer__district")
    commune = commune_filter("producer__commune")
    village = village_filter("producer__village")
    craft = StrictMultipleChoiceFilter(field_name="craft__slug", help_text="Craft slug")
    producer = django_filters.CharFilter(field_name="producer__slug", help_text="Producer slug")
    group = StrictMultipleChoiceFilter(field_name="group", choices=OcopGroup.choices, help_text="OCOP group")
    product_set = StrictMultipleChoiceFilter(
        field_name="product_set", choices=ProductSet.choices, help_text="OCOP product set"
    )
    stars = StrictMultipleChoiceFilter(field_name="stars", choices=Stars.choices, help_text="3, 4 or 5")
    price_min = django_filters.NumberFilter(
        field_name="price", lookup_expr="gte", min_value=0, max_value=MAX_PRICE, help_text="Lowest price, VND"
    )
    price_min.field_class = forms.IntegerField
    price_max = django_filters.NumberFilter(
        field_name="price", lookup_expr="lte", min_value=0, max_value=MAX_PRICE, help_text="Highest price, VND"
    )
    price_max.field_class = forms.IntegerField
    potential_five_star = django_filters.BooleanFilter(field_name="potential_five_star", help_text="true or false")
    potential_five_star.field_class = BooleanField
    certificate_status = StrictMultipleChoiceFilter(
        choices=CertificateStatus.choices,
        method="filter_certificate_status",
        help_text="Status of the certificate today: valid, expiring, expired or withdrawn",
    )

    def filter_search(self, queryset, name, value):
        # Products whose name matches first (Product.objects.search), ties in a stable order.
        return queryset.search(value) if value.strip() else queryset

    def filter_certificate_status(self, queryset, name, value):
        return queryset.certificate_status_in(value) if value else queryset


class ProducerFilter(StrictFilterSet):
    district = district_filter("district")
    commune = commune_filter("commune")
    village = village_filter("village")
    kind = StrictMultipleChoiceFilter(
        field_name="kind", choices=Producer.Kind.choices, help_text="household, cooperative or enterprise"
    )


class VillageFilter(StrictFilterSet):
    district = district_filter("district")
    commune = commune_filter("commune")
    # Many-to-many: a village of two of the crafts asked for must come once (DISTINCT).
    craft = StrictMultipleChoiceFilter(field_name="crafts__slug", help_text="Craft slug", distinct=True)


class ShowroomFilter(StrictFilterSet):
    district = district_filter("district")
    commune = commune_filter("commune")
    village = village_filter("village")
    kind = StrictMultipleChoiceFilter(
        field_name="kind", choices=Showroom.Kind.choices, help_text="showroom, village_point or design_centre"
    )


class NoFilters(StrictFilterSet):
    """For the lookup lists: no parameter at all."""


class YearField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 2018)  # the OCOP programme began in 2018
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class DecisionFilter(StrictFilterSet):
    number = django_filters.CharFilter(
        method="filter_number", help_text="Decision number, e.g. 1032/QĐ-UBND; accents, case and spacing ignored"
    )
    number.field_class = SearchField
    year = django_filters.NumberFilter(field_name="decided_on__year", help_text="Year of the decision")
    year.field_class = YearField
    level = StrictMultipleChoiceFilter(
        field_name="level", choices=CertificateLevel.choices, help_text="district, province or national"
    )

    def filter_number(self, queryset, name, value):
        return queryset.matching_number(value) if value.strip() else queryset


class CertificationFilter(StrictFilterSet):
    number = django_filters.CharFilter(
        method="filter_number", help_text="Decision number; accents, case and spacing ignored"
    )
    number.field_class = SearchField
    decision = django_filters.CharFilter(field_name="decision__slug", help_text="Decision slug")
    product = django_filters.CharFilter(field_name="product__slug", help_text="Product slug")
    district = district_filter("product__producer__district")
    commune = commune_filter("product__producer__commune")
    stars = StrictMultipleChoiceFilter(field_name="stars", choices=Stars.choices, help_text="3, 4 or 5")
    status = StrictMultipleChoiceFilter(
        choices=CertificateStatus.choices,
        method="filter_status",
        help_text="Status on today's date: valid, expiring, expired or withdrawn",
    )
    year = django_filters.NumberFilter(field_name="valid_from__year", help_text="Year of the decision")
    year.field_class = YearField

    def filter_number(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(decision__in=Decision.objects.matching_number(value))

    def filter_status(self, queryset, name, value):
        return queryset.with_status_in(value) if value else queryset
