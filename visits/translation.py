"""Route and event texts in the shopper's language (django-modeltranslation: title_vi, title_en...)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event, Route, RouteStop


@register(Route)
class RouteTranslation(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = {"vi": ("title",)}


@register(RouteStop)
class RouteStopTranslation(TranslationOptions):
    fields = ("note",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"vi": ("title",)}
