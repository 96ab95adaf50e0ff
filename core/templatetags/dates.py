"""``|date`` with the French « 1er », and ``|local_date`` and ``|local_time``: Django's ``|date``
and ``|time`` for moments people typed.

``|date`` replaces Django's own in every template (a builtin library, settings ``TEMPLATES``):
it prints the first of the month as « 1er » in French (``core.dates.day_format``).

Django's filters move a moment to the current time zone first and fail (a 500) on one that
time zone cannot reach, the last hour of year 9999; these show such a moment in UTC instead.
Use them for moments typed into forms (an event's times); the portal's own timestamps need not.
"""

import datetime

from django import template
from django.template import defaultfilters
from django.utils import timezone

from core.dates import day_format, localtime

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return localtime(value)
    return value


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    if value in (None, ""):
        return ""
    return defaultfilters.date(value, day_format(value, arg))


# Not expects_localtime: the filters convert themselves, in a way that cannot fail.
@register.filter
def local_date(value, arg=None):
    return date(_local(value), arg)


@register.filter
def local_time(value, arg=None):
    return defaultfilters.time(_local(value), arg)
