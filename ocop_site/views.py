"""The home page: it draws on every app, so it lives with the project, above them all."""

from django.db.models import Count, Q
from django.shortcuts import render

from catalogue.models import Product, Stars
from showrooms.models import Showroom
from villages.models import Craft, District, Village


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
        "village_count": Village.objects.count(),
        "showroom_count": Showroom.objects.active().count(),
    }
    return render(request, "home.html", context)
