"""Place pages. Apps above this one (producers, products, showrooms) are reached only
through reverse relations, so this app imports nothing from them."""

from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from .models import Craft, District, Village


def published_product_count(prefix):
    return Count(f"{prefix}products", filter=Q(**{f"{prefix}products__is_published": True}), distinct=True)


class VillageListView(ListView):
    template_name = "villages/village_list.html"
    context_object_name = "villages"
    paginate_by = 30

    def get_queryset(self):
        return Village.objects.for_listing()


class VillageDetailView(DetailView):
    template_name = "villages/village_detail.html"
    context_object_name = "village"
    queryset = Village.objects.for_listing()

    def get_context_data(self, **kwargs):
        village = self.object
        producers = village.producers.with_published_products()
        return super().get_context_data(
            producers=producers,
            showrooms=village.showrooms.active(),
            **kwargs,
        )


class DistrictListView(ListView):
    template_name = "villages/district_list.html"
    context_object_name = "districts"

    def get_queryset(self):
        return District.objects.annotate(
            village_count=Count("villages", distinct=True),
            product_count=published_product_count("producers__"),
        )


class DistrictDetailView(DetailView):
    template_name = "villages/district_detail.html"
    context_object_name = "district"
    queryset = District.objects.with_province()

    def get_context_data(self, **kwargs):
        district = self.object
        star_counts = (
            district.producers.filter(products__is_published=True)
            .values("products__stars")
            .annotate(n=Count("products"))
            .order_by("-products__stars")
        )
        return super().get_context_data(
            villages=district.villages.for_listing(),
            star_counts=[(row["products__stars"], row["n"]) for row in star_counts],
            showrooms=district.showrooms.active(),
            **kwargs,
        )


class CraftDetailView(DetailView):
    template_name = "villages/craft_detail.html"
    context_object_name = "craft"
    model = Craft

    def get_context_data(self, **kwargs):
        craft = self.object
        return super().get_context_data(
            villages=craft.villages.for_listing(),
            products=craft.products.published().for_cards()[:24],
            **kwargs,
        )
