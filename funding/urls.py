from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.call_list, name="list"),
    path("new/", views.call_create, name="create"),
    path("deadlines.ics", views.deadlines_ics, name="deadlines_ics"),
    path("<slug:slug>/", views.call_detail, name="detail"),
    path("<slug:slug>/edit/", views.call_edit, name="edit"),
    path("<slug:slug>/delete/", views.call_delete, name="delete"),
    path("<slug:slug>/deadlines.ics", views.call_ics, name="call_ics"),
]
