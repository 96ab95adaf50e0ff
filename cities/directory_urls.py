"""The member directory, at /<lang>/members/ (its pages live in ``directory_views``)."""

from django.urls import path

from . import directory_views as views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.profile, name="profile"),
    path("<int:pk>/contact/", views.contact, name="contact"),
]
