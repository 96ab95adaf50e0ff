"""Funding calls in the admin, with their deadlines; the network's interest, partner searches
and their answers; partner sheets, read-only (a task makes them)."""

from django.contrib import admin

from core.admin import FORMFIELD_OVERRIDES

from . import services
from .models import (
    CallDeadline,
    CallInterest,
    FundingCall,
    PartnerReply,
    PartnerSearch,
    PartnerSheet,
)


class CallDeadlineInline(admin.TabularInline):
    model = CallDeadline
    extra = 1
    fields = ["at", "label"]


@admin.register(FundingCall)
class FundingCallAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "identifier", "opens_on", "closes_at", "is_example"]
    list_filter = ["programme", "is_example", "open_to_france", "open_to_sweden", "themes"]
    search_fields = ["title", "identifier", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["closes_at", "created_by", "created_at", "updated_at"]
    filter_horizontal = ["themes", "sdgs"]
    formfield_overrides = FORMFIELD_OVERRIDES
    inlines = [CallDeadlineInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The list's order and status read the last deadline from the call itself.
        services.call_deadlines_changed(call=form.instance)


@admin.register(CallInterest)
class CallInterestAdmin(admin.ModelAdmin):
    list_display = ["call", "city", "level", "updated_at"]
    list_filter = ["level", "city"]
    list_select_related = ["call", "city"]
    raw_id_fields = ["call", "projects", "updated_by"]


class PartnerReplyInline(admin.TabularInline):
    model = PartnerReply
    extra = 0
    fields = ["city", "author", "role", "message", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["author"]


@admin.register(PartnerSearch)
class PartnerSearchAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "call", "project", "closes_on", "created_at"]
    list_filter = ["city", "wants_france", "wants_sweden"]
    search_fields = ["title", "roles_sought", "description"]
    list_select_related = ["city", "call", "project"]
    raw_id_fields = ["call", "project", "author"]
    inlines = [PartnerReplyInline]


@admin.register(PartnerReply)
class PartnerReplyAdmin(admin.ModelAdmin):
    list_display = ["search", "city", "role", "created_at"]
    list_select_related = ["search", "city"]
    raw_id_fields = ["search", "author"]


@admin.register(PartnerSheet)
class PartnerSheetAdmin(admin.ModelAdmin):
    list_display = ["call", "city", "language", "requested_at", "ready_at", "failed_at"]
    list_filter = ["language", "city"]
    list_select_related = ["call", "city"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
