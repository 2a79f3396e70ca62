"""The product list's filters, built on django-filter: what a query string asks for.

Every state of the list is a plain query string (district=gia-lam&stars=5&q=gom), so a
shopper can share it and the page works without JavaScript. Shared links outlive the
data: a village may be renamed, a hand-typed `stars=9` may arrive. Unknown values are
dropped and reported as "ignored" instead of failing the whole form, so the shopper still
sees the products the rest of the link asks for.

The modules beside it build on the FilterSet's understood `values`: querystrings.py (the
canonical links), facets.py (options with their counts), chips.py (the active filters).
"""

import django_filters
from django import forms
from django.db.models import CharField, F, QuerySet, Value
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from villages.models import Commune, Craft, District, Village

from .certificates import OcopGroup, Stars

# Caps that keep a hostile query string cheap: values per parameter and search length.
MAX_VALUES = 20
MAX_QUERY_LENGTH = 200
MAX_PRICE = 2_000_000_000


SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("newest", _("Newest")),
    ("price", _("Price: low to high")),
    ("-price", _("Price: high to low")),
    ("stars", _("Most stars")),
]
SORT_ORDERINGS = {
    "newest": ("-created_at", "-pk"),
    "price": ("price", "pk"),
    "-price": ("-price", "pk"),
    "stars": ("-stars", "-potential_five_star", "name", "pk"),
}

# Which certificates the list shows. Without `status`, only products certified today
# (Product.objects.on_sale()); status=expired lists those whose certificate expired or
# was withdrawn, each card saying so.
LAPSED = "expired"
STATUS_CHOICES = [(LAPSED, _("No longer OCOP-certified"))]

