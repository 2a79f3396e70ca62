from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("products/", views.ProductListView.as_view(), name="product_list"),
    path("products/<slug:slug>/", views.ProductDetailView.as_view(), name="product_detail"),
    path("producers/<slug:slug>/", views.ProducerDetailView.as_view(), name="producer_detail"),
]
