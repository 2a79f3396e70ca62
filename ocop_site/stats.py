"""Figures for /stats/: published products counted by stars, district, craft and group.

Each chart is one GROUP BY query; the bars are laid out here so the template only draws
them. The SVG is rendered on the server: no chart library, nothing to download, readable
without JavaScript, and the numbers stay in the HTML for screen readers.
"""

from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue.models import OcopGroup, Product, Stars

BAR_HEIGHT = 26
BAR_GAP = 8
LABEL_WIDTH = 240
CHART_WIDTH = 680


def _chart(chart_id, title, rows, link_param=None):
    """rows: [(key, label, count)] -> a dict the bar_chart partial draws."""
    top = max((count for _key, _label, count in rows), default=0) or 1
    usable = CHART_WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, (key, label, count) in enumerate(rows):
        bars.append(
            {
                "key": key,
                "label": label,
                "count": count,
                "y": index * (BAR_HEIGHT + BAR_GAP),
                "text_y": index * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT * 0.68,
                "width": max(2, round(usable * count / top)) if count else 0,
                "count_x": LABEL_WIDTH + (round(usable * count / top) if count else 0) + 6,
                "link": f"{link_param}={key}" if link_param and key else "",
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "bars": bars,
        "total": sum(count for _key, _label, count in rows),
        "width": CHART_WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "height": max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP),
    }


def catalogue_charts():
    published = Product.objects.published().order_by()
    english = (get_language() or "vi").startswith("en")

    by_stars = dict(published.values_list("stars").annotate(n=Count("pk")))
    stars_rows = [(str(value), label, by_stars.get(value, 0)) for value, label in reversed(Stars.choices)]

    by_group = dict(published.values_list("group").annotate(n=Count("pk")))
    group_rows = [(value, label, by_group.get(value, 0)) for value, label in OcopGroup.choices]

    # Plain field names in values(): modeltranslation mishandles values(alias=F(...)).
    district_rows = [
        (row["producer__district__slug"], row["producer__district__name"], row["n"])
        for row in published.values("producer__district__slug", "producer__district__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "producer__district__name")
    ]

    craft_rows = [
        (
            row["craft__slug"],
            row["craft__name_en"] if english and row["craft__name_en"] else row["craft__name_vi"],
            row["n"],
        )
        for row in published.filter(craft__isnull=False)
        .values("craft__slug", "craft__name_vi", "craft__name_en")
        .annotate(n=Count("pk"))
        .order_by("-n", "craft__name_vi")
    ]

    return [
        _chart("stars", _("Products by OCOP stars"), stars_rows, "stars"),
        _chart("districts", _("Products by district"), district_rows, "district"),
        _chart("crafts", _("Products by craft"), craft_rows, "craft"),
        _chart("groups", _("Products by OCOP group"), group_rows, "group"),
    ]
