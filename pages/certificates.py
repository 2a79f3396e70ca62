"""The public certificate register: every certification of a published product, searchable
by decision number, product or producer, and each decision's own page.

The press found that no OCOP database existed for the public to look a label up in; this is
it. It reads catalogue's history (`Decision`, `Certification`) through their querysets and
follows the product list's conventions (catalogue/filters.py, catalogue/querystrings.py):
a link that asks for something unknown still answers, saying what it left out, and every
state of the register has one URL.
"""

import datetime
import functools
import operator
from urllib.parse import parse_qsl, urlencode

import django_filters
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from catalogue.certificates import CertificateStatus, Stars, certificate_status_conditions
from catalogue.filters import (
    MAX_VALUES,
    AliasedMultipleChoiceFilter,
    LenientMultipleChoiceFilter,
    PlaceChoices,
    SearchFilter,
)
from catalogue.models import Certification, Decision, Product
from catalogue.views import ForgivingPaginationMixin

ROWS_PER_PAGE = 50
# Decisions before OCOP began (2018) are typos; a year after this one cannot exist yet.
FIRST_YEAR = 2018

MULTI_VALUE_PARAMS = ("district", "commune", "stars", "status")
# A certificate still within its dates whose product was re-assessed since (a later one
# stands): no longer the product's certificate, so never shown as valid. A copied label
# naming the old stars must not find a "valid" row.
SUPERSEDED = "superseded"
STATUS_CHOICES = [*CertificateStatus.choices, (SUPERSEDED, _("Replaced by a re-assessment"))]
# Parameters in the order they appear in canonical URLs (then `page`).
ORDER = ("q", *MULTI_VALUE_PARAMS, "year")


def year_choices():
    return [(str(year), str(year)) for year in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)]


