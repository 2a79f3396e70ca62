import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Certification, Decision, Lot, Producer, Product, ProductImage, ProductionStep


@register(Producer)
class ProducerTranslation(TranslationOptions):
    fields = ("description",)


@register(Product)
class ProductTranslation(TranslationOptions):
    # The issuer and a withdrawal reason are read by every visitor of the certificate:
    # they need English too. Without it, the standard issuers are named in English from
    # catalogue/issuers.py (core/templatetags/ocop.py `certificate_issuer`).
    fields = ("name", "description", "unit", "certificate_issuer", "certificate_withdrawn_reason")
    required_languages = ("vi",)


@register(Decision)
class DecisionTranslation(TranslationOptions):
    # As on the product's copy: the English name of the body, when an officer gives one.
    fields = ("issuer",)
    required_languages = ("vi",)


@register(Certification)
class CertificationTranslation(TranslationOptions):
    fields = ("withdrawn_reason",)


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt_text",)


@register(Lot)
class LotTranslation(TranslationOptions):
    fields = ("materials",)


@register(ProductionStep)
class ProductionStepTranslation(TranslationOptions):
    fields = ("name", "notes")


# Change history (django-simple-history). Registered here, after the translations, so the
# history tables get the _vi/_en columns too: registering first makes saving crash.
simple_history.register(Producer)
# The folded search columns are derived from the others: no need to keep their history.
simple_history.register(Product, excluded_fields=["search_name", "search_text"])
simple_history.register(ProductImage)
simple_history.register(Decision, excluded_fields=["search_number"])
simple_history.register(Certification)
simple_history.register(Lot)
simple_history.register(ProductionStep)
