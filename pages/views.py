"""Pages that draw on every app (home, statistics) and the files for crawlers."""

import functools

from django.conf import settings
from django.db.models import Count, Q, Window
from django.db.models.expressions import RawSQL
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from catalogue.certificates import Stars, certified_on
from catalogue.models import Product
from core import cache as ocop_cache
from showrooms.models import Showroom
from villages.models import Craft, District, Village
from visits.models import Event

from .stats import catalogue_charts

HOME_EVENTS = 3


def catalogue_counts():
    """The home page's counts of the catalogue on sale: the total, producers and each star
    level; the districts and crafts with how many products each. At 100,000 products these
    are the cold page's cost (about 190 ms of SQL): cached until a change moves a count
    (core.cache.COUNTS), not at every catalogue change. District and craft rows are kept
    with both languages' names, so one entry serves both."""

    def build():
        return {
            "stars": Product.objects.on_sale().aggregate(
                total=Count("id"),
                producers=Count("producer", distinct=True),
                **{f"stars_{value}": Count("id", filter=Q(stars=value)) for value in Stars.values},
            ),
            # The condition in WHERE, before annotate() (so the count is over the same
            # join), not as Count(filter=...): the planner then reads only products on
            # sale, from the partial index product_on_sale_counts, not every row.
            "districts": list(
                District.objects.filter(certified_on(prefix="producers__products__")).annotate(
                    product_count=Count("producers__products")
                )
            ),
            "crafts": list(
                Craft.objects.filter(certified_on(prefix="products__")).annotate(product_count=Count("products"))
            ),
        }

    return ocop_cache.get_or_set("home-counts", [], build, concern=ocop_cache.COUNTS)


def home(request):
    # Everything below is lazy (querysets, and callables the template calls), so when the
    # page's {% cache %} fragment is warm none of it runs: the page costs no query.
    # Only products certified today are featured and counted (the fragment's key carries
    # the date, so one that expires at midnight leaves the page the next day).
    on_sale = Product.objects.on_sale()
    # functools.cache: the template reads the counts in several places; they are read
    # from the cache once, and computed only when they changed (core.cache.COUNTS).
    counts = functools.cache(catalogue_counts)
    # The four showrooms shown carry the number of active ones (a window count): one
    # query fewer keeps the cold page within its budget of 10.
    # The six recognised villages shown carry the number of all villages (a scalar
    # subquery), for the same reason: the upcoming events' query fits in the budget.
    villages = functools.cache(
        lambda: list(
            Village.objects.for_listing()
            .filter(is_recognised=True)
            .annotate(all_villages=RawSQL(f"SELECT COUNT(*) FROM {Village._meta.db_table}", ()))[:6]
        )
    )
    showrooms = functools.cache(
        lambda: list(Showroom.objects.active().for_listing().annotate(active_count=Window(Count("pk")))[:4])
    )
    context = {
        **ocop_cache.fragment_context(),
        "featured_products": on_sale.filter(stars__gte=Stars.FOUR)
        .for_cards()
        .order_by("-stars", "-potential_five_star", "-updated_at")[:8],
        "districts": lambda: counts()["districts"],
        "crafts": lambda: counts()["crafts"],
        "villages": villages,
        "showrooms": showrooms,
        # Upcoming by the day (visits.models.EventQuerySet.upcoming), like the fragment's key.
        "events": Event.objects.published().upcoming()[:HOME_EVENTS],
        "today": timezone.localdate(),
        "star_counts": lambda: counts()["stars"],
        "star_choices": list(reversed(Stars.values)),
        "village_count": lambda: villages()[0].all_villages if villages() else Village.objects.count(),
        "producer_count": lambda: counts()["stars"]["producers"],
        "showroom_count": lambda: showrooms()[0].active_count if showrooms() else 0,
    }
    return render(request, "home.html", context)


@require_GET
def healthz(request):
    """200 "ok" once the process serves requests, and nothing else.

    For the reverse proxy's and the orchestrator's health checks, which must not depend
    on the database (a slow database should not take every instance out of rotation at
    once). It runs the whole middleware stack but does no work, so the benchmark uses it
    as its floor: what Django and gunicorn cost before a page adds anything.
    """
    return HttpResponse("ok", content_type="text/plain")


def stats(request):
    return render(request, "stats.html", {"charts": catalogue_charts()})


@require_GET
@cache_page(60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        # Filter combinations are endless; the sitemap lists the pages worth indexing.
        "Disallow: /products/?*q=",
        "Disallow: /en/products/?*q=",
        # Register searches and the check's answers: endless, and each answer is a lookup
        # a crawler should not spend the check's rate limit on.
        "Disallow: /certificates/?*q=",
        "Disallow: /en/certificates/?*q=",
        "Disallow: /certificates/check/?",
        "Disallow: /en/certificates/check/?",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
