"""How figures, prices and dates are written in the page's language, and a record's text
in the page's language. The one place that decides it: templates (through the `ocop` tag
library), emails, the admin and the SVG charts all call these."""

import datetime

from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.translation import get_language

# How each language writes figures and dates. English pages are read by visitors in
# Vietnam: prices keep the "₫" after the amount, as on every price tag they see here; only
# the thousands separator changes (650,000 ₫). Vietnamese dates stay day/month/year, as on
# labels and certificates; English ones spell the month, so 03/12 cannot be read as
# 12 March by one reader and 3 December by another.
FORMATS = {
    "vi": {"thousands": ".", "date": "d/m/Y", "datetime": "d/m/Y H:i", "month": r"\t\h\á\n\g n/Y"},
    "en": {"thousands": ",", "date": "j F Y", "datetime": "j F Y, H:i", "month": "F Y"},
}


def page_language():
    """The active language's base code ("vi", "en"): what a `lang` attribute names."""
    return (get_language() or "vi").split("-")[0]


def _formats():
    return FORMATS.get(page_language(), FORMATS["vi"])


def number(value):
    """2711 -> '2.711' on Vietnamese pages, '2,711' on English ones; '' for no value."""
    if value is None or value == "":
        return ""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return ""
    return f"{value:,}".replace(",", _formats()["thousands"])


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


def day(value):
    """A date: '12/03/2026' (Vietnamese) or '12 March 2026' (English)."""
    return _format_local(value, "date")


def year_month(value):
    """A month: 'tháng 12/2026' (Vietnamese, as in running text) or 'December 2026'."""
    return _format_local(value, "month")


def day_time(value):
    """A moment: '12/03/2026 14:05' (Vietnamese) or '12 March 2026, 14:05' (English)."""
    return _format_local(value, "datetime")


def marked_vietnamese(text):
    """Vietnamese text on a page in another language, marked so screen readers say it right."""
    return format_html('<span lang="vi">{}</span>', text)


def in_page_language(obj, field, glossary=None):
    """obj.<field>_<language> for the page's language. Without it: the glossary's English
    when there is one, else the Vietnamese text marked lang="vi"."""
    language = page_language()
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
    return marked_vietnamese(vietnamese) if vietnamese else ""
