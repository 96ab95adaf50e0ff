"""Fixtures shared by the whole suite: one user per role, logged-in clients, isolated media."""

import pytest
from celery.signals import task_failure
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from cities.enums import MembershipRole
from cities.rules import COORDINATORS_GROUP
from tests.factories import make_membership, make_user
from tests.queue import queued_tasks


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads land in a throw-away folder, never in the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    """Members-only documents too, never in the project's private-media/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's rate limits count in the cache: one test's sign-ups must not throttle the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english():
    """Each test starts in English: a request to /fr/ or /sv/ leaves its language active in the
    thread, and the next test's reverse() and messages would follow it."""
    with translation.override("en"):
        yield


@pytest.fixture
def anonymous(db):
    """No user: the role a visitor who is not signed in plays."""
    return None


@pytest.fixture
def member(db):
    """An approved urban planner of Saint-Brieuc, listed in the member directory."""
    user = make_user(
        email="yann.member@example.org",
        full_name="Yann Member",
        job_title="Urban planner",
        in_directory=True,
    )
    make_membership(user=user, city="saint-brieuc", role=MembershipRole.PLANNER)
    return user


@pytest.fixture
def other_city_member(db):
    """An approved planner of Gothenburg: a member of the network, not of Saint-Brieuc."""
    user = make_user(email="sofia.gothenburg@example.org", full_name="Sofia Gothenburg")
    make_membership(user=user, city="gothenburg", role=MembershipRole.PLANNER)
    return user


@pytest.fixture
def other_city_coordinator(db):
    """Umeå's approved city coordinator."""
    user = make_user(email="elin.umea@example.org", full_name="Elin Umea")
    make_membership(user=user, city="umea", role=MembershipRole.COORDINATOR)
    return user


@pytest.fixture
def city_coordinator(db):
    """Saint-Brieuc's approved city coordinator."""
    user = make_user(email="anne.coordinator@example.org", full_name="Anne Coordinator")
    make_membership(user=user, city="saint-brieuc", role=MembershipRole.COORDINATOR)
    return user


@pytest.fixture
def network_coordinator(db):
    """In the Coordinators group, with no city of their own."""
    return make_user(
        email="claire.network@example.org",
        full_name="Claire Network",
        groups=(COORDINATORS_GROUP,),
    )


@pytest.fixture
def staff(db):
    return make_user(email="admin@example.org", full_name="Portal Admin", is_staff=True)


@pytest.fixture
def superuser(db):
    """Staff and superuser, with no city: passes the coordinators' rules, no more."""
    return make_user(
        email="root@example.org", full_name="Portal Superuser", is_staff=True, is_superuser=True
    )


@pytest.fixture
def login():
    """``login(user)`` returns a client signed in as ``user`` (anonymous for ``None``)."""

    def _login(user) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return _login


@pytest.fixture
def anonymous_client(db) -> Client:
    return Client()


@pytest.fixture
def member_client(member, login) -> Client:
    return login(member)


@pytest.fixture
def coordinator_client(city_coordinator, login) -> Client:
    return login(city_coordinator)


@pytest.fixture
def user_for_role(request):
    """``user_for_role("staff")``: the user of a role fixture, for parametrised role matrices."""

    def _user(role: str):
        return request.getfixturevalue(role)

    return _user


@pytest.fixture
def admin_client(superuser, login) -> Client:
    return login(superuser)


@pytest.fixture
def task_queue():
    """Tasks wait in a queue (Celery's in-memory broker) instead of running after the commit:
    ``task_queue.names()`` tells what a request queued, ``task_queue.run_all()`` plays the
    worker."""
    with queued_tasks() as queue:
        yield queue


@pytest.fixture(autouse=True)
def task_failures():
    """Tasks run eagerly log their errors instead of raising them (as under `make run`, so that
    a retry can run): a task that fails still fails its test, unless the test empties this
    list of (task name, exception) after checking it."""
    failures = []

    def record(sender=None, exception=None, **kwargs):
        failures.append((sender.name, exception))

    task_failure.connect(record, weak=False)
    yield failures
    task_failure.disconnect(record)
    assert failures == [], f"a task failed: {failures}"
