"""One rule decides who reads members-only content; the predicate, the querysets and the
notification audience all follow it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from cities.enums import MembershipRole, MembershipStatus
from cities.rules import members_content_readers, readable_by, reads_members_content
from cities.selectors import approved_members
from core.enums import Visibility
from projects.models import Project
from questions.models import Question
from tests.factories import make_membership, make_project, make_question, make_user

READERS = {
    "member": True,
    "other_city_member": True,
    "city_coordinator": True,
    "network_coordinator": True,
    "staff": True,
    "superuser": True,
    "outsider": False,
    "rejected": False,
    "nobody": False,
}


@pytest.fixture
def people(db, member, other_city_member, city_coordinator, network_coordinator, staff):
    outsider = make_user(email="pending@example.org")
    make_membership(user=outsider, city="saint-brieuc", status=MembershipStatus.PENDING)
    rejected = make_user(email="rejected@example.org")
    make_membership(user=rejected, city="umea", status=MembershipStatus.REJECTED)
    return {
        "member": member,
        "other_city_member": other_city_member,
        "city_coordinator": city_coordinator,
        "network_coordinator": network_coordinator,
        "staff": staff,
        "superuser": make_user(email="root@example.org", is_superuser=True),
        "outsider": outsider,
        "rejected": rejected,
        "nobody": make_user(email="nobody@example.org"),
    }


def test_predicate_and_audience_agree_for_every_role(people):
    audience = set(members_content_readers(User.objects.all()).values_list("pk", flat=True))
    for role, user in people.items():
        fresh = User.objects.get(pk=user.pk)  # no cached memberships
        assert reads_members_content(fresh) is READERS[role], role
        assert (user.pk in audience) is READERS[role], role


def test_anonymous_reads_no_members_content(db):
    assert reads_members_content(AnonymousUser()) is False


def test_querysets_follow_the_rule(people):
    author = people["member"]
    public = make_project(author=author, title="Open project")
    private = make_project(author=author, title="Closed project", visibility=Visibility.MEMBERS)
    question = make_question(author=author, visibility=Visibility.MEMBERS)
    for role, user in people.items():
        fresh = User.objects.get(pk=user.pk)
        projects = set(Project.objects.visible_to(fresh))
        assert public in projects, role
        assert (private in projects) is READERS[role], role
        assert (question in set(Question.objects.visible_to(fresh))) is READERS[role], role
        readable = readable_by(Project.objects.all(), fresh)
        assert (private in set(readable)) is READERS[role], role


def test_approved_members_lists_each_person_once(people):
    member = people["member"]
    make_membership(user=member, city="umea", role=MembershipRole.PLANNER)
    members = list(approved_members())
    assert members.count(member) == 1
    assert people["outsider"] not in members
    assert people["rejected"] not in members
    assert people["network_coordinator"] not in members  # a role, not a membership


def test_approved_members_by_city_and_role(people):
    coordinators = list(
        approved_members(
            city=people["city_coordinator"].memberships.get().city, role=MembershipRole.COORDINATOR
        )
    )
    assert coordinators == [people["city_coordinator"]]


def test_inactive_people_are_not_approved_members(people):
    member = people["member"]
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert member not in list(approved_members())
