from django.views.generic import DetailView, ListView

from .models import Showroom


class ShowroomListView(ListView):
    template_name = "showrooms/showroom_list.html"
    context_object_name = "showrooms"
    paginate_by = 30

    def get_queryset(self):
        return Showroom.objects.active().for_listing()


class ShowroomDetailView(DetailView):
    template_name = "showrooms/showroom_detail.html"
    context_object_name = "showroom"

    def get_queryset(self):
        return Showroom.objects.active().for_listing()

    def get_context_data(self, **kwargs):
        products = self.object.products.on_sale().for_cards()
        return super().get_context_data(products=products, **kwargs)
