from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from core import cache as ocop_cache

from . import caching, querystrings, share_image
from .chips import chips
from .facets import cached_facets, listed_count
from .filters import ProductFilter
from .models import Producer, Product

RELATED_PRODUCTS = 6
# Buyers' reviews on the product page; the rest on its reviews page (orders).
LATEST_REVIEWS = 10
# The share picture at its current ?v= never changes: a year. Without it (or with an old
# one) the URL shows whatever is current: an hour in browsers and preview caches.
SHARE_IMAGE_IMMUTABLE_SECONDS = 365 * 24 * 60 * 60
SHARE_IMAGE_SECONDS = 60 * 60


class ForgivingPaginator(Paginator):
    """page=-1 or page=999999 in a shared link show the nearest real page, not a 404."""

    def validate_number(self, number):
        try:
            number = int(str(number)[:12])
        except (TypeError, ValueError):
            return 1
        return min(max(number, 1), self.num_pages)


class ForgivingPaginationMixin:
    paginator_class = ForgivingPaginator

    def paginate_queryset(self, queryset, page_size):
        # ListView answers 404 to page=abc before the paginator sees it; any page
        # value is fine here, ForgivingPaginator picks the nearest real page.
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.page(self.request.GET.get(self.page_kwarg, 1))
        return paginator, page, page.object_list, page.has_other_pages()


class ProductListView(ForgivingPaginationMixin, ListView):
    template_name = "catalogue/product_list.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        self.filterset = ProductFilter(self.request.GET, queryset=Product.objects.published())
        return self.filterset.qs.for_cards()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # The facets' star counts add up to the list's count: no COUNT over the matching
        # rows (97,000 of them unfiltered at 100,000 products), cached with the facets.
        paginator.count = listed_count(self.facets)
        return paginator

    @cached_property
    def facets(self):
        base = Product.objects.published()  # the filterset narrows it to a certificate status
        return cached_facets(self.filterset, base)

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        values = filterset.values
        context = super().get_context_data(**kwargs)
        context.update(
            filterset=filterset,
            query=values.get("q", ""),
            facets=self.facets,
            chips=chips(filterset),
            ignored=filterset.ignored,
            sort_choices=filterset.filters["sort"].extra["choices"],
            sort_key=filterset.sort_key,
            params=querystrings.params(values),
            query_string=querystrings.query_string(values),
            # Canonical URL and hreflang alternates: the understood filters and the page.
            canonical_query=querystrings.canonical_query(values, page=context["page_obj"].number),
            values=values,
        )
        # The cards of this page are the same for every visitor: rendered once per set of
        # products (rendering 24 cards with their thumbnails costs more than the queries).
        context.update(ocop_cache.fragment_context(), grid_key=",".join(str(p.pk) for p in context["products"]))
        return context


class ProductDetailView(DetailView):
    template_name = "catalogue/product_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        # Published, whatever the certificate's status: an expired or withdrawn product
        # keeps its page (links and labels point at it), which states the status first.
        return Product.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        product = self.object
        # The showrooms that stock it are the "where to buy" partial's own query (showrooms
        # sits above this app and names that partial, see showrooms.context_processors).
        # related_cards() runs its queries when called: deferred, so that they run only
        # when the page's cached fragment is cold.
        related = SimpleLazyObject(lambda: Product.objects.on_sale().related_cards(product, limit=RELATED_PRODUCTS))
        # The fragment (showrooms, lots, related products) follows the product's own
        # concern too: a lot recorded bumps only that (catalogue/caching.py).
        fragment = ocop_cache.fragment_context((ocop_cache.CATALOGUE, caching.page_concern(product.slug)))
        # Buyers' published reviews, newest first, read through the relation (orders owns
        # them); no query while the product has none (its review_count says so).
        latest_reviews = (
            SimpleLazyObject(lambda: list(product.reviews.published()[:LATEST_REVIEWS])) if product.review_count else []
        )
        return super().get_context_data(
            related_products=related,
            share_image_url=share_image.url(product),
            latest_reviews=latest_reviews,
            **fragment,
            **kwargs,
        )


@require_safe
def product_share_image(request, slug):
    """/products/<slug>/share.png: the product's link-preview picture (catalogue/share_image.py).

    One URL for both languages (the picture has both names), outside the language prefixes.
    Unpublished and unknown products: 404, as their pages."""
    product = get_object_or_404(Product.objects.published().for_cards(), slug=slug)
    version = share_image.fingerprint(product)
    etag = f'"{version}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(share_image.png(product, version), content_type="image/png")
    response["ETag"] = etag
    current = request.GET.get("v") == version
    if current:
        patch_cache_control(response, public=True, max_age=SHARE_IMAGE_IMMUTABLE_SECONDS, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=SHARE_IMAGE_SECONDS)
    return response


class ProducerDetailView(DetailView):
    template_name = "catalogue/producer_detail.html"
    context_object_name = "producer"
    queryset = Producer.objects.with_places()

    def get_context_data(self, **kwargs):
        products = self.object.products.on_sale().for_cards()
        return super().get_context_data(products=products, **kwargs)
