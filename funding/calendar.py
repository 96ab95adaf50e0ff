"""iCalendar (RFC 5545) files of funding call deadlines: one VEVENT per deadline (icalendar).

A deadline is an instant: DTSTART is written in UTC and the event has no length. Its UID is the
deadline's id, which a put-off deadline keeps (``services._replace_deadlines``), so that a
subscribed calendar moves the event instead of showing two.
"""

import datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from core.links import absolute_url
from languages.selectors import attach_translations

from .models import CallDeadline, FundingCall


def deadline_uid(deadline: CallDeadline) -> str:
    return f"call-deadline-{deadline.pk}@alliance-portal"


def deadline_summary(call: FundingCall, deadline: CallDeadline) -> str:
    """ "Deadline: URBACT – Title (Stage 1)" in the active language, the title translated
    where a translation exists."""
    values = {"programme": call.get_programme_display(), "title": call.shown.title}
    if deadline.label:
        return _("Deadline: %(programme)s – %(title)s (%(label)s)") % {
            **values,
            "label": deadline.label,
        }
    return _("Deadline: %(programme)s – %(title)s") % values


def _description(call: FundingCall) -> str:
    return "\n".join(
        [
            _("Call identifier: %(identifier)s") % {"identifier": call.identifier},
            _("Official page: %(url)s") % {"url": call.official_url},
        ]
    )


def deadline_calendar(calls, *, name: str = "") -> bytes:
    """A VCALENDAR with every deadline of ``calls`` (deadlines prefetched by the caller),
    written for a reader of the active language: the calls' addresses in it, and their titles
    translated into it where a translation exists (one query)."""
    calls = attach_translations(calls, get_language())
    calendar = Calendar()
    calendar.add("prodid", "-//Alliance Portal//alliance-portal//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for call in calls:
        url = absolute_url(call.get_absolute_url())
        description = _description(call)
        for deadline in call.deadlines.all():
            entry = VEvent()
            entry.add("uid", deadline_uid(deadline))
            entry.add("dtstamp", stamp)
            entry.add("dtstart", deadline.at.astimezone(datetime.UTC))
            entry.add("summary", deadline_summary(call, deadline))
            entry.add("description", description)
            entry.add("url", url)
            entry.add("last-modified", call.updated_at)
            entry.add("transp", "TRANSPARENT")  # a deadline takes no time in the diary
            entry.add("categories", [call.get_programme_display()])
            calendar.add_component(entry)
    return calendar.to_ical()