class RegisterFilter(django_filters.FilterSet):
    """What a register link asks for. Lenient like ProductFilter: unknown values are dropped
    and named in `ignored`, the rest still applies."""

    q = SearchFilter(method="filter_search", label=_("Search"))
    district = LenientMultipleChoiceFilter(
        field_name="product__producer__district__slug", distinct=False, label=_("District")
    )
    commune = AliasedMultipleChoiceFilter(field_name="product__producer__commune__slug", label=_("Commune or ward"))
    stars = LenientMultipleChoiceFilter(
        field_name="stars",
        distinct=False,
        choices=[(str(value), label) for value, label in Stars.choices],
        label=_("Stars"),
    )
    status = LenientMultipleChoiceFilter(method="filter_status", choices=STATUS_CHOICES, label=_("Certificate status"))
    year = django_filters.ChoiceFilter(method="filter_year", choices=year_choices, label=_("Year of the decision"))

    class Meta:
        model = Certification
        fields = []

    def __init__(self, data=None, *args, today=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.today = today or timezone.localdate()
        # Districts and communes (with the communes' codes) in one query, only when the
        # page needs them: the filter form's options, or a link filtering by a place.
        self.places = PlaceChoices()
        for kind in ("district", "commune"):
            self.filters[kind].extra["choices"] = lambda kind=kind: self.places.choices(kind)
        self.filters["commune"].extra["aliases"] = lambda: self.places.aliases("commune")

    # --- filtering ---------------------------------------------------------------------
    def filter_search(self, queryset, name, value):
        """A decision number ("1032/QĐ-UBND", "1032 qd ubnd") or a product, producer or
        place ("gom bat trang"), accent-insensitive: catalogue's two searches, either."""
        return queryset.filter(
            Q(decision__in=Decision.objects.matching_number(value)) | Q(product__in=Product.objects.matching(value))
        )

    def filter_status(self, queryset, name, value):
        # Several statuses are one OR. Today's date: a row's status changes at local
        # midnight with no write (the page cache's keys carry the date too).
        conditions = status_conditions(self.today)
        return queryset.filter(functools.reduce(operator.or_, (conditions[status] for status in value)))

    def filter_year(self, queryset, name, value):
        # A range, not __year: the comparison can use an index on the date.
        year = int(value)
        return queryset.filter(
            decision__decided_on__gte=datetime.date(year, 1, 1), decision__decided_on__lte=datetime.date(year, 12, 31)
        )

    def filter_queryset(self, queryset):
        for name, value in self.values.items():
            queryset = self.filters[name].filter(queryset, value)
        # Newest decision first; within a decision, in the order the rows were entered.
        return queryset.order_by("-valid_from", "-decision_id", "id")

    # --- what was understood -----------------------------------------------------------
    @property
    def values(self):
        """The understood filters: {name: value}, empty ones left out, several values of
        one parameter in a fixed order (so that one state has one URL)."""
        if not hasattr(self, "_values"):
            self.is_valid()
            self._values = {}
            for name, value in self.form.cleaned_data.items():
                if value in (None, "", []):
                    continue
                self._values[name] = sorted(value) if name in MULTI_VALUE_PARAMS else value
        return self._values

    @property
    def ignored(self):
        """Names of parameters whose value (or some of whose values) was dropped."""
        ignored = []
        for name in MULTI_VALUE_PARAMS:
            raw = [item for item in self.data.getlist(name) if item != ""]
            if raw and len(set(raw[:MAX_VALUES])) != len(self.values.get(name, [])):
                ignored.append(name)
        self.is_valid()
        ignored += [name for name in self.form.errors if name not in ignored]
        return ignored

    def label_for(self, name, value):
        if name in ("district", "commune"):
            return self.places.labels(name).get(value, value)
        return dict(self.filters[name].extra.get("choices", [])).get(value, value)


def status_conditions(today):
    """Register status -> Q over rows annotated with_superseded(): the rules of
    Certification.objects.with_status(), with a superseded row never valid or expiring."""
    conditions = certificate_status_conditions(today, withdrawn="withdrawn", valid_until="valid_until")
    standing = Q(superseded=False)
    return {
        CertificateStatus.VALID.value: conditions[CertificateStatus.VALID] & standing,
        CertificateStatus.EXPIRING.value: conditions[CertificateStatus.EXPIRING] & standing,
        CertificateStatus.EXPIRED.value: conditions[CertificateStatus.EXPIRED],
        CertificateStatus.WITHDRAWN.value: conditions[CertificateStatus.WITHDRAWN],
        SUPERSEDED: (conditions[CertificateStatus.VALID] | conditions[CertificateStatus.EXPIRING]) & ~standing,
    }


def set_status(rows, today):
    """Give each row (annotated with_superseded()) `status_value` and `status_label` on
    `today`: its CertificateStatus, or "superseded" for one still in its dates that a later
    certification of the product replaced."""
    labels = dict(STATUS_CHOICES)
    for row in rows:
        status = row.status_on(today)
        row.status_value = SUPERSEDED if status.is_current and row.superseded else status.value
        row.status_label = labels[row.status_value]


# --- canonical query strings (as catalogue/querystrings.py for the product list) ----------
def params(values):
    pairs = []
    for name in ORDER:
        value = values.get(name)
        if value in (None, "", []):
            continue
        if name in MULTI_VALUE_PARAMS:
            pairs.extend((name, item) for item in value)
        else:
            pairs.append((name, str(value)))
    return pairs


def canonical_pairs(values, page=1):
    return params(values) + ([("page", str(page))] if page > 1 else [])


def canonical_query(values, page=1):
    """ "?…" for the state and page, or "" for the bare register."""
    pairs = canonical_pairs(values, page)
    return "?" + urlencode(pairs) if pairs else ""


def raw_query_string(request):
    """The query string as sent, as text: WSGI hands it over decoded as ISO-8859-1 (PEP
    3333), whatever the bytes were; URLs are UTF-8 (as request.GET reads them)."""
    return request.META.get("QUERY_STRING", "").encode("iso-8859-1", "replace").decode("utf-8", "replace")


# --- views ---------------------------------------------------------------------------------
class RegisterView(ForgivingPaginationMixin, ListView):
    """/certificates/: one row per certification of a published product."""

    template_name = "certificates/register.html"
    context_object_name = "certifications"
    paginate_by = ROWS_PER_PAGE

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A link with parameters out of order, empty fields (what the GET form sends) or
        # page=1 goes to the one URL of its state, unless something in it was left out:
        # then the page stays, to say what.
        context = response.context_data
        canonical = canonical_pairs(self.filterset.values, context["page_obj"].number)
        asked = parse_qsl(raw_query_string(request), keep_blank_values=True)
        if not context["ignored"] and asked != canonical:
            return redirect(request.path + canonical_query(self.filterset.values, context["page_obj"].number))
        return response

    def get_queryset(self):
        self.today = timezone.localdate()
        self.filterset = RegisterFilter(
            self.request.GET,
            queryset=Certification.objects.public().for_register().with_superseded(),
            today=self.today,
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        values = filterset.values
        page = context["page_obj"]
        ignored = filterset.ignored
        if self.page_ignored(page):
            ignored.append("page")
        set_status(context["certifications"], self.today)
        context.update(
            filterset=filterset,
            values=values,
            register_query=values.get("q", ""),  # not `query`: that fills the header's product search
            ignored=ignored,
            query_string=urlencode(params(values)),
            canonical_query=canonical_query(values, page.number),
            districts=filterset.places.choices("district"),
            communes=sorted(filterset.places.choices("commune"), key=lambda pair: pair[1]),
            star_choices=filterset.filters["stars"].extra["choices"],
            status_choices=STATUS_CHOICES,
            years=[year for year, _label in year_choices() if int(year) <= self.today.year],
            active_filters=sum(
                len(value) if name in MULTI_VALUE_PARAMS else 1 for name, value in values.items() if name != "q"
            ),
            today=self.today,
        )
        return context

    def page_ignored(self, page):
        raw = self.request.GET.get("page")
        return raw not in (None, "") and raw != str(page.number)


# A decision's products per page: real decisions list tens to a few hundred products; a
# generated catalogue puts thousands under one.
DECISION_ROWS_PER_PAGE = 100


def decision_detail(request, slug):
    """/certificates/decisions/<slug>/: a decision and the published products it certified,
    best rated first, 100 a page (a page number out of range shows the nearest page)."""
    decision = get_object_or_404(Decision, slug=slug)
    today = timezone.localdate()
    rows = (
        decision.certifications.public()
        .with_superseded()
        .select_related("product__producer__district", "product__producer__commune")
        .order_by("-stars", "id")
    )
    paginator = Paginator(rows, DECISION_ROWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    certifications = list(page.object_list)
    set_status(certifications, today)
    for row in certifications:
        row.decision = decision  # already loaded
    return render(
        request,
        "certificates/decision_detail.html",
        {
            "decision": decision,
            "certifications": certifications,
            "certified_count": paginator.count,
            "page_obj": page,
            "paginator": paginator,
            "is_paginated": page.has_other_pages(),
            "today": today,
        },
    )
