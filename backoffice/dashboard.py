"""What an officer should look at today, for the admin index (their districts only,
as villages/scoping.py decides).

It spans catalogue, traceability (suspicious-scan alerts) and orders, so it lives with the
project, above the apps. Each entry is a short list plus the total, and a link to the admin
list that shows all of it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.certificates import EXPIRING_WITHIN_DAYS
from catalogue.models import Product, Scan
from core.formats import day, vnd
from orders.models import ProducerOrder, Review, Status
from traceability.alerts import find_alerts
from villages.scoping import scope_queryset

SHOWN = 8


@dataclass
class Panel:
    title: str
    rows: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""
    empty: str = ""


def _change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def _panel(title, queryset, more_url, empty, describe):
    rows = [(item, describe(item), _change_url(item)) for item in queryset[:SHOWN]]
    total = queryset.count() if len(rows) == SHOWN else len(rows)
    return Panel(title=title, rows=rows, total=total, more_url=more_url, empty=empty)


def scan_alerts_panel(user, today):
    """Yesterday's suspicious-scan alerts in the user's districts (traceability/alerts.py),
    every one of them: they are rare, and each is a code to check."""
    reported = today - datetime.timedelta(days=1)
    alerts = find_alerts(reported, scans=scope_queryset(Scan.objects.all(), user))
    return Panel(
        title=_("Suspicious scans on %(day)s") % {"day": day(reported)},
        rows=[(alert.title, alert.sentence, alert.admin_url) for alert in alerts],
        total=len(alerts),
        more_url=reverse("admin:catalogue_scan_changelist"),
        empty=_("None: no code was scanned unusually."),
    )


def panels_for(user, today=None):
    today = today or timezone.localdate()
    products = scope_queryset(Product.objects.select_related("producer"), user)
    changelist = reverse("admin:catalogue_product_changelist")
    expiring = products.certificate_expiring(today=today).order_by("certificate_valid_until")
    expired_published = products.published().certificate_expired(today=today).order_by("certificate_valid_until")
    no_image = products.filter(images__isnull=True).order_by("name_vi")
    no_english = products.filter(
        Q(name_en__isnull=True) | Q(name_en="") | Q(description_en="") | Q(description_en__isnull=True)
    ).order_by("name_vi")
    month_start = today.replace(day=1)
    Scan.write_buffered()
    most_scanned = (
        products.filter(scans__scanned_at__date__gte=month_start)
        .annotate(scan_total=Count("scans"))
        .order_by("-scan_total", "name_vi")
    )
    parts = scope_queryset(ProducerOrder.objects.for_admin(), user).filter(status=Status.NEW).order_by("-created_at")
    waiting_reviews = scope_queryset(Review.objects.pending().select_related("product__producer"), user).order_by(
        "created_at"
    )

    return [
        scan_alerts_panel(user, today),
        _panel(
            _("Certificates expiring within %(days)d days") % {"days": EXPIRING_WITHIN_DAYS},
            expiring,
            f"{changelist}?certificate=expiring",
            _("None: every certificate is valid for more than 90 days."),
            lambda p: _("valid until %(date)s") % {"date": day(p.certificate_valid_until)},
        ),
        _panel(
            _("Expired certificates still published"),
            expired_published,
            f"{changelist}?certificate=expired&is_published__exact=1",
            _("None: no published product has an expired certificate."),
            lambda p: _("expired on %(date)s") % {"date": day(p.certificate_valid_until)},
        ),
        _panel(
            _("Products without images"),
            no_image.distinct(),
            changelist,
            _("Every product has a photo."),
            lambda p: p.producer.name,
        ),
        _panel(
            _("Products without English text"),
            no_english,
            changelist,
            _("Every product has English text."),
            lambda p: p.producer.name,
        ),
        _panel(
            _("Most scanned this month"),
            most_scanned,
            reverse("admin:catalogue_scan_changelist"),
            _("No scans yet this month."),
            # The producer first: a village's producers often sell products of one name.
            lambda p: f"{p.producer.name} · " + _("%(n)d scans") % {"n": p.scan_total},
        ),
        _panel(
            _("New orders"),
            parts,
            f"{reverse('admin:orders_producerorder_changelist')}?status__exact=new",
            # The link already names the order and the producer (str(part)).
            _("No new orders."),
            lambda part: f"{day(part.created_at)} · {vnd(part.total)}",
        ),
        _panel(
            _("Reviews waiting for moderation"),
            waiting_reviews,
            f"{reverse('admin:orders_review_changelist')}?status__exact=pending",
            _("No review is waiting."),
            lambda review: f"{review.product.producer.name} · {day(review.created_at)} · {review.stars}★",
        ),
    ]
