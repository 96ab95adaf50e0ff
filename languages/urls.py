from django.urls import path

from . import views

app_name = "glossary"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("propose/", views.entry_propose, name="propose"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="decide"),
    path("<slug:slug>/", views.entry_detail, name="detail"),
    path("<slug:slug>/correct/", views.entry_correct, name="correct"),
]
