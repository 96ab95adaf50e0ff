from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("propose/", views.propose_bilateral, name="propose_bilateral"),
    path("calendar.ics", views.events_ics, name="feed"),
    path("feed/reset/", views.personal_feed_reset, name="personal_feed_reset"),
    path("feed/<str:token>.ics", views.personal_ics, name="personal_feed"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/register/", views.event_register, name="register"),
    path("<slug:slug>/publish/", views.event_publish, name="publish"),
    path("<slug:slug>/cancel/", views.event_cancel, name="cancel"),
    path("<slug:slug>/registrations/", views.event_registrations, name="registrations"),
    path("<slug:slug>/calendar.ics", views.event_ics, name="ics"),
]
