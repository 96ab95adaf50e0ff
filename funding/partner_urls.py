from django.urls import path

from . import partner_views as views

app_name = "partners"

urlpatterns = [
    path("partners/", views.partner_list, name="list"),
    path("partners/new/", views.partner_new, name="new"),
    path("partners/<int:pk>/", views.partner_detail, name="detail"),
    path("partners/<int:pk>/reply/", views.partner_reply, name="reply"),
    path("partners/<int:pk>/close/", views.partner_close, name="close"),
    path("calls/<slug:slug>/interest/", views.call_interest, name="interest"),
]
