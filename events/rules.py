"""Who may do what with events (docs/architecture.md: coordinators publish; members register)."""

import rules

from cities.rules import is_approved_member, is_moderator, reads_members_content
from core.enums import Visibility

from .enums import EventKind, EventState


@rules.predicate
def is_event_organiser(user, event) -> bool:
    if event is None or not user.is_authenticated:
        return False
    cached = getattr(event, "_organiser_ids", None)
    if cached is None:
        prefetched = getattr(event, "_prefetched_objects_cache", {}).get("organisers")
        if prefetched is not None:
            cached = {person.pk for person in prefetched}
        else:
            cached = set(event.organisers.values_list("pk", flat=True))
        event._organiser_ids = cached
    return user.pk in cached


@rules.predicate
def is_published_event(user, event) -> bool:
    return event is not None and event.state != EventState.DRAFT


@rules.predicate
def is_public_event(user, event) -> bool:
    return event is not None and event.visibility == Visibility.PUBLIC


@rules.predicate
def is_members_bilateral(user, event) -> bool:
    return (
        event is not None
        and event.kind == EventKind.BILATERAL
        and event.visibility == Visibility.MEMBERS
    )


can_edit_event = is_moderator | is_event_organiser

rules.add_perm(
    "events.view_event",
    # Published and readable first: most readers then cost no query for the organisers.
    (is_published_event & (is_public_event | reads_members_content)) | can_edit_event,
)
rules.add_perm("events.add_event", is_moderator)
rules.add_perm("events.change_event", can_edit_event)
# The kind and the visibility decide who hears of an event and who may read it: coordinators
# choose them. An organiser who is not one (a member who proposed a bilateral meeting from the
# suggestions) edits the rest, and publishes the meeting only as a members-only bilateral one.
rules.add_perm("events.change_event_kind_and_visibility", is_moderator)
rules.add_perm("events.publish_event", is_moderator | (is_event_organiser & is_members_bilateral))
rules.add_perm("events.view_registrations", can_edit_event)
rules.add_perm("events.register", is_approved_member)
