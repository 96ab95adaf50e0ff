"""Writes for funding calls: save a call with its deadlines, delete it.

Deadlines are instants. People enter and read them in Brussels time (the programmes publish
them so), and every check that speaks of a day (no deadline before the opening date) reads the
day in Brussels.
"""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import slugs as core_slugs
from core.dates import date_format, localtime

from .models import CallDeadline, FundingCall

BRUSSELS = ZoneInfo("Europe/Brussels")
RESERVED_SLUGS = frozenset({"new"})  # /calls/new/ is the form
# What ``call_save`` takes in ``data``: the call's own fields, as the form cleans them.
CALL_FIELDS = (
    "programme",
    "identifier",
    "title",
    "summary",
    "opens_on",
    "budget",
    "cofunding_rate",
    "eligibility",
    "open_to_france",
    "open_to_sweden",
    "official_url",
    "content_language",
    "is_example",
)


def in_brussels(value: datetime.datetime) -> datetime.datetime:
    return localtime(value, BRUSSELS)


def _shown(value: datetime.datetime) -> str:
    return date_format(in_brussels(value), "DATETIME_FORMAT")


def deadline_errors(
    opens_on: datetime.date | None, deadlines: Iterable[tuple[datetime.datetime, str]]
) -> list[ValidationError]:
    """What is wrong with these deadlines of a call opening on ``opens_on``: none given, one
    before the opening day (the day read in Brussels), two at the same instant."""
    deadlines = list(deadlines)
    if not deadlines:
        return [ValidationError(_("Give at least one deadline."), code="no_deadline")]
    errors, seen = [], set()
    for at, _label in deadlines:
        if timezone.is_naive(at):
            errors.append(ValidationError(_("Give each deadline a date and a time."), "naive"))
            continue
        if opens_on is not None and in_brussels(at).date() < opens_on:
            errors.append(
                ValidationError(
                    _("The deadline of %(deadline)s (Brussels time) is before the opening date."),
                    code="before_opening",
                    params={"deadline": _shown(at)},
                )
            )
        if at in seen:
            errors.append(
                ValidationError(
                    _("Two deadlines are at the same time: %(deadline)s (Brussels time)."),
                    code="duplicate_deadline",
                    params={"deadline": _shown(at)},
                )
            )
        seen.add(at)
    return errors


def unique_slug(title: str) -> str:
    return core_slugs.unique_slug(FundingCall, title, fallback="call", reserved=RESERVED_SLUGS)


def call_save(
    *,
    call: FundingCall | None = None,
    data: dict,
    deadlines: Iterable[tuple[datetime.datetime, str]],
    themes: Iterable = (),
    sdgs: Iterable = (),
    user: User | None,
) -> FundingCall:
    """Create a call (``call`` None) or change ``call``: its fields from ``data`` (names of
    ``CALL_FIELDS``), its themes and goals, and its deadlines ((instant, what is due) pairs),
    which replace the ones it had; ``closes_at`` becomes the last of them. All or nothing:
    ``ValidationError`` (by field, ``deadlines`` for the deadlines) and nothing written when
    something is wrong."""
    unknown = set(data) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"call_save() got unknown fields: {sorted(unknown)}")
    deadlines = sorted(((at, (label or "").strip()) for at, label in deadlines), key=_instant)
    with transaction.atomic():
        creating = call is None or call.pk is None
        call = call if call is not None else FundingCall()
        for name, value in data.items():
            setattr(call, name, value)
        errors: dict = {}
        problems = deadline_errors(call.opens_on, deadlines)
        if problems:
            errors["deadlines"] = problems
        rate = call.cofunding_rate
        if rate is not None and not 0 <= rate <= 100:
            errors["cofunding_rate"] = [
                ValidationError(_("A co-funding rate is between 0 and 100 %."), "rate")
            ]
        if creating:
            call.created_by = user if user is not None and user.is_authenticated else None
            call.slug = unique_slug(call.title)
        call.closes_at = deadlines[-1][0] if deadlines and not problems else None
        try:
            # Who recorded it is the service's to set (nobody for a command or the demo).
            call.full_clean(exclude=[*errors, "created_by"])
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
        call.save()
        call.themes.set(themes)
        call.sdgs.set(sdgs)
        _replace_deadlines(call, deadlines, creating=creating)
    return call


def _instant(deadline: tuple[datetime.datetime, str]):
    at = deadline[0]
    # Naive values sort too, so that deadline_errors can name them rather than a TypeError.
    return at.timestamp() if timezone.is_aware(at) else at.replace(tzinfo=datetime.UTC).timestamp()


def _replace_deadlines(call: FundingCall, deadlines: list, *, creating: bool) -> None:
    """The call's deadlines become ``deadlines``. A row is kept for a deadline at the same
    instant, and a row no longer wanted is moved to a new instant with the same label ("Full
    proposal" put off) rather than deleted and made again: a deadline that was put off keeps
    its id, and so its iCalendar UID. The other rows go, and new ones are made."""
    existing = [] if creating else list(call.deadlines.order_by("at"))
    by_instant = {row.at: row for row in existing}
    wanted = {at for at, _label in deadlines}
    spare = [row for row in existing if row.at not in wanted]
    moving = [(at, label) for at, label in deadlines if at not in by_instant]
    rows = {}
    for at, label in moving:
        row = next((row for row in spare if row.label == label), None)
        if row is not None:
            spare.remove(row)
            rows[at] = row
    changed, new_rows = [], []
    for at, label in deadlines:
        row = by_instant.get(at) or rows.get(at)
        if row is None:
            new_rows.append(CallDeadline(call=call, at=at, label=label))
        elif (row.at, row.label) != (at, label):
            # No other row is at ``at``: the move breaks no constraint.
            row.at, row.label = at, label
            changed.append(row)
    if spare:
        CallDeadline.objects.filter(pk__in=[row.pk for row in spare]).delete()
    for row in [*changed, *new_rows]:
        row.full_clean(exclude=["call"], validate_unique=False, validate_constraints=False)
    for row in changed:
        row.save(update_fields=["at", "label"])
    if new_rows:
        CallDeadline.objects.bulk_create(new_rows)


def call_deadlines_changed(*, call: FundingCall) -> FundingCall:
    """After the deadlines were changed elsewhere (the admin's inline): ``closes_at`` is the
    last of them again."""
    call.closes_at = call.deadlines.aggregate(last=Max("at"))["last"]
    call.save(update_fields=["closes_at", "updated_at"])
    return call


def call_delete(*, call: FundingCall, user: User) -> None:
    """Delete the call, its deadlines and what the network attached to it (interest, partner
    searches, sheets: the foreign keys cascade)."""
    with transaction.atomic():
        call.delete()
