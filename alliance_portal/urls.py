from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.static import serve

from . import own_data, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("accessibility/report/", views.access_problem, name="access_problem"),
    path("privacy/", views.privacy, name="privacy"),
    path("accounts/data/", own_data.data_export, name="data_export"),
    path("accounts/data/<str:token>/", own_data.data_download, name="data_download"),
    path("accounts/delete/", own_data.account_delete, name="account_delete"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("cities.membership_urls")),
    path("accounts/", include("allauth.urls")),
    path("cities/", include("cities.urls")),
    path("activity/", include("cities.activity_urls")),
    path("members/", include("cities.directory_urls")),
    path("themes/", include("themes.urls")),
    path("glossary/", include("languages.urls")),
    path("translations/", include("languages.translation_urls")),
    path("projects/", include("projects.urls")),
    path("moderation/", include("projects.moderation_urls")),
    path("events/", include("events.urls")),
    path("questions/", include("questions.urls")),
    path("calls/", include("funding.urls")),
    path("", include("funding.partner_urls")),
    path("", include("funding.sheet_urls")),
    path("methods/", include("methods.urls")),
    path("", include("projects.method_use_urls")),
    path("notifications/", include("notifications.urls")),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("search/", views.search, name="search"),
)

if settings.DEBUG:
    # In production the web server serves MEDIA_ROOT at /media/ (README).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            login_not_required(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
