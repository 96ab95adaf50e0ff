"""`manage.py load_demo`: demo people for `make run`, never by accident in production."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User
from alliance_portal.management.commands.load_demo import ADMIN, DEMO_PASSWORD, PENDING
from cities.enums import MembershipRole, MembershipStatus
from cities.models import Membership
from cities.rules import COORDINATORS_GROUP
from events.enums import EventKind
from events.models import Event
from projects.models import CityMatch, Project, ProjectMatch

pytestmark = pytest.mark.django_db


def load_demo(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        load_demo()

    assert User.objects.count() == 0
    assert Membership.objects.count() == 0


def test_load_demo_runs_with_debug_on(settings):
    settings.DEBUG = True

    load_demo()

    assert User.objects.filter(email=ADMIN[0]).exists()


def test_load_demo_with_force_creates_the_demo_people(settings):
    settings.DEBUG = False

    output = load_demo("--force")

    admin = User.objects.get(email=ADMIN[0])
    assert admin.is_staff
    assert admin.is_superuser
    assert admin.check_password(DEMO_PASSWORD)
    network = User.objects.filter(groups__name=COORDINATORS_GROUP)
    assert network.count() == 1
    assert not network.get().memberships.exists()
    approved = Membership.objects.filter(status=MembershipStatus.APPROVED)
    assert approved.values("city").distinct().count() >= 5
    assert approved.filter(city__slug="saint-brieuc", role=MembershipRole.COORDINATOR).exists()
    pending = Membership.objects.get(status=MembershipStatus.PENDING)
    assert pending.user.email == PENDING[0]
    assert pending.city.slug == "saint-brieuc"
    assert "Demo content loaded." in output
    assert DEMO_PASSWORD in output


def test_load_demo_people_can_sign_in(settings):
    settings.DEBUG = False
    load_demo("--force")

    unverified = EmailAddress.objects.filter(verified=False)

    assert not unverified.exists()
    assert EmailAddress.objects.count() == User.objects.count()
    assert all(user.check_password(DEMO_PASSWORD) for user in User.objects.all())


def test_load_demo_twice_creates_no_duplicates(settings):
    settings.DEBUG = False
    load_demo("--force")
    counts = (
        User.objects.count(),
        Membership.objects.count(),
        EmailAddress.objects.count(),
        Group.objects.get(name=COORDINATORS_GROUP).user_set.count(),
    )

    load_demo("--force")

    assert counts[0] >= 10
    assert (
        User.objects.count(),
        Membership.objects.count(),
        EmailAddress.objects.count(),
        Group.objects.get(name=COORDINATORS_GROUP).user_set.count(),
    ) == counts


def test_load_demo_keeps_a_changed_password(settings):
    settings.DEBUG = False
    load_demo("--force")
    admin = User.objects.get(email=ADMIN[0])
    admin.set_password("my-own-secret-now")
    admin.save()

    load_demo("--force")

    admin.refresh_from_db()
    assert admin.check_password("my-own-secret-now")


def test_load_demo_computes_the_peer_matches(settings):
    settings.DEBUG = True

    output = load_demo()

    assert ProjectMatch.objects.exists()
    assert CityMatch.objects.exists()
    assert "Peer matches of" in output


def test_load_demo_gives_the_cards_their_pictures(settings, client):
    """``make run`` shows pictures: every demo project and the annual seminar have a cover and
    its thumbnail, which the lists show."""
    settings.DEBUG = True
    load_demo()

    assert not Project.objects.filter(cover_thumbnail="").exists()
    seminar = Event.objects.filter(kind=EventKind.SEMINAR).upcoming().first()
    assert seminar.cover_thumbnail.name and seminar.cover_alt
    html = client.get("/en/events/").content.decode()
    assert f'<img src="{seminar.cover_thumbnail.url}"' in html
