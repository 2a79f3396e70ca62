from django.urls import path

from . import views

app_name = "orders"

urlpatterns = [
    path("cart/", views.cart_detail, name="cart"),
    path("cart/add/<int:product_id>/", views.cart_add, name="cart_add"),
    path("cart/update/<int:product_id>/", views.cart_update, name="cart_update"),
    path("cart/remove/<int:product_id>/", views.cart_remove, name="cart_remove"),
    path("checkout/", views.checkout, name="checkout"),
    path("checkout/pickup-part/", views.pickup_part, name="pickup_part"),
    path("checkout/recalculate/", views.checkout_recalculate, name="checkout_recalculate"),
    path("order/", views.lookup, name="lookup"),
    path("order/<str:code>/", views.order_detail, name="order_detail"),
    path("order/<str:code>/review/<int:part_id>/<int:product_id>/", views.review_create, name="review_create"),
    path("products/<slug:slug>/reviews/", views.product_reviews, name="product_reviews"),
    path("order/<str:code>/vietqr/<int:part_id>.png", views.vietqr_png, name="vietqr_png"),
]
