"""Funding calls and their deadlines for the tests, saved through ``funding.services`` so that
``closes_at`` (the last deadline) is what the portal keeps."""

import datetime
import itertools
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django import template
from django.template import engines
from django.utils import timezone

from accounts.models import User
from funding.enums import Programme
from funding.models import CallDeadline, FundingCall
from funding.services import call_save
from themes.models import SustainableDevelopmentGoal, Theme

BRUSSELS = ZoneInfo("Europe/Brussels")
_sequence = itertools.count(1)


def brussels_time(day: datetime.date, hour: int = 17, minute: int = 0) -> datetime.datetime:
    """The instant of ``day`` at ``hour``:``minute`` in Brussels."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BRUSSELS)


def in_days(days: int, hour: int = 17, minute: int = 0) -> datetime.datetime:
    """``days`` from today (Brussels), at ``hour``:``minute`` Brussels time."""
    today = timezone.localtime(timezone.now(), BRUSSELS).date()
    return brussels_time(today + datetime.timedelta(days=days), hour, minute)


def make_call(
    *,
    title: str = "",
    programme: str = Programme.URBACT,
    opens_on: datetime.date | None = None,
    deadlines: tuple = (),
    themes: tuple[str, ...] = (),
    sdgs: tuple[int, ...] = (),
    open_to_france: bool = True,
    open_to_sweden: bool = True,
    created_by: User | None = None,
    **fields,
) -> FundingCall:
    """A call saved as the form saves it. ``deadlines`` are aware datetimes, or (datetime,
    label) pairs; by default one, 60 days ahead at 17:00 Brussels time. ``opens_on`` is by
    default 30 days before the first deadline, or today if that is earlier; ``themes`` are
    slugs, ``sdgs`` numbers. Other ``fields`` (identifier, summary, budget, cofunding_rate,
    eligibility, official_url, content_language, is_example, slug) as the model has them."""
    number = next(_sequence)
    pairs = [
        (deadline, "") if isinstance(deadline, datetime.datetime) else tuple(deadline)
        for deadline in (deadlines or (in_days(60),))
    ]
    if opens_on is None:
        first = min(timezone.localtime(at, BRUSSELS).date() for at, _label in pairs)
        today = timezone.localtime(timezone.now(), BRUSSELS).date()
        opens_on = min(first - datetime.timedelta(days=30), today)
    slug = fields.pop("slug", None)
    data = {
        "programme": programme,
        "identifier": f"TEST-CALL-{number:04d}",
        "title": title or f"Test call {number}",
        "summary": f"What test call {number} funds.",
        "opens_on": opens_on,
        "budget": None,
        "cofunding_rate": None,
        "eligibility": "",
        "open_to_france": open_to_france,
        "open_to_sweden": open_to_sweden,
        "official_url": f"https://programme.example.eu/calls/{number}",
        "content_language": "en",
        "is_example": False,
    }
    data.update(fields)
    call = call_save(
        data=data,
        deadlines=pairs,
        themes=Theme.objects.filter(slug__in=themes),
        sdgs=SustainableDevelopmentGoal.objects.filter(number__in=sdgs),
        user=created_by,
    )
    if slug is not None and slug != call.slug:
        FundingCall.objects.filter(pk=call.pk).update(slug=slug)
        call.slug = slug
    return call


def make_deadline(*, call: FundingCall, at: datetime.datetime, label: str = "") -> CallDeadline:
    """One more deadline for ``call``, its ``closes_at`` kept right."""
    deadline = CallDeadline.objects.create(call=call, at=at, label=label)
    if call.closes_at is None or at > call.closes_at:
        call.closes_at = at
        call.save(update_fields=["closes_at"])
    return deadline


def bulk_calls(count: int, *, deadlines_each: int = 1, themes=("public-spaces",), **fields):
    """``count`` calls in a handful of queries: open ones, their deadlines weekly from 10 days
    ahead, every third one upcoming, every fifth closed."""
    start = next(_sequence)
    today = timezone.localtime(timezone.now(), BRUSSELS).date()
    calls, rows = [], []
    for index in range(count):
        number = start * 10_000 + index
        if index % 5 == 4:  # closed
            opens_on, first = today - datetime.timedelta(days=400), in_days(-10 - index)
        elif index % 3 == 2:  # upcoming
            opens_on, first = today + datetime.timedelta(days=5 + index), in_days(40 + index)
        else:
            opens_on, first = today - datetime.timedelta(days=5), in_days(10 + index)
        ats = [first + datetime.timedelta(days=7 * step) for step in range(deadlines_each)]
        calls.append(
            FundingCall(
                programme=Programme.values[index % len(Programme.values)],
                identifier=f"BULK-{number}",
                title=f"Bulk call {number}",
                slug=f"bulk-call-{number}",
                summary=f"A bulk call number {number}.",
                opens_on=opens_on,
                closes_at=ats[-1],
                official_url=f"https://programme.example.eu/bulk/{number}",
                content_language="en",
                **fields,
            )
        )
        rows.append(ats)
    calls = FundingCall.objects.bulk_create(calls)
    CallDeadline.objects.bulk_create(
        CallDeadline(call=call, at=at, label=f"Stage {step + 1}")
        for call, ats in zip(calls, rows, strict=True)
        for step, at in enumerate(ats)
    )
    theme_objects = list(Theme.objects.filter(slug__in=themes))
    FundingCall.themes.through.objects.bulk_create(
        FundingCall.themes.through(fundingcall_id=call.pk, theme_id=theme.pk)
        for call in calls
        for theme in theme_objects
    )
    return calls


NETWORK_TAG_LIBRARIES = ("partner_tags", "sheet_tags")


@contextmanager
def network_part_stubbed():
    """The call page without its network part: ``{% call_partners %}`` and ``{% sheet_links %}``
    (written and counted by their own tests) render nothing, so that a budget counts the call
    page itself."""
    engine = engines["django"].engine
    stub = template.Library()
    stub.simple_tag(lambda call: "", name="call_partners")
    stub.simple_tag(lambda call: "", name="sheet_links")
    saved = {name: engine.template_libraries.get(name) for name in NETWORK_TAG_LIBRARIES}

    def reset():
        for loader in engine.template_loaders:
            if hasattr(loader, "reset"):
                loader.reset()

    engine.template_libraries.update(dict.fromkeys(NETWORK_TAG_LIBRARIES, stub))
    reset()
    try:
        yield
    finally:
        for name, library in saved.items():
            if library is None:
                engine.template_libraries.pop(name, None)
            else:
                engine.template_libraries[name] = library
        reset()
