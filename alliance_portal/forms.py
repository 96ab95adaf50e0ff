from django import forms
from django.utils.translation import gettext_lazy as _

from cities.enums import Country
from cities.models import City
from themes.models import Theme


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
