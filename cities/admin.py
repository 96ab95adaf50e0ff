from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .enums import MembershipStatus
from .models import City, Membership
from .services import membership_decide


class CityMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "city"
    extra = 0
    fields = ["user", "role", "status", "created_at", "decided_at"]
    readonly_fields = ["created_at", "decided_at"]
    raw_id_fields = ["user"]


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "region", "member_body", "population", "is_active"]
    list_filter = ["country", "is_active"]
    search_fields = ["name", "local_name", "region", "member_body"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CityMembershipInline]


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
    search_fields = ["user__email", "user__full_name", "city__name"]
    list_select_related = ["user", "city"]
    raw_id_fields = ["user", "decided_by"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
    actions = [approve_memberships, reject_memberships]
