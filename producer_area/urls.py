from django.urls import path

from . import views

app_name = "producer_area"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("welcome/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path("welcome/done/", views.password_set, name="password_set"),
    path("orders/", views.order_list, name="orders"),
    path("orders/<int:pk>/", views.order_detail, name="order"),
    path("orders/<int:pk>/status/", views.order_status, name="order_status"),
    path("orders/<int:pk>/transfer-received/", views.order_transfer_received, name="order_transfer_received"),
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/<int:pk>/reply/", views.review_reply, name="review_reply"),
    path("products/", views.product_list, name="products"),
    path("products/<slug:slug>/", views.product_edit, name="product"),
    path("products/<slug:slug>/photos/", views.photo_add, name="photo_add"),
    path("photos/<int:pk>/delete/", views.photo_delete, name="photo_delete"),
]
