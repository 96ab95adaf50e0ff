"""The activity log, at /<lang>/activity/."""

from django.urls import path

from . import activity_views

app_name = "activity"

urlpatterns = [
    path("", activity_views.activity_list, name="list"),
    path("export.csv", activity_views.activity_export, name="export"),
]
