from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("", views.question_list, name="list"),
    path("ask/", views.question_ask, name="ask"),
    path("<slug:slug>/", views.question_detail, name="detail"),
    path("<slug:slug>/edit/", views.question_edit, name="edit"),
    path("<slug:slug>/close/", views.question_close, name="close"),
    path("<slug:slug>/answers/", views.answer_create, name="answer"),
    path("<slug:slug>/answers/<int:pk>/edit/", views.answer_edit, name="answer_edit"),
    path("<slug:slug>/answers/<int:pk>/useful/", views.answer_useful, name="useful"),
]
