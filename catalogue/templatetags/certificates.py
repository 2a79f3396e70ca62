"""Template helpers for a product's OCOP certificate: its badge, issuer and withdrawal reason."""

from django import template

from core.formats import in_page_language

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
