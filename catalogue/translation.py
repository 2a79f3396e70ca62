from modeltranslation.translator import TranslationOptions, register

from .models import Lot, Producer, Product, ProductImage, ProductionStep


@register(Producer)
class ProducerTranslation(TranslationOptions):
    fields = ("description",)


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "description", "unit")
    required_languages = ("vi",)


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt_text",)


@register(Lot)
class LotTranslation(TranslationOptions):
    fields = ("materials",)


@register(ProductionStep)
class ProductionStepTranslation(TranslationOptions):
    fields = ("name", "notes")
