from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "in_directory", "groups"]
    search_fields = ["email", "full_name", "organisation"]
    filter_horizontal = ["groups", "user_permissions", "expertise"]
    # People choose their own picture on their profile, where it is checked and re-encoded.
    readonly_fields = ["avatar"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "full_name",
                    "job_title",
                    "organisation",
                    "languages_spoken",
                    "expertise",
                    "avatar",
                    "in_directory",
                    "preferred_language",
                ]
            },
        ),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]
