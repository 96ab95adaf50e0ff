from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.utils import formats

from core.dates import localtime

from .models import AgendaItem, Event, Registration


class SplitDateTime(AdminSplitDateTime):
    """The admin's date and time boxes, opening on a stored moment the time zone cannot show
    (see core.dates) instead of failing the page."""

    def decompress(self, value):
        if value:
            value = localtime(value)
            return [value.date(), value.time()]
        return [None, None]


DATETIME_WIDGETS = {models.DateTimeField: {"widget": SplitDateTime}}


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    formfield_overrides = DATETIME_WIDGETS
    extra = 0
    fields = ["starts_at", "ends_at", "kind", "title", "place", "position"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts", "host_city", "state", "visibility", "capacity"]
    list_filter = ["state", "kind", "visibility", "host_city__country"]
    search_fields = ["title", "description", "venue"]
    list_select_related = ["host_city"]
    readonly_fields = ["slug", "sequence", "created_at", "updated_at"]
    filter_horizontal = ["themes", "cities", "organisers"]
    inlines = [AgendaItemInline]
    formfield_overrides = DATETIME_WIDGETS

    @admin.display(
        description=Event._meta.get_field("starts_at").verbose_name, ordering="starts_at"
    )
    def starts(self, event):
        return formats.localize(localtime(event.starts_at))


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "state", "created_at"]
    list_filter = ["state"]
    search_fields = ["user__email", "event__title"]
    list_select_related = ["event", "user"]
    raw_id_fields = ["event", "user"]
