"""Figures for /stats/: certified products counted by stars, district, craft and group,
and published products by the status of their certificate.

Only products whose certificate is in force today count as OCOP products
(Product.objects.on_sale()); those whose certificate expired or was withdrawn are shown
apart, in the certificates chart, never in the star counts.

Each chart is one GROUP BY query; the bars are laid out here so the template only draws
them. The SVG is rendered on the server: no chart library, nothing to download, readable
without JavaScript, and the numbers stay in the HTML for screen readers.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue.certificates import CertificateStatus, OcopGroup, Stars, certificate_status_conditions, certified_on
from catalogue.models import Product

# Each row is a label above its bar: on a 390 px phone the chart is drawn at about 0.8
# of these units and its words stay readable (a label beside the bar, in a chart twice
# as wide, came out at 6 px). Labels get the chart's whole width, so long group names fit.
LABEL_HEIGHT = 17
BAR_HEIGHT = 14
BAR_GAP = 11
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP
CHART_WIDTH = 400
COUNT_ROOM = 44  # right of the longest bar, for its count


def _chart(chart_id, title, rows, link_param=None):
    """rows: [(key, label, count)] -> a dict the bar_chart partial draws."""
    top = max((count for _key, _label, count in rows), default=0) or 1
    usable = CHART_WIDTH - COUNT_ROOM
    bars = []
    for index, (key, label, count) in enumerate(rows):
        row_y = index * ROW_HEIGHT
        width = max(2, round(usable * count / top)) if count else 0
        bars.append(
            {
                "key": key,
                "label": label,
                "count": count,
                "label_y": row_y + LABEL_HEIGHT - 4,
                "y": row_y + LABEL_HEIGHT,
                "text_y": row_y + LABEL_HEIGHT + BAR_HEIGHT - 2,
                "width": width,
                "count_x": width + 6,
                "link": f"{link_param}={key}" if link_param and key else "",
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "bars": bars,
        "total": sum(count for _key, _label, count in rows),
        "width": CHART_WIDTH,
        "bar_height": BAR_HEIGHT,
        "height": max(1, len(bars)) * ROW_HEIGHT - BAR_GAP,
    }


def catalogue_charts():
    today = timezone.localdate()
    published = Product.objects.published().order_by()
    certified = Product.objects.on_sale(today).order_by()
    english = (get_language() or "vi").startswith("en")

    # Stars and groups of certified products and every published product's certificate
    # status: one aggregate, one query.
    in_force = certified_on(today)
    statuses = certificate_status_conditions(today)
    counts = published.aggregate(
        **{f"stars_{value}": Count("pk", filter=in_force & Q(stars=value)) for value in Stars.values},
        **{f"group_{value}": Count("pk", filter=in_force & Q(group=value)) for value in OcopGroup.values},
        **{f"status_{status.value}": Count("pk", filter=condition) for status, condition in statuses.items()},
    )
    stars_rows = [(str(value), label, counts[f"stars_{value}"]) for value, label in reversed(Stars.choices)]
    group_rows = [(value, label, counts[f"group_{value}"]) for value, label in OcopGroup.choices]
    status_chart = _chart(
        "certificates",
        _("Published products by certificate status"),
        [(status.value, status.label, counts[f"status_{status.value}"]) for status in CertificateStatus],
    )
    for bar in status_chart["bars"]:
        # Expired and withdrawn products have their own list; the others are the default one.
        bar["link"] = "status=expired" if bar["key"] in (CertificateStatus.EXPIRED, CertificateStatus.WITHDRAWN) else ""

    # Plain field names in values(): modeltranslation mishandles values(alias=F(...)).
    district_rows = [
        (row["producer__district__slug"], row["producer__district__name"], row["n"])
        for row in certified.values("producer__district__slug", "producer__district__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "producer__district__name")
    ]

    craft_rows = [
        (
            row["craft__slug"],
            row["craft__name_en"] if english and row["craft__name_en"] else row["craft__name_vi"],
            row["n"],
        )
        for row in certified.filter(craft__isnull=False)
        .values("craft__slug", "craft__name_vi", "craft__name_en")
        .annotate(n=Count("pk"))
        .order_by("-n", "craft__name_vi")
    ]

    return [
        _chart("stars", _("Products by OCOP stars"), stars_rows, "stars"),
        _chart("districts", _("Products by district"), district_rows, "district"),
        _chart("crafts", _("Products by craft"), craft_rows, "craft"),
        _chart("groups", _("Products by OCOP group"), group_rows, "group"),
        status_chart,
    ]
