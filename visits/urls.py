from django.urls import path, register_converter

from core.page_cache import cache_anonymous_page

from . import views


class MonthConverter:
    """A month as two digits (01–12): one URL per month, /events/2027/01/ and not also /2027/1/."""

    regex = "0[1-9]|1[0-2]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(MonthConverter, "month")

# Whole pages for visitors without a session, until the catalogue changes (core/page_cache.py).
# "Upcoming" is decided by the day (an event is listed until the end of the day it ends,
# EventQuerySet.upcoming()) and every cached page carries today's date, so no kept page
# lists an event as upcoming the day after it ended.
cached = cache_anonymous_page()

app_name = "visits"

urlpatterns = [
    path("routes/", cached(views.RouteListView.as_view()), name="route_list"),
    path("routes/<slug:slug>/", cached(views.RouteDetailView.as_view()), name="route_detail"),
    path("events/", cached(views.EventListView.as_view()), name="event_list"),
    path("events/archive/", cached(views.EventArchiveView.as_view()), name="event_archive"),
    path("events/calendar.ics", cached(views.event_feed), name="event_feed"),
    path("events/village/<slug:slug>.ics", cached(views.village_event_feed), name="village_event_feed"),
    path("events/<int:year>/<month:month>/", cached(views.EventMonthView.as_view()), name="event_month"),
    path("events/<slug:slug>/", cached(views.EventDetailView.as_view()), name="event_detail"),
]
