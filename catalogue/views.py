from django.views.generic import DetailView, ListView

from .models import Producer, Product


class ProductListView(ListView):
    template_name = "catalogue/product_list.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        products = Product.objects.published().for_cards()
        query = self.request.GET.get("q", "")
        if query.strip():
            products = products.search(query)
        return products

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.request.GET.get("q", "")[:200], **kwargs)


class ProductDetailView(DetailView):
    template_name = "catalogue/product_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        return Product.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        product = self.object
        # Showrooms are an app above this one: reach them through the reverse relation.
        showrooms = product.showrooms.active().for_listing()
        return super().get_context_data(showrooms=showrooms, **kwargs)


class ProducerDetailView(DetailView):
    template_name = "catalogue/producer_detail.html"
    context_object_name = "producer"
    queryset = Producer.objects.with_places()

    def get_context_data(self, **kwargs):
        products = self.object.products.published().for_cards()
        return super().get_context_data(products=products, **kwargs)
