"""E-mails about events, sent off the request, each with the event's .ics."""

from celery import shared_task
from django.utils import translation

from accounts.models import User
from core import mail

from .calendar import event_calendar
from .enums import LIVE_REGISTRATION_STATES, RegistrationState
from .models import Event, Registration


def _calendar(event: Event, language: str, *, with_link: bool) -> mail.Attachment:
    # The .ics speaks the reader's language too: its link, its category, and the event's
    # title, description and agenda where they were translated into it (which the e-mail
    # sent with it shows too: ``event.shown``).
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
    by_language = {}
    for person in people:
        by_language.setdefault(person.preferred_language, []).append(person)
    # One .ics per language, however many people read it; the e-mails of a language are
    # written while the event's texts are in that language (the .ics attached them).
    for language, readers in by_language.items():
        calendar = _calendar(event, language, with_link=False)
        for person in readers:
            mail.send(
                to=person,
                template="email/event_cancelled",
                context={"event": event},
                attachments=[calendar],
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
