"""E-mails about events, sent off the request, each with the event's .ics."""

from celery import shared_task
from django.utils import translation

from accounts.models import User
from core import mail

from .calendar import event_calendar
from .enums import LIVE_REGISTRATION_STATES, RegistrationState
from .models import Event, Registration


def _calendar(event: Event, language: str, *, with_link: bool) -> mail.Attachment:
    # The .ics speaks the reader's language too: its link and its category.
    with translation.override(language):
        content = event_calendar([event], with_links=with_link)
    return mail.Attachment(f"{event.slug}.ics", content, "text/calendar")


@shared_task
def mail_event_cancelled(event_id: int) -> None:
    """Tell everyone with a seat or on the waiting list; their .ics now says CANCELLED."""
    event = Event.objects.select_related("host_city").prefetch_related("agenda").get(pk=event_id)
    people = User.objects.filter(
        registrations__event=event, registrations__state__in=LIVE_REGISTRATION_STATES
    ).distinct()
    calendars = {}  # one .ics per language, however many people read it
    for person in people:
        language = person.preferred_language
        if language not in calendars:
            calendars[language] = _calendar(event, language, with_link=False)
        mail.send(
            to=person,
            template="email/event_cancelled",
            context={"event": event},
            attachments=[calendars[language]],
        )


@shared_task
def mail_seats(registration_ids: list[int], *, promoted: bool) -> None:
    """Confirm seats, just taken or (``promoted``) freed up for people who were waiting; the
    .ics carries the online link, for people with a seat only."""
    registrations = (
        Registration.objects.filter(pk__in=registration_ids, state=RegistrationState.CONFIRMED)
        .select_related("user", "event__host_city")
        .prefetch_related("event__agenda")
        .order_by("created_at", "pk")
    )
    template = "email/registration_promoted" if promoted else "email/registration_confirmed"
    for registration in registrations:
        person, event = registration.user, registration.event
        mail.send(
            to=person,
            template=template,
            context={"event": event, "registration": registration},
            attachments=[_calendar(event, person.preferred_language, with_link=True)],
        )
