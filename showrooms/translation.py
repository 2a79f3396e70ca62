import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Showroom, ShowroomStock


@register(Showroom)
class ShowroomTranslation(TranslationOptions):
    fields = ("opening_hours", "description")


# Change history (django-simple-history); see catalogue/translation.py for the order.
simple_history.register(Showroom)
simple_history.register(ShowroomStock)
