from django import forms
from django.utils.translation import gettext_lazy as _

from themes.models import Theme

from .enums import Country, MembershipStatus
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
