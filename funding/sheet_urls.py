from django.urls import path

from . import sheet_views

app_name = "sheets"

urlpatterns = [
    path("calls/<slug:slug>/sheets/", sheet_views.sheet_request_view, name="request"),
    path("calls/<slug:slug>/sheets/<uuid:token>/", sheet_views.sheet_status, name="status"),
    path(
        "calls/<slug:slug>/sheets/<uuid:token>.pdf",
        sheet_views.sheet_download,
        {"kind": "pdf"},
        name="pdf",
    ),
    path(
        "calls/<slug:slug>/sheets/<uuid:token>.docx",
        sheet_views.sheet_download,
        {"kind": "docx"},
        name="docx",
    ),
]
