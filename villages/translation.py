"""Model fields shown in the shopper's language (django-modeltranslation: name_vi, name_en...)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Craft, Village


@register(Craft)
class CraftTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(Village)
class VillageTranslation(TranslationOptions):
    fields = ("description", "opening_times", "directions")
