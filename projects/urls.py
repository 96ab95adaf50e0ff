from django.urls import path

from . import moderation, views
from .enums import PictureKind

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("<slug:slug>/", views.project_detail, name="detail"),
    path("<slug:slug>/edit/", views.project_edit, name="edit"),
    path("<slug:slug>/delete/", views.project_delete, name="delete"),
    path("<slug:slug>/undelete/", views.project_undelete, name="undelete"),
    path("<slug:slug>/history/", views.project_history, name="history"),
    path("<slug:slug>/history/<int:number>/restore/", views.project_restore, name="restore"),
    path("<slug:slug>/documents/<int:pk>/", views.document_download, name="document"),
    path(
        "<slug:slug>/pictures/cover/",
        views.project_picture,
        {"kind": PictureKind.COVER},
        name="cover",
    ),
    path(
        "<slug:slug>/pictures/cover/thumbnail/",
        views.project_picture,
        {"kind": PictureKind.COVER_THUMBNAIL},
        name="cover_thumbnail",
    ),
    path(
        "<slug:slug>/pictures/<int:pk>/",
        views.project_picture,
        {"kind": PictureKind.IMAGE},
        name="picture",
    ),
    path(
        "<slug:slug>/pictures/<int:pk>/thumbnail/",
        views.project_picture,
        {"kind": PictureKind.THUMBNAIL},
        name="thumbnail",
    ),
    path("<slug:slug>/comments/", views.comment_create, name="comment_create"),
    path("<slug:slug>/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<slug:slug>/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("<slug:slug>/comments/<int:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("<slug:slug>/comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path("<slug:slug>/comments/<int:pk>/review/", moderation.comment_review, name="comment_review"),
]
