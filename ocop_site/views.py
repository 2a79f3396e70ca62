"""Pages that draw on every app (home, statistics) and the files for crawlers."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from catalogue.models import Product, Stars
from showrooms.models import Showroom
from villages.models import Craft, District, Village

from .stats import catalogue_charts


def home(request):
    published = Product.objects.published()
    star_counts = published.aggregate(
        total=Count("id"),
        **{f"stars_{value}": Count("id", filter=Q(stars=value)) for value in Stars.values},
    )
    context = {
        "featured_products": published.filter(stars__gte=Stars.FOUR)
        .for_cards()
        .order_by("-stars", "-potential_five_star", "-updated_at")[:8],
        "districts": District.objects.annotate(
            product_count=Count("producers__products", filter=Q(producers__products__is_published=True))
        ).filter(product_count__gt=0),
        "crafts": Craft.objects.annotate(
            product_count=Count("products", filter=Q(products__is_published=True))
        ).filter(product_count__gt=0),
        "villages": Village.objects.for_listing().filter(is_recognised=True)[:6],
        "showrooms": Showroom.objects.active().for_listing()[:4],
        "star_counts": star_counts,
        "star_choices": list(reversed(Stars.values)),
        "village_count": Village.objects.count(),
        "producer_count": published.values("producer").distinct().count(),
        "showroom_count": Showroom.objects.active().count(),
    }
    return render(request, "home.html", context)


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
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
