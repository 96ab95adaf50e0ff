import itertools
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from cities.enums import Country, MembershipRole, MembershipStatus
from cities.models import City, Membership

from .accounts import make_user

_sequence = itertools.count(1)


def get_city(slug: str) -> City:
    """One of the ten member cities loaded by cities/migrations/0002."""
    return City.objects.get(slug=slug)


def make_city(**fields) -> City:
    number = next(_sequence)
    values = {
        "slug": f"test-city-{number}",
        "name": f"Test city {number}",
        "local_name": f"Test city {number}",
        "country": Country.FRANCE,
        "member_body": f"Test city {number} council",
        "latitude": Decimal("47.00000"),
        "longitude": Decimal("3.00000"),
    }
    values.update(fields)
    return City.objects.create(**values)


def make_membership(
    *,
    user: User | None = None,
    city: City | str = "saint-brieuc",
    role: str = MembershipRole.PLANNER,
    status: str = MembershipStatus.APPROVED,
    decided_by: User | None = None,
    message: str = "",
) -> Membership:
    """A membership written straight to the database (no e-mail, no permission check)."""
    if isinstance(city, str):
        city = get_city(city)
    decided = status != MembershipStatus.PENDING
    return Membership.objects.create(
        user=user or make_user(),
        city=city,
        role=role,
        status=status,
        message=message,
        decided_at=timezone.now() if decided else None,
        decided_by=decided_by if decided else None,
    )
