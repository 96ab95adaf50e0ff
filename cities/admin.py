from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.pictures import check_picture

from .enums import MembershipStatus
from .models import City, Membership
from .services import city_save, membership_decide


class CityMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "city"
    extra = 0
    fields = ["user", "role", "status", "created_at", "decided_at"]
    readonly_fields = ["created_at", "decided_at"]
    raw_id_fields = ["user"]


def _https_urls(db_field, **kwargs):
    # Links typed without a scheme are taken as https (Django 6's default, chosen now).
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class CityAdminForm(forms.ModelForm):
    class Meta:
        model = City
        fields = "__all__"  # noqa: DJ007 (the admin shows every field)
        formfield_callback = _https_urls

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo != self.instance.photo and hasattr(photo, "content_type"):
            check_picture(photo, max_bytes=settings.CITY_PHOTO_MAX_BYTES)
        return photo


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    form = CityAdminForm
    list_display = ["name", "country", "region", "member_body", "population", "is_active"]
    list_filter = ["country", "is_active"]
    search_fields = ["name", "local_name", "region", "member_body"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CityMembershipInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        photo = form.cleaned_data.get("photo")
        new_photo = "photo" in form.changed_data and hasattr(photo, "content_type")
        city_save(city=obj, photo=photo if new_photo else None)


def _decide(modeladmin, request, queryset, *, approve: bool):
    done = 0
    for membership in queryset.filter(status=MembershipStatus.PENDING):
        membership_decide(
            membership=membership,
            decided_by=request.user,
            approve=approve,
            base_url=request.build_absolute_uri("/"),
        )
        done += 1
    message = (
        ngettext("%(count)d request approved.", "%(count)d requests approved.", done)
        if approve
        else ngettext("%(count)d request rejected.", "%(count)d requests rejected.", done)
    )
    modeladmin.message_user(request, message % {"count": done}, messages.SUCCESS)


@admin.action(description=_("Approve the selected pending requests"))
def approve_memberships(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, approve=True)


@admin.action(description=_("Reject the selected pending requests"))
def reject_memberships(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, approve=False)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "city", "role", "status", "created_at", "decided_at"]
    list_filter = ["status", "role", "city__country", "city"]
    search_fields = ["user__email", "user__full_name", "city__name"]
    list_select_related = ["user", "city"]
    raw_id_fields = ["user", "decided_by"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
    actions = [approve_memberships, reject_memberships]
