from django.urls import path

from . import views

app_name = "methods"

urlpatterns = [
    path("", views.method_list, name="list"),
    path("new/", views.method_create, name="create"),
    path("<slug:slug>/", views.method_detail, name="detail"),
    path("<slug:slug>/edit/", views.method_edit, name="edit"),
    path("<slug:slug>/delete/", views.method_delete, name="delete"),
    path("<slug:slug>/history/", views.method_history, name="history"),
    path("<slug:slug>/files/<int:pk>/", views.document_download, name="document"),
]
