"""Visit routes and events: lists, pages, the month calendar and the iCalendar feeds."""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from villages.models import Village

from . import hours, ical
from .models import AVERAGE_SPEED_KMH, ROAD_FACTOR, Event, Route

# Months the calendar pages answer for: a bot walking "next month" forever gets 404s.
FIRST_YEAR, LAST_YEAR = 2020, 2100


def chosen_day(raw, today):
    """The day asked for with ?day=YYYY-MM-DD, or today; and a notice when it was not a date."""
    if not raw:
        return today, ""
    try:
        day = datetime.date.fromisoformat(raw.strip())
    except ValueError:
        day = None
    if day is None:
        return today, _("“%(value)s” is not a date like 2026-12-24: showing today’s opening hours.") % {
            "value": raw[:40]
        }
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return today, _("Opening hours can be shown for %(first)s to %(last)s only: showing today’s.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    return day, ""


class RouteListView(ListView):
    template_name = "visits/route_list.html"
    context_object_name = "routes"
    paginate_by = 30

    def get_queryset(self):
        return Route.objects.published().for_listing()


class RouteDetailView(DetailView):
    template_name = "visits/route_detail.html"
    context_object_name = "route"

    def get_queryset(self):
        return Route.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        route = self.object
        day, notice = chosen_day(self.request.GET.get("day", ""), timezone.localdate())
        legs = [
            {"stop": stop, "km": km, "minutes": minutes, "hours": hours.on_day(stop, day)}
            for stop, km, minutes in route.legs()
        ]
        known = [leg for leg in legs if leg["km"] is not None]
        return super().get_context_data(
            legs=legs,
            day=day,
            day_notice=notice,
            total_km=sum(leg["km"] for leg in known),
            total_minutes=sum(leg["minutes"] for leg in known),
            speed_kmh=AVERAGE_SPEED_KMH,
            road_factor=ROAD_FACTOR,
            **kwargs,
        )


class EventListView(ListView):
    """/events/: upcoming and today's events; the month pages and the archive link from it."""

    template_name = "visits/event_list.html"
    context_object_name = "events"
    paginate_by = 30

    def get_queryset(self):
        return Event.objects.published().upcoming()

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(today=today, heading=_("Upcoming events"), months=month_links(today), **kwargs)


class EventMonthView(ListView):
    """/events/2026/12/: the events running in a month, past ones marked as over."""

    template_name = "visits/event_list.html"
    context_object_name = "events"

    def get_queryset(self):
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise Http404(_("No such month."))
        self.month = datetime.date(year, month, 1)
        return Event.objects.published().in_month(year, month)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            today=today,
            month=self.month,
            previous_month=shift_month(self.month, -1),
            next_month=shift_month(self.month, 1),
            months=month_links(today),
            **kwargs,
        )


class EventArchiveView(ListView):
    """/events/archive/: events that ended before today, latest first."""

    template_name = "visits/event_list.html"
    context_object_name = "events"
    paginate_by = 30

    def get_queryset(self):
        return Event.objects.published().past()

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(today=today, archive=True, months=month_links(today, back=True), **kwargs)


class EventDetailView(DetailView):
    template_name = "visits/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            Event.objects.published()
            .select_related("district", "village__commune", "showroom")
            .prefetch_related("producers", "products")
        )

    def get_context_data(self, **kwargs):
        event = self.object
        products = event.products.on_sale().for_cards()
        return super().get_context_data(today=timezone.localdate(), products=products, **kwargs)


def shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return datetime.date(year, month + 1, 1)


def month_links(today, back=False):
    """This month and the next five for the calendar's navigation; the archive's: this
    month and the five before it, latest first."""
    first = today.replace(day=1)
    return [month for month in (shift_month(first, -n if back else n) for n in range(6)) if month]


def ical_response(events, name):
    response = HttpResponse(ical.feed(events, name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ocop-events.ics"'
    return response


def event_feed(request):
    """/events/calendar.ics: every published event (the archive of the last year too)."""
    return ical_response(ical.feed_events(Event.objects.published()), _("OCOP Hanoi events"))


def village_event_feed(request, slug):
    """/events/village/<slug>.ics: the events at a village or with its producers."""
    village = get_object_or_404(Village, slug=slug)
    return ical_response(
        ical.feed_events(Event.objects.published().at_village(village)),
        _("OCOP events: %(village)s") % {"village": village.name},
    )
