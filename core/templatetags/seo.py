"""Tags for search engines and link previews: canonical URL, hreflang, JSON-LD.

Absolute URLs are built from settings.SITE_URL, never from the request's Host header, so
a preview or a crawler always sees the public domain.
"""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes json_script uses: the JSON cannot close its <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def absolute(path):
    if not path:
        return settings.SITE_URL + "/"
    if str(path).startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + str(path)


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """(language code, absolute URL) for each language version of the current page."""
    request = context.get("request")
    if request is None:
        return []
    # The same query as the canonical link (a filtered list's other language is the same
    # filtered list), never the raw query string with its tracking junk.
    query = context.get("canonical_query", "")
    return [(code, settings.SITE_URL + translate_url(request.path, code) + query) for code, _name in settings.LANGUAGES]


@register.simple_tag
def json_ld(data):
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def product_json_ld(context, product, reviews=()):
    """schema.org Product with its OCOP rating, offer and producer; with buyers' published
    reviews, their aggregateRating (from the product's own copy: review_count,
    review_average) and the reviews the page shows (`reviews`, each with stars, text,
    display_name and created_at)."""
    url = settings.SITE_URL + product.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "url": url,
        "description": product.description[:500],
        "sku": product.trace_code,
        "category": product.get_product_set_display(),
        "brand": {"@type": "Brand", "name": product.producer.name},
        "manufacturer": {
            "@type": "Organization",
            "name": product.producer.name,
            "url": settings.SITE_URL + product.producer.get_absolute_url(),
        },
        "countryOfOrigin": "VN",
        "award": f"OCOP {product.stars}★",
        "additionalProperty": [
            {"@type": "PropertyValue", "name": "OCOP stars", "value": product.stars},
            {"@type": "PropertyValue", "name": "OCOP certificate", "value": product.certificate_number},
            {"@type": "PropertyValue", "name": "OCOP certificate status", "value": product.certificate_status.value},
        ],
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": product.price,
            "priceCurrency": "VND",
            "availability": "https://schema.org/InStock" if product.stock_quantity else "https://schema.org/OutOfStock",
        },
    }
    if not product.is_on_sale:
        # Expired or withdrawn certificate: no current award, and nothing for sale.
        del data["award"], data["offers"]
    if product.gtin:
        data["gtin14"] = product.gtin
    if getattr(product, "review_count", 0):
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": float(product.review_average),
            "reviewCount": product.review_count,
            "bestRating": 5,
            "worstRating": 1,
        }
        data["review"] = [
            {
                "@type": "Review",
                "author": {"@type": "Person", "name": review.display_name},
                "datePublished": review.created_at.date().isoformat(),
                "reviewBody": review.text[:500],
                "inLanguage": review.language,
                "reviewRating": {"@type": "Rating", "ratingValue": review.stars, "bestRating": 5, "worstRating": 1},
            }
            for review in reviews
        ]
    images = [absolute(image.image.url) for image in product.images.all() if image.image]
    if images:
        data["image"] = images
    return json_ld(data)
