"""Template helpers for a product's OCOP certificate: its badge, issuer and withdrawal reason."""

from django import template
from django.utils.translation import gettext as _

from core.formats import day, in_page_language

from ..certificates import ProductSet
from ..issuers import english_issuer

register = template.Library()


@register.inclusion_tag("partials/certificate_badge.html")
def certificate_badge(product):
    return {"status": product.certificate_status, "product": product}


@register.simple_tag
def certificate_issuer(product):
    """Who issued the certificate, in the page's language (catalogue/issuers.py for the
    standard issuers when no English was entered)."""
    return in_page_language(product, "certificate_issuer", glossary=english_issuer)


@register.simple_tag
def withdrawal_reason(product):
    """Why the certificate was withdrawn, in the page's language when it was written in it."""
    return in_page_language(product, "certificate_withdrawn_reason")


@register.simple_tag
def certification_reason(certification):
    return in_page_language(certification, "withdrawn_reason")


@register.simple_tag
def decision_issuer(decision):
    return in_page_language(decision, "issuer", glossary=english_issuer)


@register.simple_tag
def history_summary(certifications, today=None):
    """A certificate's history in one line, oldest first: "4★ 2021–2024, re-assessed 4★ in
    2024, valid until 12/05/2027". Empty for a single certificate (the block above says it all)."""
    rows = list(certifications)
    if len(rows) < 2:
        return ""
    first, *later = rows
    end = later[0].valid_from if not first.withdrawn else first.withdrawn_on or first.valid_until
    parts = [
        _("%(stars)s★ %(start)s–%(end)s") % {"stars": first.stars, "start": first.valid_from.year, "end": end.year}
    ]
    for row in later:
        parts.append(_("re-assessed %(stars)s★ in %(year)s") % {"stars": row.stars, "year": row.valid_from.year})
    last = rows[-1]
    status = last.status_on(today) if today else last.status
    if status.value == "withdrawn":
        parts.append(
            _("withdrawn on %(date)s") % {"date": day(last.withdrawn_on)} if last.withdrawn_on else _("withdrawn")
        )
    elif status.value == "expired":
        parts.append(_("expired on %(date)s") % {"date": day(last.valid_until)})
    else:
        parts.append(_("valid until %(date)s") % {"date": day(last.valid_until)})
    return ", ".join(parts)


@register.simple_tag
def product_set(product):
    """The product set with its number in Decision 148: "21. Household and decorative handicrafts"."""
    try:
        return ProductSet(product.product_set).numbered_label
    except ValueError:
        return product.product_set
