"""The register's words for a decision and a certification, in the page's language."""

from django import template

from catalogue.issuers import english_issuer
from core.formats import in_page_language

register = template.Library()


@register.simple_tag
def decision_issuer(decision):
    """Who issued the decision, in the page's language (catalogue/issuers.py names the
    standard issuers in English when no English was entered)."""
    return in_page_language(decision, "issuer", glossary=english_issuer)


@register.simple_tag
def certification_withdrawal_reason(certification):
    return in_page_language(certification, "withdrawn_reason")
