"""Suspicious-scan alerts: codes whose scan counts suggest a copied QR code, from counts alone.

The press reported that QR codes on OCOP labels can be copied. A copy shows in the scan
log (`catalogue.Scan`, anonymous: product, lot, time, language, source) as:

- **surge**: a code scanned far above its usual rate. A "code" is what a label carries: a
  product's own QR code (scans with no lot) or a lot's (scans of that lot). It alerts when
  its scans on the day reach max(SURGE_MIN_SCANS, SURGE_MULTIPLE x the median of its daily
  scans over the BASELINE_DAYS before, days without scans counting as 0);
- **past best before**: a lot scanned at least PAST_BEST_BEFORE_MIN_SCANS times on a day
  after its best-before date;
- **certificate lapsed**: a product whose certificate is withdrawn or expired (on that day,
  by the catalogue's rule) scanned at least LAPSED_CERTIFICATE_MIN_SCANS times that day,
  through any of its codes.

Every alert is about one local (Hanoi) day, yesterday by default: the dashboard and the
daily email report the same finished day, so their figures agree and do not move during
the day. Thresholds are the setting OCOP_SCAN_ALERTS (docs/decisions.md says why these).

Counting is a handful of aggregate queries whatever the size of the catalogue: the day's
codes at or above the floor (one GROUP BY over the day's scans, the `scan_time` index),
the daily history of those candidates only (the `scan_product_time` index), the lots past
their date, the lapsed products, then the rows named by the alerts. Callers pass the scan
log already narrowed to a user's districts (villages.scoping) or the whole of it.
"""

import datetime
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, fields

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from catalogue.certificates import CertificateStatus
from catalogue.models import Lot, Product, Scan
from core.formats import day as format_day
from core.formats import number
from villages.models import District

# The defaults of OCOP_SCAN_ALERTS (ocop_site/settings.py reads each from the environment);
# settings that give only some keys keep these for the others.
DEFAULTS = {
    "BASELINE_DAYS": 28,
    "SURGE_MIN_SCANS": 20,
    "SURGE_MULTIPLE": 5,
    "PAST_BEST_BEFORE_MIN_SCANS": 5,
    "LAPSED_CERTIFICATE_MIN_SCANS": 5,
}


@dataclass(frozen=True)
class Thresholds:
    baseline_days: int
    surge_min_scans: int
    surge_multiple: float
    past_best_before_min_scans: int
    lapsed_certificate_min_scans: int

    def surge_threshold(self, usual):
        """The scans a code needs on a day to alert, given its usual (median) daily scans."""
        return max(self.surge_min_scans, math.ceil(self.surge_multiple * usual))


def thresholds():
    """OCOP_SCAN_ALERTS over the defaults; ImproperlyConfigured names a wrong key or value."""
    configured = getattr(settings, "OCOP_SCAN_ALERTS", None) or {}
    if not isinstance(configured, dict):
        raise ImproperlyConfigured("OCOP_SCAN_ALERTS must be a dict, e.g. {'SURGE_MIN_SCANS': 20}.")
    unknown = sorted(set(configured) - set(DEFAULTS))
    if unknown:
        raise ImproperlyConfigured(
            f"OCOP_SCAN_ALERTS has unknown keys {', '.join(unknown)}; known: {', '.join(DEFAULTS)}."
        )
    values = {**DEFAULTS, **configured}
    for key, value in values.items():
        # The multiple may be a fraction (2.5 times usual); counts and days are whole.
        kinds = (int, float) if key == "SURGE_MULTIPLE" else (int,)
        if isinstance(value, bool) or not isinstance(value, kinds) or value < 1:
            wanted = "a number" if key == "SURGE_MULTIPLE" else "a whole number"
            raise ImproperlyConfigured(f"OCOP_SCAN_ALERTS['{key}'] must be {wanted} of at least 1, not {value!r}.")
    return Thresholds(**{f.name: values[f.name.upper()] for f in fields(Thresholds)})


