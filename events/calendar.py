"""iCalendar (RFC 5545) files for one event, the public feed and personal feeds (icalendar)."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import get_language
from icalendar import Calendar
from icalendar import Event as VEvent

from core.dates import localtime
from core.links import absolute_url
from languages.selectors import attach_translations

from .enums import EventState

PARIS = ZoneInfo("Europe/Paris")


def _description(event, agenda: list, with_link: bool) -> str:
    description = event.shown.description.strip()
    lines = [description] if description else []
    if agenda:
        lines.append("")
        day = None
        for item in agenda:
            start = localtime(item.starts_at, PARIS)
            if start.date() != day:
                day = start.date()
                lines.append(start.strftime("%Y-%m-%d"))
            end = localtime(item.ends_at, PARIS)
            place = f" ({item.place})" if item.place else ""
            lines.append(
                f"{time_format(start, 'H:i')}–{time_format(end, 'H:i')} {item.shown.title}{place}"
            )
    if with_link and event.online_url:
        lines += ["", event.online_url]
    return "\n".join(lines)


def event_calendar(events, *, name: str = "", with_links: bool = False) -> bytes:
    """A VCALENDAR with one VEVENT per event (agenda prefetched by the caller for many events).

    ``with_links`` adds the online meeting link: only for people with a confirmed seat.
    Written for a reader of the active language: the address of each event in it, and the
    titles and descriptions translated into it where a translation exists (one query).
    """
    events = list(events)
    agendas = {event.pk: list(event.agenda.all()) for event in events}
    attach_translations(
        [*events, *(item for items in agendas.values() for item in items)], get_language()
    )
    calendar = Calendar()
    calendar.add("prodid", "-//Alliance Portal//alliance-portal//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        entry = VEvent()
        entry.add("uid", event.uid)
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", localtime(event.starts_at, PARIS))
        entry.add("dtend", localtime(event.ends_at, PARIS))
        entry.add("summary", event.shown.title, parameters={"language": event.shown.title.lang})
        entry.add("description", _description(event, agendas[event.pk], with_links))
        location = event.venue or (event.host_city.display_name if event.host_city else "")
        if location:
            entry.add("location", location)
        entry.add("url", absolute_url(event.get_absolute_url()))
        entry.add("status", "CANCELLED" if event.state == EventState.CANCELLED else "CONFIRMED")
        entry.add("sequence", event.sequence)
        entry.add("last-modified", event.updated_at)
        entry.add("categories", [event.get_kind_display()])
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
