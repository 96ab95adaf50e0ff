"""Funding calls, interest, partner searches and partner sheets for the partner sheet tests,
written straight to the database."""

import datetime
import itertools

from django.utils import timezone

from cities.models import City
from funding.enums import InterestLevel, Programme
from funding.models import (
    CallDeadline,
    CallInterest,
    FundingCall,
    PartnerReply,
    PartnerSearch,
    PartnerSheet,
)
from themes.models import Theme

from .cities import get_city

_sequence = itertools.count(1)


def _city(city: City | str) -> City:
    return get_city(city) if isinstance(city, str) else city


def sheet_call(*, themes: tuple[str, ...] = ("public-spaces",), **fields) -> FundingCall:
    """An open URBACT call on public spaces with one deadline 60 days ahead (``closes_at`` set
    to it, as the call services keep it)."""
    number = next(_sequence)
    deadline = timezone.now() + datetime.timedelta(days=60)
    values = {
        "programme": Programme.URBACT,
        "identifier": f"URBACT-IV-APN-{number}",
        "title": f"Action planning networks {number}",
        "slug": f"urbact-call-{number}",
        "summary": "Cities plan **together** how to make their streets work for everyone.",
        "opens_on": timezone.localdate() - datetime.timedelta(days=10),
        "official_url": "https://urbact.eu/calls",
        "content_language": "en",
        "closes_at": deadline,
    }
    values.update(fields)
    call = FundingCall.objects.create(**values)
    CallDeadline.objects.create(call=call, at=call.closes_at, label="Full application")
    call.themes.set(Theme.objects.filter(slug__in=themes))
    return call


def make_interest(
    *, call: FundingCall, city: City | str, level: str = InterestLevel.PARTNER, projects=()
) -> CallInterest:
    interest = CallInterest.objects.create(call=call, city=_city(city), level=level)
    interest.projects.set(projects)
    return interest


def make_partner_search(
    *, call: FundingCall, city: City | str = "saint-brieuc", **fields
) -> PartnerSearch:
    values = {
        "title": "A partner for street experiments",
        "roles_sought": "A city that tested temporary installations.",
        "content_language": "en",
        "closes_on": timezone.localdate() + datetime.timedelta(days=30),
    }
    values.update(fields)
    return PartnerSearch.objects.create(call=call, city=_city(city), **values)


def make_reply(*, search: PartnerSearch, city: City | str = "gothenburg", **fields) -> PartnerReply:
    fields.setdefault("role", "Partner sharing our temporary installations")
    return PartnerReply.objects.create(search=search, city=_city(city), **fields)


def make_sheet(
    *,
    call: FundingCall,
    city: City | str = "saint-brieuc",
    language: str = "en",
    requested_by=None,
    **fields,
) -> PartnerSheet:
    """A sheet row as asked for, not made (``funding.sheets.sheet_make`` makes it)."""
    return PartnerSheet.objects.create(
        call=call, city=_city(city), language=language, requested_by=requested_by, **fields
    )
