from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import DATE_YEARS
from themes.models import Theme

from .enums import ActivityKind, Country, MembershipStatus
from .models import City, Membership


class MembershipRequestForm(forms.ModelForm):
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.active().order_by("country", "name"),
        empty_label=_("Choose a city"),
        error_messages={"invalid_choice": _("Choose one of the member cities.")},
    )

    class Meta:
        model = Membership
        fields = ["city", "role", "message"]
        help_texts = {
            "role": _("What you do for the city in the Alliance."),
            "message": _("Optional: a few words for the city's coordinators."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_city(self):
        city = self.cleaned_data["city"]
        live = Membership.objects.filter(
            user=self.user,
            city=city,
            status__in=[MembershipStatus.PENDING, MembershipStatus.APPROVED],
        ).first()
        if live is not None:
            if live.status == MembershipStatus.APPROVED:
                raise forms.ValidationError(_("You are already a member of this city."))
            raise forms.ValidationError(_("Your request to join this city is already pending."))
        return city

    def validate_unique(self):
        # The user is not a form field: the clean_city check above covers the constraint.
        pass


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        error_messages={"invalid_choice": _("Choose to approve or reject the request.")},
    )


class PlaceAndThemeFilterForm(forms.Form):
    """Filters shared by the project and event lists, read from the query string by slug."""

    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All cities"),
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("Both countries")), *Country.choices], required=False
    )


class DayInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        attrs = {**DATE_YEARS.date_input_bounds(), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ActivityFilterForm(forms.Form):
    """The activity log's filters, read from the query string: a value that does not fit is
    said beside its field and ignored."""

    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All cities"),
        error_messages={"invalid_choice": _("Choose one of the cities listed.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of action"),
        choices=[("", _("Every kind of action")), *ActivityKind.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the kinds of action listed.")},
    )
    since = forms.DateField(
        label=_("Start date"), required=False, widget=DayInput(), validators=[DATE_YEARS]
    )
    until = forms.DateField(
        label=_("End date"), required=False, widget=DayInput(), validators=[DATE_YEARS]
    )

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date must not be before the start date."))
        return cleaned

    def filters(self) -> dict:
        """The filters that passed their checks (call after ``is_valid()``)."""
        return {name: value for name, value in self.cleaned_data.items() if value}
