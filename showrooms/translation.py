from modeltranslation.translator import TranslationOptions, register

from .models import Showroom


@register(Showroom)
class ShowroomTranslation(TranslationOptions):
    fields = ("opening_hours", "description")
