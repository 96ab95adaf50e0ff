"""/<lang>/moderation/: reported and hidden comments, for their moderators."""

from django.urls import path

from . import moderation

app_name = "moderation"

urlpatterns = [
    path("", moderation.moderation_page, name="page"),
    path("comments/<int:pk>/", moderation.moderation_decide, name="decide"),
]
