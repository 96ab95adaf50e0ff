"""Saying which methods a project used (included at the root: the paths name their own
prefixes, under the method's or the project's address)."""

from django.urls import path

from . import method_use_views as views

app_name = "method_uses"

urlpatterns = [
    path("methods/<slug:slug>/uses/new/", views.use_create_for_method, name="create"),
    path("methods/<slug:slug>/uses/<int:pk>/edit/", views.use_edit, name="edit"),
    path("methods/<slug:slug>/uses/<int:pk>/delete/", views.use_delete, name="delete"),
    path("projects/<slug:slug>/methods/new/", views.use_create_for_project, name="for_project"),
]
