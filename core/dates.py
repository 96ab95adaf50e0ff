"""The years a date typed into the portal may fall in, and conversions that never fail.

Python's dates end at 9999-12-31 and begin at year 1, and the last hour of year 9999 (UTC) has
no Paris time: ``timezone.localtime`` raises OverflowError on it. Forms and ``full_clean()``
refuse dates outside sane years, so nobody types those; a value stored another way (an old row,
a script, the shell) is still shown, in UTC if it cannot be shown in Paris time, never a 500.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Format characters that print a month's name: with one of them, "j" is a day of that month.
MONTH_NAMES = set("FMNEb")


@dataclass(frozen=True)
class Years:
    """A validator: the date (or moment) must fall within the years ``first`` to ``last``,
    a moment's year read in the current time zone (Paris), as people typed it."""

    first: int
    last: int

    def __contains__(self, value: datetime.date | None) -> bool:
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = localtime(value)
        return value is not None and self.first <= value.year <= self.last

    def __call__(self, value: datetime.date | None) -> None:
        if value is not None and value not in self:
            raise ValidationError(
                _("Enter a date between the years %(first)d and %(last)d."),
                code="year_out_of_range",
                params={"first": self.first, "last": self.last},
            )

    def date_input_bounds(self) -> dict[str, str]:
        """``min`` and ``max`` for an ``<input type="date">``, so browsers say it first."""
        return {"min": f"{self.first:04d}-01-01", "max": f"{self.last:04d}-12-31"}

    def datetime_input_bounds(self) -> dict[str, str]:
        """``min`` and ``max`` for an ``<input type="datetime-local">``."""
        return {"min": f"{self.first:04d}-01-01T00:00", "max": f"{self.last:04d}-12-31T23:59"}


# Plain dates (a project's start and end, a city's joining) may lie some decades back; events
# and their agendas are the network's own, from this century.
DATE_YEARS = Years(1990, 2100)
EVENT_YEARS = Years(2000, 2100)


class DatesInRangeMixin:
    """For a model: ``full_clean()`` refuses a field of ``date_years`` outside its years.

    It works like a validator on the field, reported on that field in every model form (the
    admin's too), but the bounds stay out of the migrations, so that moving them needs none.
    """

    date_years: dict[str, Years] = {}

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, years in self.date_years.items():
            if name in errors or (exclude and name in exclude):
                continue
            try:
                years(getattr(self, name))
            except ValidationError as error:
                errors[name] = error.error_list
        if errors:
            raise ValidationError(errors)


def localtime(value: datetime.datetime, zone: datetime.tzinfo | None = None) -> datetime.datetime:
    """``value`` in ``zone`` (the current time zone by default), or as the database gave it (in
    UTC) when that zone cannot show it."""
    try:
        return timezone.localtime(value, zone)
    except OverflowError:
        return value


def day_format(value, format_string: str | None = None) -> str:
    """``format_string`` (a name such as ``"DATE_FORMAT"`` or a pattern; ``DATE_FORMAT`` by
    default) for ``value``, with the first of the month as « 1er » in French (« 1er décembre
    2026 », not « 1 décembre »): Django's format syntax has no letter for it."""
    pattern = formats.get_format(format_string or "DATE_FORMAT")
    if getattr(value, "day", None) != 1 or not (get_language() or "").startswith("fr"):
        return pattern
    characters, escaped, months = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in MONTH_NAMES:
            months = True
    if not months:
        return pattern
    for char in pattern:
        if escaped:
            escaped = False
            characters.append(char)
        elif char == "\\":
            escaped = True
            characters.append(char)
        elif char == "j":
            characters.append(r"1\e\r")
        else:
            characters.append(char)
    return "".join(characters)


def date_format(value, format_string: str | None = None) -> str:
    """Django's ``date_format`` with the French « 1er » (``day_format``)."""
    return formats.date_format(value, day_format(value, format_string))


class DateTimeField(forms.DateTimeField):
    """A form field that opens on any stored moment: one the current time zone cannot show is
    shown in UTC (the range check then refuses it on saving) instead of failing the page."""

    def prepare_value(self, value):
        try:
            return super().prepare_value(value)
        except OverflowError:
            return timezone.make_naive(value, datetime.UTC)
