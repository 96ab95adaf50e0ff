"""Forms of the partner searches, their answers and the cities' interest in a call. They
validate what can be said beside a field; the services (``funding.partners``) check again."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cities.enums import Country
from cities.forms import DayInput, PlaceAndThemeFilterForm
from cities.models import City
from cities.rules import approved_cities
from projects.models import Project

from .enums import InterestLevel
from .models import FundingCall, PartnerReply, PartnerSearch
from .partner_selectors import open_calls
from .partners import call_last_day

DEFAULT_DAYS_OPEN = 30


def own_cities(user, *, exclude=None):
    """The cities ``user`` is an approved member of, by name."""
    cities = City.objects.filter(pk__in=list(approved_cities(user)))
    if exclude is not None:
        cities = cities.exclude(pk=exclude)
    return cities.order_by("name")


def own_projects(city_ids):
    return (
        Project.objects.alive()
        .filter(city_id__in=list(city_ids))
        .select_related("city")
        .order_by("title", "pk")
    )


def hide_single_city(form, city_ids) -> None:
    """With only one city to choose, the city goes as a hidden value: no list of one, and no
    query to show it."""
    city_ids = list(city_ids)
    if len(city_ids) == 1:
        form.fields["city"].widget = forms.HiddenInput()
        form.initial["city"] = city_ids[0]


class CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class ProjectChoices:
    """Projects named "City: title" when they come from several cities."""

    def __init__(self, several: bool):
        self.several = several

    def __call__(self, project):
        return f"{project.city.display_name}: {project.title}" if self.several else project.title


class PartnerFilterForm(PlaceAndThemeFilterForm):
    """The list's filters, read from the query string by slug; a value that does not fit is
    said beside its filter and ignored."""

    call = forms.ModelChoiceField(
        label=_("Call"),
        queryset=FundingCall.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All calls"),
        error_messages={"invalid_choice": _("Choose one of the open calls listed.")},
    )

    field_order = ["call", "theme", "city", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = open_calls()
        self.fields["country"].label = _("Country of the city")
        self.fields["city"].label = _("City looking for partners")


class PartnerSearchForm(forms.ModelForm):
    countries = forms.MultipleChoiceField(
        label=_("Partners wanted in"),
        choices=Country.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one country.")},
    )

    class Meta:
        model = PartnerSearch
        fields = [
            "city",
            "call",
            "project",
            "title",
            "roles_sought",
            "closes_on",
            "description",
            "content_language",
        ]
        field_classes = {"city": CityChoiceField}
        labels = {
            "city": _("Looking for partners for"),
            "call": _("For the call"),
            "project": _("For the project"),
            "title": _("What you are looking for"),
        }
        help_texts = {
            "call": _("An open call; or leave it empty and choose a project."),
            "project": _("One of your city's projects; optional when you choose a call."),
            "title": _("Short, e.g. “A Swedish city to test shared mobility hubs with us”."),
            "roles_sought": _("The partners you need and what each would do."),
            "closes_on": _("The last day to answer: at the latest the call's last deadline."),
            "description": _("What you plan, what you bring, what you ask of partners."),
        }
        widgets = {
            "roles_sought": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "closes_on": DayInput(),
        }

    field_order = [
        "city",
        "call",
        "project",
        "title",
        "roles_sought",
        "countries",
        "closes_on",
        "description",
        "content_language",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        cities = own_cities(user)
        self.fields["city"].queryset = cities
        self.fields["city"].empty_label = None
        self.fields["city"].error_messages["invalid_choice"] = _(
            "You can only look for partners for a city you are an approved member of."
        )
        self.fields["call"].queryset = open_calls()
        self.fields["call"].empty_label = _("No call: for a project")
        self.fields["call"].error_messages["invalid_choice"] = _(
            "Choose one of the open calls listed."
        )
        city_ids = list(approved_cities(user))
        self.fields["project"].queryset = own_projects(city_ids)
        self.fields["project"].empty_label = _("No project: for the call")
        self.fields["project"].label_from_instance = ProjectChoices(len(city_ids) > 1)
        self.fields["project"].error_messages["invalid_choice"] = _(
            "Choose one of your city's projects."
        )
        self.fields["closes_on"].error_messages["required"] = _("Say until when you take answers.")

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on is not None and closes_on < timezone.localdate():
            raise forms.ValidationError(
                _("The closing date has passed: choose today or a later day.")
            )
        return closes_on

    def clean(self):
        cleaned = super().clean()
        city, call, project = cleaned.get("city"), cleaned.get("call"), cleaned.get("project")
        if not call and not project and "call" not in self.errors and "project" not in self.errors:
            self.add_error("call", _("Say which call or which project you seek partners for."))
        if project and city and project.city_id != city.pk:
            self.add_error(
                "project",
                _("Choose a project of %(city)s: the city that looks for partners.")
                % {"city": city.display_name},
            )
        closes_on = cleaned.get("closes_on")
        last_day = call_last_day(call) if call else None
        if closes_on and last_day and closes_on > last_day:
            self.add_error(
                "closes_on",
                _("Answers must be wanted by the call's last deadline, %(date)s.")
                % {"date": formats.date_format(last_day, "DATE_FORMAT")},
            )
        countries = cleaned.get("countries") or []
        cleaned["wants_france"] = Country.FRANCE in countries
        cleaned["wants_sweden"] = Country.SWEDEN in countries
        return cleaned

    @staticmethod
    def initial_for(*, call=None, project=None, language="en") -> dict:
        """What the form opens with: the call and project asked for, the reader's language, and
        answers wanted for a month (or until the call's last deadline, if sooner)."""
        closes_on = timezone.localdate() + datetime.timedelta(days=DEFAULT_DAYS_OPEN)
        last_day = call_last_day(call) if call is not None else None
        if last_day is not None:
            closes_on = min(closes_on, last_day)
        initial = {
            "content_language": language,
            "closes_on": closes_on,
            "countries": [Country.FRANCE, Country.SWEDEN],
        }
        if call is not None:
            initial["call"] = call.pk
        if project is not None:
            initial["project"] = project.pk
            initial["city"] = project.city_id
            # Partners from the other country, first of all.
            initial["countries"] = [
                Country.SWEDEN if project.city.country == Country.FRANCE else Country.FRANCE
            ]
        return initial


class ReplyForm(forms.ModelForm):
    city = CityChoiceField(label=_("Answering for"), queryset=City.objects.none())

    class Meta:
        model = PartnerReply
        fields = ["city", "role", "message"]
        labels = {"role": _("We would join as"), "message": _("Message")}
        help_texts = {
            "role": _("E.g. “a partner city testing the hubs in two districts”."),
            "message": _("What you bring, who to contact: the posting city reads it."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, search, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = own_cities(user, exclude=search.city_id)
        self.fields["city"].empty_label = None
        self.fields["city"].error_messages["invalid_choice"] = _(
            "You can only answer for a city you are a member of, not the posting one."
        )


class InterestForm(forms.Form):
    """A city's interest in a call: the city among the reader's own, how (or no longer), with
    which of its projects."""

    city = CityChoiceField(
        label=_("City"),
        queryset=City.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": _("You can only set the interest of a city you are a member of.")
        },
    )
    level = forms.ChoiceField(
        label=_("Interest"),
        choices=[*InterestLevel.choices, ("", _("Not interested (remove our interest)"))],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose a level of interest from the list.")},
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("With these projects"),
        queryset=Project.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Choose projects of your own city.")},
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("E.g. “Our mobility team leads; contact via the project page”."),
    )

    def __init__(self, *args, user, cities=None, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        city_ids = list(approved_cities(user))
        self.fields["city"].queryset = cities if cities is not None else own_cities(user)
        self.fields["projects"].queryset = (
            projects if projects is not None else own_projects(city_ids)
        )
        self.fields["projects"].label_from_instance = ProjectChoices(len(city_ids) > 1)

    def clean(self):
        cleaned = super().clean()
        city, projects = cleaned.get("city"), cleaned.get("projects")
        if city and projects and any(project.city_id != city.pk for project in projects):
            self.add_error(
                "projects",
                _("Choose projects of %(city)s: the city whose interest you set.")
                % {"city": city.display_name},
            )
        return cleaned
