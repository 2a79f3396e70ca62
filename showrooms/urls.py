from django.urls import path

from . import views

app_name = "showrooms"

urlpatterns = [
    path("", views.ShowroomListView.as_view(), name="showroom_list"),
    path("<slug:slug>/", views.ShowroomDetailView.as_view(), name="showroom_detail"),
]
