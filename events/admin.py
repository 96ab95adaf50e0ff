from django.contrib import admin

from .models import AgendaItem, Event, Registration


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["starts_at", "ends_at", "kind", "title", "place", "position"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "host_city", "state", "visibility", "capacity"]
    list_filter = ["state", "kind", "visibility", "host_city__country"]
    search_fields = ["title", "description", "venue"]
    list_select_related = ["host_city"]
    readonly_fields = ["slug", "sequence", "created_at", "updated_at"]
    filter_horizontal = ["themes", "cities", "organisers"]
    inlines = [AgendaItemInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "state", "created_at"]
    list_filter = ["state"]
    search_fields = ["user__email", "event__title"]
    list_select_related = ["event", "user"]
    raw_id_fields = ["event", "user"]
