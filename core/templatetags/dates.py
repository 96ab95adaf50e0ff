"""``|local_date`` and ``|local_time``: Django's ``|date`` and ``|time`` for moments people typed.

Django's filters move a moment to the current time zone first and fail (a 500) on one that
time zone cannot reach, the last hour of year 9999; these show such a moment in UTC instead.
Use them for moments typed into forms (an event's times); the portal's own timestamps need not.
"""

import datetime

from django import template
from django.template import defaultfilters
from django.utils import timezone

from core.dates import localtime

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return localtime(value)
    return value


# Not expects_localtime: the filters convert themselves, in a way that cannot fail.
@register.filter
def local_date(value, arg=None):
    return defaultfilters.date(_local(value), arg)


@register.filter
def local_time(value, arg=None):
    return defaultfilters.time(_local(value), arg)
