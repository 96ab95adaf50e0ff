"""Asking to join a city, at /<lang>/accounts/membership/ beside the account pages."""

from django.urls import path

from . import views

app_name = "membership"

urlpatterns = [
    path("membership/", views.membership_request_page, name="request"),
]
