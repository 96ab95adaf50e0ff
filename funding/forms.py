import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.enums import Country
from core.dates import EVENT_YEARS, DateTimeField
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import CallStatus, Programme
from .models import FundingCall
from .services import BRUSSELS, CALL_FIELDS, deadline_errors

RATE_MESSAGE = _("A co-funding rate is between 0 and 100 %.")


class CallFilterForm(forms.Form):
    """The list's filters, from the query string: a value that does not fit is said beside its
    field and ignored, never a 500."""

    programme = forms.ChoiceField(
        label=_("Programme"),
        choices=[("", _("All programmes")), *Programme.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the programmes listed.")},
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("kind", "position"),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("Choose one of the themes listed.")},
    )
    country = forms.ChoiceField(
        label=_("Open to applicants from"),
        choices=[("", _("Both countries")), *Country.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose France or Sweden.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *CallStatus.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the statuses listed.")},
    )

    def filters(self) -> dict:
        """The valid filters, for ``selectors.call_list`` (the others are left out)."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        attrs = {**EVENT_YEARS.date_input_bounds(), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class BrusselsDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        attrs = {**EVENT_YEARS.datetime_input_bounds(), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class BrusselsDateTimeField(DateTimeField):
    """A date and time typed in Brussels time, whatever the portal's own time zone, cleaned to
    the aware instant; a stored instant is shown again in Brussels time. A time that does not
    exist there (the hour skipped in March) or exists twice (October) is refused by Django's
    conversion, with its own message."""

    widget = BrusselsDateTimeInput

    def __init__(self, **kwargs):
        kwargs.setdefault("validators", [EVENT_YEARS])
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            with timezone.override(BRUSSELS):
                return super().prepare_value(value)
        return value

    def to_python(self, value):
        with timezone.override(BRUSSELS):
            return super().to_python(value)


def _https_urls(field, **kwargs):
    # A link typed without a scheme is taken as https (Django 6's default, chosen now).
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class CallForm(forms.ModelForm):
    """A call's own fields; its deadlines are ``DeadlineFormSet``. Saved by
    ``services.call_save`` with ``call_data()``."""

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("kind", "position"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
        },
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable development goals"),
        queryset=SustainableDevelopmentGoal.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _("Choose goals from the list."),
            "invalid_pk_value": _("Choose goals from the list."),
        },
    )

    class Meta:
        model = FundingCall
        formfield_callback = _https_urls
        fields = [*CALL_FIELDS, "themes", "sdgs"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "eligibility": forms.Textarea(attrs={"rows": 4}),
            "opens_on": DateInput(),
        }
        help_texts = {
            "identifier": _("As the programme writes it, e.g. HORIZON-MISS-2027-CIT-01-01."),
            "title": _("The call's title, as the programme publishes it."),
            "summary": _("What the call funds, in two or three sentences."),
            "opens_on": _("The day applications open."),
            "budget": _("The call's total budget in euros, if the programme says it."),
            "cofunding_rate": _("The share of the costs the programme pays, from 0 to 100."),
            "eligibility": _("Who may apply, partnership rules, what cities should know."),
            "official_url": _("The programme's own page for the call."),
            "content_language": _("The language you write this page in."),
            "is_example": _("Tick for demonstration content: the call is shown as an example."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rate = self.fields["cofunding_rate"]
        rate.min_value, rate.max_value = 0, 100
        rate.widget.attrs.update({"min": 0, "max": 100})
        rate.error_messages.update({"min_value": RATE_MESSAGE, "max_value": RATE_MESSAGE})
        # The validators were made before: replace them with ones saying the same.
        rate.validators = [
            validator
            for validator in rate.validators
            if getattr(validator, "code", "") not in ("min_value", "max_value")
        ]
        rate.validators += [_rate_in_range]
        self.fields["budget"].widget.attrs["min"] = 0

    def call_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in CALL_FIELDS}


def _rate_in_range(value):
    if value is not None and not 0 <= value <= 100:
        raise ValidationError(RATE_MESSAGE, code="rate")


class DeadlineForm(forms.Form):
    at = BrusselsDateTimeField(
        label=_("Deadline"),
        help_text=_("Date and time in Brussels time, as the programme gives it."),
        error_messages={
            "required": _("Give the deadline's date and time."),
            "invalid": _("Enter a date and a time."),
        },
    )
    label = forms.CharField(
        label=_("What is due"),
        max_length=200,
        required=False,
        help_text=_("For a call in stages, e.g. “Stage 1: short proposal”."),
    )


class BaseDeadlineFormSet(forms.BaseFormSet):
    """The call's deadlines: at least one, none before the opening date (set ``opens_on``
    before validating), no two at the same time. Every row may be left empty: the count of
    those filled is what matters."""

    item_label = _("Deadline")
    opens_on: datetime.date | None = None
    default_error_messages = {
        "too_few_forms": _("Give at least one deadline."),
        "too_many_forms": _("A call has 20 deadlines at most."),
    }

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # The rows to add may all be left empty, the first too: "at least one" says it once.
        if i >= self.initial_form_count():
            form.empty_permitted = True
        return form

    def _rows(self):
        for index, form in enumerate(self.forms):
            if index >= self.initial_form_count() and not form.has_changed():
                continue
            if self._should_delete_form(form):
                continue
            if getattr(form, "cleaned_data", None) and form.cleaned_data.get("at"):
                yield form

    def deadlines(self) -> list[tuple[datetime.datetime, str]]:
        """The (instant, what is due) pairs of a valid formset."""
        return [(form.cleaned_data["at"], form.cleaned_data["label"]) for form in self._rows()]

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        problems = deadline_errors(self.opens_on, self.deadlines())
        if problems:
            raise ValidationError(problems)

    def refuse(self, errors) -> None:
        """Add ``errors`` (from the service) to the formset's own messages."""
        messages = [*self.non_form_errors(), *ValidationError(errors).messages]
        self._non_form_errors = self.error_class(
            messages, error_class="nonform", renderer=self.renderer
        )


DeadlineFormSet = forms.formset_factory(
    DeadlineForm,
    formset=BaseDeadlineFormSet,
    extra=2,
    min_num=1,
    validate_min=True,
    max_num=20,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)
