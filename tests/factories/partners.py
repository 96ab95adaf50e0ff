"""Funding calls, interest, partner searches and their answers for the partner tests, written
straight to the database (no notification, no permission check)."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from cities.enums import Country, MembershipStatus
from cities.models import City
from funding.enums import InterestLevel, Programme
from funding.models import CallDeadline, CallInterest, FundingCall, PartnerReply, PartnerSearch
from projects.models import Project
from themes.models import Theme

from .accounts import make_user
from .cities import get_city, make_membership
from .projects import make_project

_sequence = itertools.count(1)


def _city(city: City | str) -> City:
    return get_city(city) if isinstance(city, str) else city


def make_funding_call(
    *,
    days_left: int | None = 60,
    themes: tuple[str, ...] = ("public-spaces",),
    **fields,
) -> FundingCall:
    """A call whose last deadline is ``days_left`` days away (negative: closed; None: no
    deadline), its ``closes_at`` set as funding.services keeps it."""
    number = next(_sequence)
    values = {
        "programme": Programme.URBACT,
        "identifier": f"TEST-{number}",
        "title": f"Test call {number}",
        "slug": f"test-call-{number}",
        "summary": "A call for the tests.",
        "opens_on": timezone.localdate() - datetime.timedelta(days=30),
        "official_url": "https://example.org/call",
        "content_language": "en",
    }
    values.update(fields)
    call = FundingCall.objects.create(**values)
    call.themes.set(Theme.objects.filter(slug__in=themes))
    if days_left is not None:
        at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_left)
        CallDeadline.objects.create(call=call, at=at, label="Full proposal")
        call.closes_at = at
        call.save(update_fields=["closes_at"])
    return call


def make_interest(
    *,
    call: FundingCall,
    city: City | str = "saint-brieuc",
    level: str = InterestLevel.PARTNER,
    projects: tuple[Project, ...] = (),
    note: str = "",
    user: User | None = None,
) -> CallInterest:
    interest = CallInterest.objects.create(
        call=call, city=_city(city), level=level, note=note, updated_by=user
    )
    interest.projects.set(projects)
    return interest


def make_search(
    *,
    city: City | str = "saint-brieuc",
    author: User | None = None,
    call: FundingCall | None = None,
    project: Project | None = None,
    closes_in: int = 14,
    **fields,
) -> PartnerSearch:
    number = next(_sequence)
    values = {
        "title": f"Partners wanted {number}",
        "roles_sought": "A Swedish city to test with us.",
        "content_language": "en",
        "closes_on": timezone.localdate() + datetime.timedelta(days=closes_in),
    }
    values.update(fields)
    return PartnerSearch.objects.create(
        city=_city(city), author=author, call=call, project=project, **values
    )


def make_reply(
    *,
    search: PartnerSearch,
    city: City | str = "gothenburg",
    author: User | None = None,
    role: str = "A partner city",
    message: str = "",
) -> PartnerReply:
    return PartnerReply.objects.create(
        search=search, city=_city(city), author=author, role=role, message=message
    )


def bulk_cities(count: int, *, country: str = Country.SWEDEN, word: str = "bulk") -> list[City]:
    start = next(_sequence)
    return City.objects.bulk_create(
        City(
            slug=f"{word}-city-{start}-{index}",
            name=f"{word.capitalize()} city {start}-{index}",
            local_name=f"{word.capitalize()} city {start}-{index}",
            country=country,
            member_body="Council",
            latitude=Decimal("59.00000"),
            longitude=Decimal("15.00000"),
        )
        for index in range(count)
    )


def bulk_searches(
    count: int,
    *,
    city: City | str = "saint-brieuc",
    author: User | None = None,
    call: FundingCall | None = None,
    project: Project | None = None,
) -> list[PartnerSearch]:
    city = _city(city)
    closes_on = timezone.localdate() + datetime.timedelta(days=10)
    start = next(_sequence)
    return PartnerSearch.objects.bulk_create(
        PartnerSearch(
            city=city,
            author=author,
            call=call,
            project=project,
            title=f"Bulk search {start}-{index}",
            roles_sought="Partners.",
            content_language="en",
            closes_on=closes_on,
        )
        for index in range(count)
    )


def bulk_replies(search: PartnerSearch, cities: list[City], author: User | None = None):
    return PartnerReply.objects.bulk_create(
        PartnerReply(search=search, city=city, author=author, role=f"Partner {index}")
        for index, city in enumerate(cities)
    )


def bulk_interests(
    call: FundingCall, cities: list[City], *, level: str = InterestLevel.WATCHING
) -> list[CallInterest]:
    return CallInterest.objects.bulk_create(
        CallInterest(call=call, city=city, level=level) for city in cities
    )


def make_outsider() -> User:
    """Signed in, but their request to join Saint-Brieuc is still pending: not a member."""
    user = make_user(email="pat.pending@example.org", full_name="Pat Pending")
    make_membership(user=user, city="saint-brieuc", status=MembershipStatus.PENDING)
    return user


def make_open_call() -> FundingCall:
    """An open URBACT call on public spaces, its last deadline 60 days away."""
    return make_funding_call(title="Public spaces network", slug="public-spaces-network")


def make_grille(author: User | None = None) -> Project:
    """Saint-Brieuc's project place de la Grille, on public spaces."""
    return make_project(
        author=author,
        title="Place de la Grille",
        slug="place-de-la-grille",
        themes=("public-spaces", "citizen-participation"),
    )
