"""Place pages: villages, districts and crafts with the producers, products and showrooms
they hold. They combine villages, catalogue and showrooms, so they live in pages."""

from urllib.parse import urlencode

from django.db.models import Count
from django.views.generic import DetailView, ListView

from catalogue.models import Product
from villages.filters import VillageFilter
from villages.models import Craft, District, Village


def on_sale_product_count(prefix):
    """Products shown and sold as OCOP (catalogue's one rule), counted through `prefix`."""
    return Count(f"{prefix}products", filter=Product.on_sale_condition(prefix=f"{prefix}products__"), distinct=True)


class VillageListView(ListView):
    template_name = "places/village_list.html"
    context_object_name = "villages"
    paginate_by = 30

    def get_queryset(self):
        self.filterset = VillageFilter(self.request.GET, queryset=Village.objects.for_listing())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        filterset.is_valid()
        cleaned = filterset.form.cleaned_data
        params = [(name, self.request.GET.get(name)) for name in ("district", "craft") if cleaned.get(name)]
        commune = cleaned.get("commune")
        if commune:
            params.append(("commune", commune.slug))
        return super().get_context_data(
            filterset=filterset,
            query_string=urlencode(params),
            commune=commune,
            without_commune=urlencode([pair for pair in params if pair[0] != "commune"]),
            ignored=filterset.ignored,
            **kwargs,
        )


class VillageDetailView(DetailView):
    template_name = "places/village_detail.html"
    context_object_name = "village"
    queryset = Village.objects.for_listing()

    def get_context_data(self, **kwargs):
        village = self.object
        producers = village.producers.with_products_on_sale()
        return super().get_context_data(
            producers=producers,
            # The link preview's picture (og:image): the first photo, when there is one.
            village_photo=village.images.first(),
            showrooms=village.showrooms.active().for_listing(),
            **kwargs,
        )


class DistrictListView(ListView):
    template_name = "places/district_list.html"
    context_object_name = "districts"

    def get_queryset(self):
        return District.objects.annotate(
            village_count=Count("villages", distinct=True),
            product_count=on_sale_product_count("producers__"),
        )


class DistrictDetailView(DetailView):
    PRODUCTS_SHOWN = 24
    template_name = "places/district_detail.html"
    context_object_name = "district"
    queryset = District.objects.with_province()

    def get_context_data(self, **kwargs):
        district = self.object
        products_on_sale = Product.objects.on_sale().in_districts([district])
        star_counts = products_on_sale.values("stars").annotate(n=Count("id")).order_by("-stars")
        top_products = products_on_sale.for_cards().order_by("-stars", "-potential_five_star", "name")[
            : self.PRODUCTS_SHOWN
        ]
        return super().get_context_data(
            villages=district.villages.for_listing(),
            star_counts=[(row["stars"], row["n"]) for row in star_counts],
            products=top_products,
            showrooms=district.showrooms.active().for_listing(),
            **kwargs,
        )


class CraftDetailView(DetailView):
    template_name = "places/craft_detail.html"
    context_object_name = "craft"
    model = Craft

    def get_context_data(self, **kwargs):
        craft = self.object
        return super().get_context_data(
            villages=craft.villages.for_listing(),
            products=craft.products.on_sale().for_cards()[:24],
            **kwargs,
        )