# Parameters that may be repeated (district=gia-lam&district=ha-dong). `commune` is the
# current commune or ward (since July 2025), by slug (xa-bat-trang) or official code (00577).
MULTI_VALUE_PARAMS = ("district", "commune", "village", "craft", "group", "stars")


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and drops the rest instead of rejecting the field."""

    def clean(self, value):
        values = self.to_python(value)[:MAX_VALUES]
        if not values:
            return []
        known = {str(key) for key, _label in self.choices}
        kept = []
        for item in values:
            if item in known and item not in kept:
                kept.append(item)
        return kept


class AliasedMultipleChoiceField(LenientMultipleChoiceField):
    """Also understands a second name of a value (a commune's code for its slug); the value
    is kept under its canonical name, so both links lead to one canonical URL."""

    def __init__(self, *args, aliases=dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.aliases = aliases

    def to_python(self, value):
        values = super().to_python(value)
        if not values:
            return values
        aliases = self.aliases()
        return [aliases.get(item, item) for item in values]


class LenientMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class AliasedMultipleChoiceFilter(LenientMultipleChoiceFilter):
    field_class = AliasedMultipleChoiceField

    def __init__(self, *args, **kwargs):
        # The filtered relations are foreign keys: no row can appear twice, no DISTINCT.
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


class SearchField(forms.CharField):
    """Free text, trimmed to a length search can afford; NUL bytes removed, not fatal."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class PriceFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_PRICE)
        super().__init__(*args, **kwargs)


class PlaceChoices:
    """Slugs and names of every district, commune, village and craft, read in one query when
    needed (and the communes' codes, which links may use for their slugs).

    One UNION instead of several lookups keeps the list page inside its query budget even
    when a link filters by district, commune, village and craft at once.
    """

    KINDS = ("district", "commune", "village", "craft")
    ALIASES = {"commune_code": "commune"}

    def __init__(self):
        self._rows = None

    def _load(self):
        def rows(model, kind, label_vi, label_en, key="slug"):
            # A plain QuerySet: modeltranslation's reorders the columns of one UNION
            # member (crafts), which silently mixes up slugs and names.
            return (
                QuerySet(model)
                .order_by()
                .annotate(
                    place_kind=Value(kind, output_field=CharField()),
                    place_key=F(key),
                    place_vi=F(label_vi),
                    place_en=F(label_en),
                )
                .values_list("place_kind", "place_key", "place_vi", "place_en")
            )

        query = rows(District, "district", "name", "name").union(
            rows(Commune, "commune", "name", "name"),
            rows(Commune, "commune_code", "slug", "slug", key="code"),
            rows(Village, "village", "name", "name"),
            rows(Craft, "craft", "name_vi", "name_en"),
            all=True,
        )
        english = (get_language() or "vi").startswith("en")
        loaded = {kind: {} for kind in (*self.KINDS, *self.ALIASES)}
        for kind, key, label_vi, label_en in query:
            loaded[kind][key] = (label_en if english and label_en else label_vi) or key
        return loaded

    def labels(self, kind):
        if self._rows is None:
            self._rows = self._load()
        return self._rows[kind]

    def choices(self, kind):
        return list(self.labels(kind).items())

    def aliases(self, kind):
        """{other name: canonical value} of `kind` (a commune's code: its slug)."""
        return next(
            (self.labels(alias) for alias, canonical in self.ALIASES.items() if canonical == kind),
            {},
        )


class ProductFilter(django_filters.FilterSet):
    q = SearchFilter(method="filter_search", label=_("Search"))
    district = LenientMultipleChoiceFilter(field_name="producer__district__slug", label=_("District"))
    commune = AliasedMultipleChoiceFilter(field_name="producer__commune__slug", label=_("Commune or ward"))
    village = LenientMultipleChoiceFilter(field_name="producer__village__slug", label=_("Craft village"))
    craft = LenientMultipleChoiceFilter(field_name="craft__slug", label=_("Craft"))
    group = LenientMultipleChoiceFilter(field_name="group", choices=OcopGroup.choices, label=_("OCOP group"))
    stars = LenientMultipleChoiceFilter(
        field_name="stars", choices=[(str(value), label) for value, label in Stars.choices], label=_("Stars")
    )
    price_min = PriceFilter(field_name="price", lookup_expr="gte", label=_("Lowest price"))
    price_max = PriceFilter(field_name="price", lookup_expr="lte", label=_("Highest price"))
    # A text widget so that in_stock=1 (what the checkbox sends) reads as True; the default
    # select widget only understands its own "2"/"3" codes.
    in_stock = django_filters.BooleanFilter(method="filter_in_stock", widget=forms.TextInput, label=_("In stock only"))
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES, method="filter_status", label=_("Certificate"))
    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, method="filter_nothing", label=_("Sort"))

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.places = PlaceChoices()
        for kind in PlaceChoices.KINDS:
            # A callable: the UNION runs only if a link actually filters by a place.
            self.filters[kind].extra["choices"] = lambda kind=kind: self.places.choices(kind)
        self.filters["commune"].extra["aliases"] = lambda: self.places.aliases("commune")

    # --- filtering ---------------------------------------------------------------------
    def filter_search(self, queryset, name, value):
        return queryset.matching(value)

    def filter_in_stock(self, queryset, name, value):
        return queryset.in_stock() if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset  # `sort` orders the result in sort_queryset(), it filters nothing

    def filter_status(self, queryset, name, value):
        # The date is read on each call: the list changes at local midnight with no write
        # (the cache keys carry the date too, see core/cache.py).
        return queryset.certificate_lapsed() if value == LAPSED else queryset.on_sale()

    @property
    def lapsed(self):
        """True when the list shows products that are no longer certified."""
        return self.values.get("status") == LAPSED

    @property
    def values(self):
        """The understood filters: {name: value}, empty ones left out."""
        if not hasattr(self, "_values"):
            self.is_valid()
            self._values = {
                name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [], False)
            }
        return self._values

    def narrowed(self, queryset, without=()):
        """The queryset under every active filter except those named in `without`.

        The certificate status always applies, also when `status` is absent: the list,
        its count and every facet count show certified products unless asked otherwise.
        """
        queryset = self.filter_status(queryset, "status", self.values.get("status"))
        for name, value in self.values.items():
            if name in ("sort", "status") or name in without:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset):
        return self.sort_queryset(self.narrowed(queryset))

    @property
    def sort_key(self):
        sort = self.values.get("sort")
        if sort == "relevance" and not self.values.get("q"):
            return "stars"  # nothing to be relevant to: the default order
        return sort or ("relevance" if self.values.get("q") else "stars")

    def sort_queryset(self, queryset):
        key = self.sort_key
        if key == "relevance":
            return queryset.ranked_by_name(self.values["q"])
        if key in SORT_ORDERINGS:
            return queryset.order_by(*SORT_ORDERINGS[key])
        return queryset.order_by("-stars", "-potential_five_star", "name", "pk")

    # --- what was not understood -------------------------------------------------------
    @property
    def ignored(self):
        """Names of parameters whose value (or some of whose values) was dropped."""
        ignored = []
        data = self.data
        for name in MULTI_VALUE_PARAMS:
            raw = [item for item in data.getlist(name) if item != ""]
            if raw and len(set(raw[:MAX_VALUES])) != len(self.values.get(name, [])):
                ignored.append(name)
        self.is_valid()
        for name in self.form.errors:
            if name not in ignored:
                ignored.append(name)
        return ignored

    # --- labels -----------------------------------------------------------------------
    def label_for(self, name, value):
        """The name a shopper reads for one value of a filter (a village's name for its
        slug, "5 stars" for 5); the value itself when it has none."""
        if name in PlaceChoices.KINDS:
            return self.places.labels(name).get(value, value)
        choices = dict(self.filters[name].extra.get("choices", []))
        return choices.get(value, value)
