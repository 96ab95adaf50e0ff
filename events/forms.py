from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cities.forms import PlaceAndThemeFilterForm
from cities.models import City
from cities.selectors import approved_members
from core.concurrency import EditVersionFormMixin, Extra
from core.dates import EVENT_YEARS, DateTimeField, date_format, localtime
from core.enums import ContentLanguage
from core.forms import CoverPictureMixin
from projects.models import Project
from themes.models import Theme

from .enums import EventKind, RegistrationState
from .models import AgendaItem, Event, Registration
from .services import AGENDA_FIELDS, AgendaChange


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        attrs = {**EVENT_YEARS.datetime_input_bounds(), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


DATETIME_HELP = _("Paris and Stockholm time.")


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name()} ({user.email})"


def members_queryset():
    return approved_members().order_by("full_name", "email")


def _https_urls(field, **kwargs):
    # Links typed without a scheme are taken as https (Django 6's default, chosen now).
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class EventForm(CoverPictureMixin, EditVersionFormMixin, forms.ModelForm):
    conflict_message = _("This event was changed by someone else since you opened it.")

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cities = forms.ModelMultipleChoiceField(
        label=_("Participating cities"),
        queryset=City.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    organisers = PeopleChoiceField(
        label=_("Organisers"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("They can edit the event and see its registrations."),
    )

    class Meta:
        model = Event
        formfield_callback = _https_urls
        field_classes = {
            "starts_at": DateTimeField,
            "ends_at": DateTimeField,
            "registration_opens_at": DateTimeField,
            "registration_closes_at": DateTimeField,
        }
        fields = [
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "host_city",
            "cities",
            "venue",
            "online_url",
            "visibility",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "themes",
            "description",
            "content_language",
            "organisers",
            "cover_image",
            "cover_alt",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "registration_opens_at": DateTimeInput(),
            "registration_closes_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "starts_at": DATETIME_HELP,
            "ends_at": DATETIME_HELP,
            "registration_opens_at": _("Leave empty to open registration on publication."),
            "registration_closes_at": _("Leave empty to close registration when the event starts."),
            "description": _("You can use Markdown."),
        }

    def __init__(self, *args, may_change_kind_and_visibility: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_change_kind_and_visibility:
            # Disabled fields keep the saved value whatever a crafted POST sends.
            for name in ("kind", "visibility"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Only the network's coordinators change this.")
        current = self.instance.organisers.values("pk") if self.instance.pk else []
        # Approved members, and the current organisers even if they no longer are.
        self.fields["organisers"].queryset = User.objects.filter(
            Q(pk__in=members_queryset().values("pk")) | Q(pk__in=current)
        ).order_by("full_name", "email")
        self.fields["capacity"].widget.attrs["min"] = 0

    def edit_extras(self, event: Event) -> dict[str, Extra]:
        """The agenda edited on the same page, and the state, which organisers change from the
        event's page (publish, cancel) while someone else may be editing it."""
        items = list(
            event.agenda.order_by("starts_at", "position", "pk").values_list(
                "starts_at", "ends_at", "title", "kind", "place", "speakers_text", "description"
            )
        )
        return {
            "state": Extra(_("State"), event.state, [event.get_state_display()]),
            "agenda": Extra(
                _("Agenda"),
                items,
                [
                    f"{date_format(localtime(starts), 'DATETIME_FORMAT')}: {title}"
                    for starts, _ends, title, *_rest in items
                ],
            ),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        # The registration window and the years are checked by Event.full_clean().
        capacity = cleaned.get("capacity")
        if capacity is not None and self.instance.pk:
            confirmed = self.instance.registrations.filter(
                state=RegistrationState.CONFIRMED
            ).count()
            if capacity < confirmed:
                self.add_error(
                    "capacity",
                    _("Seats already taken: %(count)d. The capacity cannot be lower.")
                    % {"count": confirmed},
                )
        return cleaned


class AgendaItemForm(forms.ModelForm):
    speakers = PeopleChoiceField(
        label=_("Speakers (members)"), queryset=User.objects.none(), required=False
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects visited or presented"), queryset=Project.objects.none(), required=False
    )

    class Meta:
        model = AgendaItem
        field_classes = {"starts_at": DateTimeField, "ends_at": DateTimeField}
        fields = [
            "position",
            "starts_at",
            "ends_at",
            "kind",
            "title",
            "place",
            "speakers",
            "speakers_text",
            "projects",
            "description",
            "content_language",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Empty means the event's language, which may be chosen on the same page.
        language = self.fields["content_language"]
        language.required = False
        language.choices = [("", _("As the event")), *ContentLanguage.choices]
        if not self.instance.pk:
            self.initial["content_language"] = ""


class BaseAgendaFormSet(forms.BaseInlineFormSet):
    """Every item within the event's time; choices read once for all the forms."""

    event_span = None  # (starts_at, ends_at), set by the view from the validated event form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        speakers = [
            (user.pk, f"{user.get_full_name()} ({user.email})") for user in members_queryset()
        ]
        projects = [
            (project.pk, f"{project.city.display_name}: {project.title}")
            for project in Project.objects.alive()
            .select_related("city")
            .order_by("city__name", "title")
        ]
        for form in self.forms + [self.empty_form]:
            form.fields["speakers"].queryset = members_queryset()
            form.fields["speakers"].choices = speakers
            form.fields["projects"].queryset = Project.objects.alive()
            form.fields["projects"].choices = projects

    def clean(self):
        super().clean()
        if self.event_span is None:
            return
        starts, ends = self.event_span
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            item_start, item_end = (
                form.cleaned_data.get("starts_at"),
                form.cleaned_data.get("ends_at"),
            )
            if item_start and item_end and item_end <= item_start:
                form.add_error("ends_at", _("An agenda item must end after it starts."))
            for value, field in ((item_start, "starts_at"), (item_end, "ends_at")):
                if value and not (starts <= value <= ends):
                    form.add_error(field, _("This time is outside the event's start and end."))


def agenda_changes(formset) -> list[AgendaChange]:
    """The rows of a valid agenda formset (the portal's editor or the admin's inline), as data
    for ``event_save``."""
    changes = []
    for form in formset.forms:
        item = form.instance if form.instance.pk else None
        if form in formset.deleted_forms:
            if item is not None:
                changes.append(AgendaChange(item=item, delete=True))
            continue
        if not form.has_changed():
            continue
        data = form.cleaned_data
        changes.append(
            AgendaChange(
                item=item,
                values={name: data[name] for name in AGENDA_FIELDS if name in data},
                speakers=tuple(data["speakers"]) if "speakers" in data else None,
                projects=tuple(data["projects"]) if "projects" in data else None,
            )
        )
    return changes


AgendaFormSet = forms.inlineformset_factory(
    Event,
    AgendaItem,
    form=AgendaItemForm,
    formset=BaseAgendaFormSet,
    extra=3,
    can_delete=True,
    can_delete_extra=False,
    max_num=100,
    validate_max=True,
)
AgendaFormSet.item_label = _("Agenda item")  # names its rows in the error summary


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["needs", "listed"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 2})}


class EventFilterForm(PlaceAndThemeFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *EventKind.choices], required=False
    )

    field_order = ["kind", "theme", "city", "country"]