def check_settings(app_configs=None, **kwargs):
    """System check (registered in TraceConfig.ready): a wrong setting stops `migrate` and
    `runserver` with its message, not the dashboard with a 500."""
    try:
        thresholds()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="traceability.E001")]
    return []


# --- the alerts ------------------------------------------------------------------------------


class AlertKind(models.TextChoices):
    # In the order the dashboard and the email list them.
    SURGE = "surge", _("Scanned far above its usual rate")
    PAST_BEST_BEFORE = "past_best_before", _("Lot scanned after its best-before date")
    CERTIFICATE_LAPSED = "certificate_lapsed", _("Scanned while its certificate is withdrawn or expired")


KIND_ORDER = {kind: position for position, kind in enumerate(AlertKind)}


@dataclass
class ScanAlert:
    """One alert and the figures that set it off. `product` and `lot` are filled in by
    find_alerts() (the product with its producer, the lot with its product)."""

    kind: AlertKind
    day: datetime.date
    product_id: int
    lot_id: int | None
    scans: int
    threshold: int
    usual: float | None = None  # surge: median daily scans over the baseline days
    baseline_days: int | None = None  # surge
    floor: int | None = None  # surge: SURGE_MIN_SCANS
    multiple: float | None = None  # surge: SURGE_MULTIPLE
    product: Product | None = None
    lot: Lot | None = None

    @property
    def district_id(self):
        return self.product.producer.district_id

    @property
    def title(self):
        """The code: the product, or the product and the lot."""
        if self.lot is None:
            return str(self.product.name)
        return gettext("%(product)s · lot %(lot)s") % {"product": self.product.name, "lot": self.lot.code}

    @property
    def kind_label(self):
        return self.kind.label

    @property
    def admin_url(self):
        return reverse("admin:catalogue_product_change", args=[self.product_id])

    @property
    def sentence(self):
        """What happened and the figures that set the alert off, in the active language."""
        figures = {"scans": number(self.scans), "day": format_day(self.day), "threshold": number(self.threshold)}
        if self.kind == AlertKind.SURGE:
            figures |= {
                "usual": _rate(self.usual),
                "days": number(self.baseline_days),
                "multiple": _rate(self.multiple),
                "floor": number(self.floor),
            }
            if self.lot is None:
                text = ngettext(
                    "The product's own QR code was scanned %(scans)s time on %(day)s; its usual rate is %(usual)s "
                    "a day (median of the %(days)s days before). Alert threshold: %(threshold)s (%(multiple)s times "
                    "the usual rate, at least %(floor)s).",
                    "The product's own QR code was scanned %(scans)s times on %(day)s; its usual rate is %(usual)s "
                    "a day (median of the %(days)s days before). Alert threshold: %(threshold)s (%(multiple)s times "
                    "the usual rate, at least %(floor)s).",
                    self.scans,
                )
            else:
                figures["lot"] = self.lot.code
                text = ngettext(
                    "The QR code of lot %(lot)s was scanned %(scans)s time on %(day)s; its usual rate is %(usual)s "
                    "a day (median of the %(days)s days before). Alert threshold: %(threshold)s (%(multiple)s times "
                    "the usual rate, at least %(floor)s).",
                    "The QR code of lot %(lot)s was scanned %(scans)s times on %(day)s; its usual rate is %(usual)s "
                    "a day (median of the %(days)s days before). Alert threshold: %(threshold)s (%(multiple)s times "
                    "the usual rate, at least %(floor)s).",
                    self.scans,
                )
        elif self.kind == AlertKind.PAST_BEST_BEFORE:
            figures |= {"lot": self.lot.code, "best_before": format_day(self.lot.best_before)}
            text = ngettext(
                "Lot %(lot)s, best before %(best_before)s, was scanned %(scans)s time on %(day)s. "
                "Alert threshold: %(threshold)s a day.",
                "Lot %(lot)s, best before %(best_before)s, was scanned %(scans)s times on %(day)s. "
                "Alert threshold: %(threshold)s a day.",
                self.scans,
            )
        elif self.product.certificate_status_on(self.day) == CertificateStatus.WITHDRAWN:
            text = ngettext(
                "The product's OCOP certificate is withdrawn, yet it was scanned %(scans)s time on %(day)s. "
                "Alert threshold: %(threshold)s a day.",
                "The product's OCOP certificate is withdrawn, yet it was scanned %(scans)s times on %(day)s. "
                "Alert threshold: %(threshold)s a day.",
                self.scans,
            )
        else:
            figures["valid_until"] = format_day(self.product.certificate_valid_until)
            text = ngettext(
                "The product's OCOP certificate was valid until %(valid_until)s, yet it was scanned %(scans)s time "
                "on %(day)s. Alert threshold: %(threshold)s a day.",
                "The product's OCOP certificate was valid until %(valid_until)s, yet it was scanned %(scans)s times "
                "on %(day)s. Alert threshold: %(threshold)s a day.",
                self.scans,
            )
        return text % figures


