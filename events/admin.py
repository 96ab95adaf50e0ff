"""Events in the admin, written through the services: an edit bumps the iCalendar sequence and
gives freed seats to the people waiting; publishing and cancelling tell who must know."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import FORMFIELD_OVERRIDES
from core.concurrency import VERSION_FIELD
from core.dates import DateTimeField, date_format, localtime

from . import services
from .enums import RegistrationState
from .forms import DateTimeInput, EventForm, agenda_changes
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


def _each(modeladmin, request, queryset, action, done_message):
    done = 0
    for event in queryset:
        try:
            action(event=event, actor=request.user)
        except ValidationError as error:
            modeladmin.message_user(request, f"{event}: {' '.join(error.messages)}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)


@admin.action(description=_("Publish the selected drafts"))
def publish_events(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset,
        lambda event, actor: services.event_publish(event=event, actor=actor),
        lambda done: ngettext("%(count)d event published.", "%(count)d events published.", done),
    )


@admin.action(description=_("Cancel the selected events (registered people are told)"))
def cancel_events(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset,
        lambda event, actor: services.event_cancel(event=event, actor=actor),
        lambda done: ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", done),
    )


class EventAdminForm(EventForm):
    """The portal's checks (times in order, capacity above the seats taken), without the edit
    version: the admin has no page of its own to tell what changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop(VERSION_FIELD, None)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    # The portal's form field for times (one input, Paris time), not the admin's split one.
    formfield_overrides = {
        **FORMFIELD_OVERRIDES,
        models.DateTimeField: {"form_class": DateTimeField, "widget": DateTimeInput},
    }
    form = EventAdminForm
    list_display = ["title", "kind", "starts", "host_city", "state", "visibility", "capacity"]
    list_filter = ["state", "kind", "visibility", "host_city__country"]
    search_fields = ["title", "description", "venue"]
    list_select_related = ["host_city"]
    # The state changes only by publishing or cancelling, which tell people.
    readonly_fields = ["slug", "state", "sequence", "created_at", "updated_at"]
    filter_horizontal = ["themes", "cities", "organisers"]
    inlines = [AgendaItemInline]
    actions = [publish_events, cancel_events]

    @admin.display(
        description=Event._meta.get_field("starts_at").verbose_name, ordering="starts_at"
    )
    def starts(self, event):
        return date_format(localtime(event.starts_at), "DATETIME_FORMAT")

    def save_model(self, request, obj, form, change):
        """Saved with its relations and agenda in ``save_related``, through the service."""

    def save_related(self, request, form, formsets, change):
        agenda = []
        for formset in formsets:
            if formset.model is AgendaItem:
                agenda += agenda_changes(formset)
        try:
            services.event_save(
                event=form.instance,
                user=request.user,
                themes=form.cleaned_data["themes"],
                cities=form.cleaned_data["cities"],
                organisers=form.cleaned_data["organisers"],
                cover=form.cleaned_data.get("cover_image"),
                agenda=agenda,
            )
        except ValidationError as error:  # seats taken meanwhile: nothing of this save stays
            transaction.set_rollback(True)
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not services.event_deletable(obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.event_delete(event=obj)

    def delete_queryset(self, request, queryset):
        for event in queryset:
            services.event_delete(event=event)


@admin.action(description=_("Cancel the selected registrations (the seat goes to who waits)"))
def cancel_registrations(modeladmin, request, queryset):
    done = 0
    for registration in queryset.exclude(state=RegistrationState.CANCELLED):
        try:
            services.registration_cancel(registration=registration)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{registration}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            done += 1
    if done:
        message = ngettext(
            "%(count)d registration cancelled.", "%(count)d registrations cancelled.", done
        )
        modeladmin.message_user(request, message % {"count": done}, messages.SUCCESS)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Seats are taken on the portal, in order of arrival; staff read them and cancel one
    through the service, which gives the seat to the first person waiting."""

    list_display = ["event", "user", "state", "created_at"]
    list_filter = ["state"]
    search_fields = ["user__email", "event__title"]
    list_select_related = ["event", "user"]
    fields = ["event", "user", "state", "needs", "listed", "created_at", "updated_at"]
    readonly_fields = fields
    actions = [cancel_registrations]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
