"""Routes and events that concern a village, showroom, product or producer: for the parts of
those pages that visits fills (partials/visits_here.html)."""

from django import template
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Product
from villages.models import Village

from ..here import visits_here

register = template.Library()


@register.simple_tag
def visits_for(subject):
    """{"routes": [...], "events": [...]} of `subject`: one query (visits/here.py). A
    product's are the routes through its village and the events it or its producer takes
    part in, with a link to its village's page ("visit_village")."""
    routes, events = visits_here(subject)
    found = {"routes": routes, "events": events}
    if isinstance(subject, Product):
        found["visit_village"] = subject.producer.village
    return found


@register.simple_tag
def hanoi_today():
    """Today's date in Hanoi, for marking events as today's or over."""
    return timezone.localdate()


@register.simple_tag
def village_feed_url(subject):
    """The iCalendar feed of a village's events, or '' for anything else."""
    if isinstance(subject, Village):
        return reverse("visits:village_event_feed", kwargs={"slug": subject.slug})
    return ""