def _rate(value):
    """A median or a multiple: whole numbers as such, halves with the language's decimal mark."""
    if value == int(value):
        return number(int(value))
    return formats.number_format(value, decimal_pos=1, use_l10n=True)


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def day_bounds(day):
    """The local (Hanoi) day as an aware [start, end) pair, so queries range over the
    scanned_at indexes instead of converting every row's time to a date."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def find_alerts(day=None, *, scans=None, limits=None):
    """The alerts of the local day `day` (yesterday by default), most telling first.

    `scans`: the scan log to read, e.g. `scope_queryset(Scan.objects.all(), user)` for an
    officer's districts; the whole log by default. Buffered scans are written first.
    """
    day = day or yesterday()
    limits = limits or thresholds()
    Scan.write_buffered()
    scans = (Scan.objects.all() if scans is None else scans).order_by()  # no ORDER BY in GROUP BY queries
    start, end = day_bounds(day)
    on_day = scans.filter(scanned_at__gte=start, scanned_at__lt=end)
    alerts = _surges(scans, on_day, day, start, limits) + _past_best_before(on_day, day, limits)
    alerts += _certificate_lapsed(on_day, day, limits)
    alerts = _with_rows(alerts)
    alerts.sort(key=lambda a: (KIND_ORDER[a.kind], -a.scans, str(a.product.name), a.lot.code if a.lot else ""))
    return alerts


def _surges(scans, on_day, day, start, limits):
    # Candidates: codes at or above the floor on the day (a code below it cannot alert).
    codes = list(on_day.values("product_id", "lot_id").annotate(n=Count("pk")).filter(n__gte=limits.surge_min_scans))
    if not codes:
        return []
    # Their daily counts over the baseline days, in one GROUP BY; the candidates are few
    # (each has at least the floor's scans that day), so the IN lists stay short.
    own_codes = {code["product_id"] for code in codes if code["lot_id"] is None}
    lot_codes = {code["lot_id"] for code in codes if code["lot_id"] is not None}
    # A lot's product too, so that both branches range over (product, scanned_at).
    lot_products = {code["product_id"] for code in codes if code["lot_id"] is not None}
    history = (
        scans.filter(
            scanned_at__gte=start - datetime.timedelta(days=limits.baseline_days),
            scanned_at__lt=start,
        )
        .filter(Q(product_id__in=own_codes, lot_id__isnull=True) | Q(product_id__in=lot_products, lot_id__in=lot_codes))
        .annotate(on=TruncDate("scanned_at"))
        .values("product_id", "lot_id", "on")
        .annotate(n=Count("pk"))
    )
    daily = defaultdict(list)
    for row in history:
        daily[row["product_id"], row["lot_id"]].append(row["n"])
    alerts = []
    for code in codes:
        counts = daily[code["product_id"], code["lot_id"]]
        # Days without a scan count as 0: a code nobody scans has a usual rate of 0.
        usual = statistics.median(counts + [0] * (limits.baseline_days - len(counts)))
        threshold = limits.surge_threshold(usual)
        if code["n"] >= threshold:
            alerts.append(
                ScanAlert(
                    kind=AlertKind.SURGE,
                    day=day,
                    product_id=code["product_id"],
                    lot_id=code["lot_id"],
                    scans=code["n"],
                    threshold=threshold,
                    usual=usual,
                    baseline_days=limits.baseline_days,
                    floor=limits.surge_min_scans,
                    multiple=limits.surge_multiple,
                )
            )
    return alerts


def _past_best_before(on_day, day, limits):
    rows = (
        on_day.filter(lot__best_before__lt=day)
        .values("product_id", "lot_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=limits.past_best_before_min_scans)
    )
    return [
        ScanAlert(
            kind=AlertKind.PAST_BEST_BEFORE,
            day=day,
            product_id=row["product_id"],
            lot_id=row["lot_id"],
            scans=row["n"],
            threshold=limits.past_best_before_min_scans,
        )
        for row in rows
    ]


def _certificate_lapsed(on_day, day, limits):
    # The catalogue's rule of "withdrawn or expired on `day`", as a subquery.
    lapsed = Product.objects.certificate_lapsed(today=day).values("pk")
    rows = (
        on_day.filter(product_id__in=lapsed)
        .values("product_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=limits.lapsed_certificate_min_scans)
    )
    return [
        ScanAlert(
            kind=AlertKind.CERTIFICATE_LAPSED,
            day=day,
            product_id=row["product_id"],
            lot_id=None,
            scans=row["n"],
            threshold=limits.lapsed_certificate_min_scans,
        )
        for row in rows
    ]


def _with_rows(alerts):
    """The alerts with their product (and producer) and lot: two queries for all of them.
    An alert whose product or lot was deleted meanwhile is dropped."""
    if not alerts:
        return []
    products = Product.objects.select_related("producer").in_bulk({alert.product_id for alert in alerts})
    lot_ids = {alert.lot_id for alert in alerts if alert.lot_id is not None}
    lots = Lot.objects.in_bulk(lot_ids) if lot_ids else {}
    kept = []
    for alert in alerts:
        alert.product = products.get(alert.product_id)
        if alert.lot_id is not None:
            alert.lot = lots.get(alert.lot_id)
            if alert.lot is None:
                continue
            alert.lot.product = alert.product
        if alert.product is not None:
            kept.append(alert)
    return kept


def alerts_by_district(alerts):
    """district id -> its alerts, in the order given."""
    grouped = defaultdict(list)
    for alert in alerts:
        grouped[alert.district_id].append(alert)
    return grouped


# --- the daily email -------------------------------------------------------------------------


def officers_to_tell(district_ids):
    """(officer, [their districts among `district_ids`]) for every active officer assigned
    to one of them through District.officers, by username: two queries."""
    memberships = (
        District.officers.through.objects.filter(district_id__in=district_ids, user__is_active=True)
        .select_related("district")
        .order_by("district__name")
    )
    districts_of = defaultdict(list)
    for membership in memberships:
        districts_of[membership.user_id].append(membership.district)
    officers = get_user_model().objects.filter(pk__in=districts_of).order_by("username")
    return [(officer, districts_of[officer.pk]) for officer in officers]


def alert_email(officer, districts, alerts, day):
    """The day's summary for one officer: the alerts of `districts`, in Vietnamese with the
    same in English below (the project stores no language per officer; officers read
    Vietnamese first, as producers do in orders' emails)."""
    context = {
        "officer": officer,
        "districts": ", ".join(district.name for district in districts),
        "alerts": alerts,
        "day": day,
        "SITE_URL": settings.SITE_URL,
    }
    parts, subjects = [], []
    for language in ("vi", "en"):
        with translation.override(language):
            subjects.append(
                gettext("OCOP scan alerts for %(day)s: %(count)s") % {"day": format_day(day), "count": len(alerts)}
            )
            parts.append(render_to_string("traceability/email/scan_alerts.txt", context).strip())
    return EmailMessage(subject=" / ".join(subjects), body="\n\n-----\n\n".join(parts) + "\n", to=[officer.email])
