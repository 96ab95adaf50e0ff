from django.urls import path

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.city_list, name="list"),
    path("<slug:slug>/", views.city_detail, name="detail"),
    path("<slug:slug>/memberships/", views.membership_review, name="membership_review"),
    path(
        "<slug:slug>/memberships/<int:pk>/decision/",
        views.membership_decision,
        name="membership_decision",
    ),
]
