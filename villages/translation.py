"""Model fields shown in the shopper's language (django-modeltranslation: name_vi, name_en...)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Craft, Village, VillageImage


@register(Craft)
class CraftTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(Village)
class VillageTranslation(TranslationOptions):
    fields = ("description", "opening_times", "directions")


@register(VillageImage)
class VillageImageTranslation(TranslationOptions):
    fields = ("alt_text",)


# Change history (django-simple-history). Registered here, after the translations, so the
# history tables get the _vi/_en columns too: registering first makes saving crash.
simple_history.register(Village)
simple_history.register(VillageImage)
