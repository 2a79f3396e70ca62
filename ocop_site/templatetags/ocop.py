"""Template helpers shared by every app: prices, numbers and dates in the page's language,
stars, certificate badges.

`vnd`, `number`, `day` and `day_time` are the one place that decides how figures and dates
are written; templates, emails (rendered in the recipient's language), the admin and the
SVG charts all go through them. They are plain functions too, for Python callers.
"""

import datetime

from django import template
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext

from catalogue.issuers import english_issuer

register = template.Library()

# How each language writes figures and dates. English pages are read by visitors in
# Vietnam: prices keep the "₫" after the amount, as on every price tag they see here; only
# the thousands separator changes (650,000 ₫). Vietnamese dates stay day/month/year, as on
# labels and certificates; English ones spell the month, so 03/12 cannot be read as
# 12 March by one reader and 3 December by another.
FORMATS = {
    "vi": {"thousands": ".", "date": "d/m/Y", "datetime": "d/m/Y H:i"},
    "en": {"thousands": ",", "date": "j F Y", "datetime": "j F Y, H:i"},
}


def _formats():
    language = (get_language() or "vi").split("-")[0]
    return FORMATS.get(language, FORMATS["vi"])


@register.filter
def number(value):
    """2711 -> '2.711' on Vietnamese pages, '2,711' on English ones; '' for no value."""
    if value is None or value == "":
        return ""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return ""
    return f"{value:,}".replace(",", _formats()["thousands"])


@register.filter
def vnd(amount):
    """350000 -> '350.000 ₫' (Vietnamese) or '350,000 ₫' (English); prices are always VND."""
    shown = number(amount)
    return f"{shown}\u00a0₫" if shown else ""


def _format_local(value, kind):
    """`value` in the page language's `kind` format; an aware datetime at its local
    (Asia/Ho_Chi_Minh) time, like Django's date filter; '' for none."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, _formats()[kind])


@register.filter
def day(value):
    """A date: '12/03/2026' (Vietnamese) or '12 March 2026' (English)."""
    return _format_local(value, "date")


@register.filter
def day_time(value):
    """A moment: '12/03/2026 14:05' (Vietnamese) or '12 March 2026, 14:05' (English)."""
    return _format_local(value, "datetime")


@register.inclusion_tag("partials/stars.html")
def stars(count, potential_five_star=False):
    count = int(count or 0)
    return {
        "filled": range(count),
        "empty": range(max(0, 5 - count)),
        "label": ngettext("%(n)d-star OCOP", "%(n)d-star OCOP", count) % {"n": count},
        "potential_five_star": potential_five_star,
    }


@register.inclusion_tag("partials/certificate_badge.html")
def certificate_badge(product):
    return {"status": product.certificate_status, "product": product}


@register.filter
def page_window(page_obj, around=2):
    """Page numbers to link: first, last and a few around the current one; None is a gap."""
    current, last = page_obj.number, page_obj.paginator.num_pages
    wanted = {1, last, *range(current - around, current + around + 1)}
    numbers = sorted(n for n in wanted if 1 <= n <= last)
    window = []
    for number in numbers:
        if window and number - window[-1] > 1:
            window.append(None)
        window.append(number)
    return window


def _vietnamese(text):
    """Vietnamese text on a page in another language, marked so screen readers say it right."""
    return format_html('<span lang="vi">{}</span>', text)


def _in_page_language(obj, field, glossary=None):
    """obj.<field>_<language> for the page's language. Without it: the glossary's English
    when there is one, else the Vietnamese text marked lang="vi"."""
    language = (get_language() or "vi").split("-")[0]
    vietnamese = getattr(obj, f"{field}_vi", "") or ""
    if language == "vi":
        return vietnamese
    translated = getattr(obj, f"{field}_{language}", "") or ""
    if translated:
        return translated
    if glossary is not None and language == "en":
        translated = glossary(vietnamese)
        if translated:
            return translated
    return _vietnamese(vietnamese) if vietnamese else ""


@register.simple_tag
def certificate_issuer(product):
    """Who issued the certificate, in the page's language (catalogue/issuers.py for the
    standard issuers when no English was entered)."""
    return _in_page_language(product, "certificate_issuer", glossary=english_issuer)


@register.simple_tag
def withdrawal_reason(product):
    """Why the certificate was withdrawn, in the page's language when it was written in it."""
    return _in_page_language(product, "certificate_withdrawn_reason")
