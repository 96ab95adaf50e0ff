from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin import UserAdmin
from accounts.models import User
from core.admin import FORMFIELD_OVERRIDES
from core.pictures import check_picture

from .enums import ActivityKind, MembershipStatus
from .models import ActivityEntry, City, Membership
from .rules import is_staff
from .services import (
    activity_record,
    city_save,
    group_change_record,
    membership_change_role,
    membership_decide,
    membership_end,
)


class ReadOnlyMembershipInline(admin.TabularInline):
    """Memberships are shown beside a city or a person; they change on their own admin page,
    where deciding and ending go through the services (the person is told)."""

    model = Membership
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CityMembershipInline(ReadOnlyMembershipInline):
    fk_name = "city"
    fields = ["user", "role", "status", "created_at", "decided_at"]
    readonly_fields = fields


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
    formfield_overrides = FORMFIELD_OVERRIDES
    form = CityAdminForm
    list_display = ["name", "country", "region", "member_body", "population", "is_active"]
    list_filter = ["country", "is_active"]
    search_fields = ["name", "name_fr", "name_sv", "local_name", "region", "member_body"]
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
    search_fields = [
        "user__email",
        "user__full_name",
        "city__name",
        "city__name_fr",
        "city__name_sv",
        "city__local_name",
    ]
    list_select_related = ["user", "city"]
    # Who asked for which city, and the decision, are facts: staff decide with the actions
    # (the person is told) and may change the role.
    fields = ["user", "city", "role", "status", "message", "created_at", "decided_at", "decided_by"]
    readonly_fields = [name for name in fields if name != "role"]
    actions = [approve_memberships, reject_memberships]

    def has_add_permission(self, request):
        return False  # people ask on the portal

    def save_model(self, request, obj, form, change):
        membership_change_role(membership=obj, role=form.cleaned_data["role"], actor=request.user)

    def delete_model(self, request, obj):
        membership_end(membership=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for membership in queryset:
            membership_end(membership=membership, actor=request.user)


class UserMembershipInline(ReadOnlyMembershipInline):
    fk_name = "user"
    fields = ["city", "role", "status", "created_at", "decided_at"]
    readonly_fields = fields


# A person's cities are shown on their page in the admin; accounts, a floor below, does not
# know about cities, so the cities app adds them.
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, UserMembershipInline]

    def save_related(self, request, form, formsets, change):
        """Groups, staff and superuser status given or taken away go into the activity log,
        with who changed them (the groups are saved here, after ``save_model``)."""
        changed = set(form.changed_data) if change else set()
        before = (
            set(form.instance.groups.values_list("name", flat=True))
            if "groups" in changed
            else set()
        )
        super().save_related(request, form, formsets, change)
        after = (
            {group.name for group in form.cleaned_data["groups"]} if "groups" in changed else set()
        )
        group_change_record(
            user=form.instance,
            actor=request.user,
            added=sorted(after - before),
            removed=sorted(before - after),
            staff=form.instance.is_staff if "is_staff" in changed else None,
            superuser=form.instance.is_superuser if "is_superuser" in changed else None,
        )


@admin.register(ActivityEntry)
class ActivityEntryAdmin(admin.ModelAdmin):
    """The activity log, for staff to read: nobody adds, changes or deletes an entry."""

    list_display = ["created_at", "actor_name", "kind", "city", "target_label", "reason"]
    list_filter = ["kind", "city", "created_at"]
    search_fields = ["actor_name", "target_label"]
    list_select_related = ["city"]
    date_hierarchy = "created_at"
    fields = [
        "created_at",
        "actor",
        "actor_name",
        "kind",
        "city",
        "target_type",
        "target_id",
        "target_label",
        "reason",
    ]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        # All staff read the log (as on the portal), without a model permission to grant.
        return is_staff(request.user) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return is_staff(request.user) or super().has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.action(
    permissions=["delete"],
    description=django_delete_selected.short_description,
)
def delete_selected(modeladmin, request, queryset):
    """Django's "Delete selected" action, kept in the activity log: Django writes the admin log
    of several deletions with ``bulk_create``, which sends no signal (the log of one deletion
    is saved, and ``cities.receivers`` records it)."""
    with transaction.atomic():
        selected = (
            [(str(obj.pk), str(obj)[:200]) for obj in queryset] if request.POST.get("post") else []
        )
        response = django_delete_selected(modeladmin, request, queryset)
        if response is None and len(selected) > 1:  # confirmed and done
            content_type = ContentType.objects.get_for_model(
                modeladmin.model, for_concrete_model=False
            )
            reason = str(LogEntry(action_flag=DELETION).get_action_flag_display())
            for pk, label in selected:
                activity_record(
                    kind=ActivityKind.ADMIN_EDIT,
                    actor=request.user,
                    target_type=f"{content_type.app_label}.{content_type.model}",
                    target_id=pk,
                    target_label=label,
                    reason=reason,
                )
    return response


# Site-wide, in place of Django's own (AdminSite.add_action replaces an action of that name).
admin.site.add_action(delete_selected, "delete_selected")
