"""New projects, questions, answers, comments and events notify who follows what they touch:
never the actor, members-only content only to those who may read it, in a bounded number of
queries however many follow."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from accounts.enums import Frequency
from accounts.models import User
from cities.enums import MembershipStatus
from core.enums import Visibility
from events import services as event_services
from events.enums import EventState
from notifications import services
from notifications.enums import NotificationKind
from notifications.models import Follow, Notification
from projects import services as project_services
from projects.models import Project
from questions.models import Question
from tests.budgets import warm_content_types
from tests.factories import (
    answer_form_data,
    bulk_follows,
    bulk_members,
    get_city,
    make_event,
    make_follow,
    make_member,
    make_membership,
    make_project,
    make_question,
    make_user,
    project_edit_data,
    project_form_data,
    question_form_data,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db

NEW_PROJECT, NEW_QUESTION, NEW_ANSWER, NEW_COMMENT, NEW_EVENT = (
    NotificationKind.NEW_PROJECT,
    NotificationKind.NEW_QUESTION,
    NotificationKind.NEW_ANSWER,
    NotificationKind.NEW_COMMENT,
    NotificationKind.NEW_EVENT,
)


def theme(slug: str = "public-spaces") -> Theme:
    return Theme.objects.get(slug=slug)


def notified(kind: str) -> list[str]:
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


@pytest.fixture
def followers(db):
    """Who follows public spaces: a Gothenburg member, a pending applicant, a signed-up
    visitor with no city, a network coordinator, and an inactive member."""
    people = {
        "member": make_member(city="gothenburg", email="member@example.org"),
        "pending": make_user(email="pending@example.org"),
        "visitor": make_user(email="visitor@example.org"),
        "coordinator": make_user(email="coordinator@example.org", groups=("Coordinators",)),
        "inactive": make_member(city="umea", email="inactive@example.org", is_active=False),
    }
    make_membership(user=people["pending"], city="umea", status=MembershipStatus.PENDING)
    for person in people.values():
        make_follow(user=person, target=theme())
    return people


EVERY_ACTIVE_FOLLOWER = [
    "coordinator@example.org",
    "member@example.org",
    "pending@example.org",
    "visitor@example.org",
]
MEMBERS_ONLY_FOLLOWERS = ["coordinator@example.org", "member@example.org"]


# --- notify ------------------------------------------------------------------------------------


def test_notify_reaches_each_follower_once_never_the_actor(member):
    both = make_member(city="umea", email="both@example.org")
    make_follow(user=both, target=theme())
    make_follow(user=both, target=get_city("saint-brieuc"))
    make_follow(user=member, target=theme())

    count = services.notify(
        kind=NEW_PROJECT,
        actor=member,
        title="Place de la Grille",
        url="/en/projects/place-de-la-grille/",
        context="Saint-Brieuc",
        targets=[get_city("saint-brieuc"), theme()],
    )

    assert count == 1
    notification = Notification.objects.get()
    assert (notification.recipient, notification.actor, notification.path) == (
        both,
        member,
        "/projects/place-de-la-grille/",
    )


def test_notify_reaches_people_in_also_and_keeps_their_unread_count(member):
    asker = make_member(city="paris", email="asker@example.org")
    make_follow(user=asker, target=theme())

    services.notify(kind=NEW_ANSWER, actor=member, title="Q", url="/en/q/", also=[asker, None])
    services.notify(
        kind=NEW_ANSWER, actor=member, title="Q", url="/en/q/", targets=[theme()], also=[asker]
    )

    asker.refresh_from_db()
    assert Notification.objects.filter(recipient=asker).count() == 2
    assert asker.unread_notifications == 2


def test_notify_skips_inactive_people_and_followers_of_other_things(member, followers):
    make_follow(
        user=make_member(city="umea", email="elsewhere@example.org"), target=theme("innovation")
    )

    services.notify(kind=NEW_PROJECT, actor=member, title="P", url="/en/p/", targets=[theme()])

    assert notified(NEW_PROJECT) == EVERY_ACTIVE_FOLLOWER


def test_notify_of_members_only_content_reaches_members_and_moderators_only(member, followers):
    services.notify(
        kind=NEW_PROJECT, actor=member, title="P", url="/en/p/", targets=[theme()], public=False
    )

    assert notified(NEW_PROJECT) == MEMBERS_ONLY_FOLLOWERS


def test_notify_with_nobody_to_tell_writes_nothing(member, django_assert_num_queries):
    targets = [theme()]
    warm_content_types()

    with django_assert_num_queries(1):  # the follows
        count = services.notify(
            kind=NEW_PROJECT, actor=member, title="P", url="/en/p/", targets=targets
        )

    assert count == 0
    assert Notification.objects.count() == 0


@pytest.mark.parametrize(
    ("size", "sqlite_inserts"), [(5, 1), (500, 7)], ids=["5-followers", "500-followers"]
)
@pytest.mark.parametrize("public", [True, False], ids=["public", "members-only"])
def test_notify_fans_out_in_a_bounded_number_of_queries(
    member, size, sqlite_inserts, public, django_assert_num_queries
):
    people = bulk_members(size, city="gothenburg")
    bulk_follows(people, theme())
    targets = [get_city("saint-brieuc"), theme(), theme("innovation")]
    warm_content_types()

    # the follows, the recipients, the insert, one update of the unread counts, in a savepoint:
    # 6 with 5 followers as with 500 on PostgreSQL, whose insert takes the 500 rows at once;
    # SQLite's bulk inserts take at most 76 rows (999 variables, thirteen columns), so 500
    # notifications are 7 inserts there.
    inserts = sqlite_inserts if connection.vendor == "sqlite" else 1
    with django_assert_num_queries(5 + inserts):
        count = services.notify(
            kind=NEW_PROJECT, actor=member, title="P", url="/en/p/", targets=targets, public=public
        )

    assert count == size
    assert Notification.objects.filter(recipient__in=people).count() == size
    unread = User.objects.filter(pk__in=[p.pk for p in people]).values_list(
        "unread_notifications", flat=True
    )
    assert set(unread) == {1}


@pytest.mark.parametrize(
    ("size", "sqlite_inserts"), [(5, 1), (500, 7)], ids=["5-followers", "500-followers"]
)
def test_project_creation_notifies_500_followers_in_the_same_queries_as_5(
    member_client, size, sqlite_inserts, django_assert_num_queries
):
    bulk_follows(bulk_members(size, city="gothenburg"), theme())
    ContentType.objects.clear_cache()  # count what a fresh process does

    # 97 with 5 followers as with 500 on PostgreSQL, most of it saving the project and its
    # revision; SQLite's bulk inserts take at most 76 rows (999 variables, thirteen columns since
    # notifications keep what their title is of and their city), so 500 notifications are 7
    # inserts there.
    inserts = sqlite_inserts if connection.vendor == "sqlite" else 1
    with django_assert_num_queries(96 + inserts):
        member_client.post("/en/projects/new/", project_form_data())

    assert Notification.objects.filter(kind=NEW_PROJECT).count() == size


# --- Projects and comments ---------------------------------------------------------------------


def test_new_project_notifies_followers_of_its_city_and_themes_not_its_author(
    member_client, member
):
    city_follower = make_member(city="umea", email="city@example.org")
    make_follow(user=city_follower, target=get_city("saint-brieuc"))
    theme_follower = make_member(city="umea", email="theme@example.org")
    make_follow(user=theme_follower, target=theme())
    make_follow(user=member, target=get_city("saint-brieuc"))
    make_follow(user=make_member(city="umea", email="paris@example.org"), target=get_city("paris"))

    member_client.post("/en/projects/new/", project_form_data())

    project = Project.objects.get()
    assert notified(NEW_PROJECT) == ["city@example.org", "theme@example.org"]
    notification = Notification.objects.get(recipient=theme_follower)
    assert (
        notification.title,
        notification.city,
        notification.context,
        notification.subject_type.model,
        notification.subject_id,
        notification.path,
    ) == (
        "Place de la Grille experiment",
        get_city("saint-brieuc"),
        "",
        "project",
        project.pk,
        f"/projects/{project.slug}/",
    )
    assert Follow.objects.filter(user=member, object_id=project.pk).exists()


def test_new_members_only_project_notifies_member_followers_only(member_client, followers):
    member_client.post("/en/projects/new/", project_form_data(visibility=Visibility.MEMBERS))

    assert notified(NEW_PROJECT) == MEMBERS_ONLY_FOLLOWERS


def test_project_edit_notifies_nobody(member_client, member):
    make_follow(user=make_member(city="umea"), target=theme())
    member_client.post("/en/projects/new/", project_form_data())
    Notification.objects.all().delete()
    project = Project.objects.get()

    member_client.post(f"/en/projects/{project.slug}/edit/", project_edit_data(project))

    assert Notification.objects.count() == 0


def test_new_comment_notifies_followers_of_the_project_not_the_commenter(member, other_city_member):
    project = make_project(author=member, title="Place de la Grille")
    make_follow(user=member, target=project)
    make_follow(user=other_city_member, target=project)

    comment = project_services.comment_create(
        project=project, author=other_city_member, body="How?"
    )

    assert notified(NEW_COMMENT) == [member.email]
    assert Notification.objects.get().path == (f"/projects/{project.slug}/#comment-{comment.pk}")


def test_new_comment_notifies_only_followers_who_may_read_comments(member, followers):
    project = make_project(author=member, title="Place de la Grille")
    for person in followers.values():
        make_follow(user=person, target=project)

    project_services.comment_create(project=project, author=member, body="News.")

    # Comments are for approved members (docs/architecture.md): who cannot read them is not told.
    assert notified(NEW_COMMENT) == MEMBERS_ONLY_FOLLOWERS


def test_new_comment_on_a_members_only_project_notifies_member_followers_only(member, followers):
    project = make_project(author=member, title="Secret", visibility=Visibility.MEMBERS)
    for person in followers.values():
        make_follow(user=person, target=project)

    project_services.comment_create(project=project, author=member, body="News.")

    assert notified(NEW_COMMENT) == MEMBERS_ONLY_FOLLOWERS


# --- Events ------------------------------------------------------------------------------------


def test_published_event_notifies_followers_of_host_city_cities_and_themes(network_coordinator):
    host = make_member(city="umea", email="host@example.org")
    make_follow(user=host, target=get_city("saint-brieuc"))
    guest = make_member(city="umea", email="guest@example.org")
    make_follow(user=guest, target=get_city("malmo"))
    topic = make_member(city="umea", email="topic@example.org")
    make_follow(user=topic, target=theme("innovation"))
    make_follow(user=network_coordinator, target=theme("innovation"))
    make_follow(user=make_member(city="umea", email="other@example.org"), target=get_city("paris"))
    event = make_event(
        title="Annual seminar", state=EventState.DRAFT, cities=("malmo",), themes=("innovation",)
    )

    event_services.event_publish(event=event, actor=network_coordinator)

    assert notified(NEW_EVENT) == ["guest@example.org", "host@example.org", "topic@example.org"]
    notification = Notification.objects.filter(kind=NEW_EVENT).first()
    assert (notification.title, notification.path) == (
        "Annual seminar",
        f"/events/{event.slug}/",
    )


def test_published_members_only_event_notifies_member_followers_only(
    network_coordinator, followers
):
    event = make_event(
        state=EventState.DRAFT, themes=("public-spaces",), visibility=Visibility.MEMBERS
    )

    event_services.event_publish(event=event, actor=make_user())

    assert notified(NEW_EVENT) == MEMBERS_ONLY_FOLLOWERS


# --- Questions and answers ---------------------------------------------------------------------


def test_new_question_through_the_page_notifies_city_and_theme_followers(member_client, member):
    city_follower = make_member(city="umea", email="city@example.org")
    make_follow(user=city_follower, target=get_city("saint-brieuc"))
    theme_follower = make_member(city="umea", email="theme@example.org")
    make_follow(user=theme_follower, target=theme())

    member_client.post("/en/questions/ask/", question_form_data())

    question = Question.objects.get()
    assert notified(NEW_QUESTION) == ["city@example.org", "theme@example.org"]
    assert Follow.objects.filter(user=member, object_id=question.pk).exists()


def test_new_members_only_question_notifies_member_followers_only(member_client, followers):
    member_client.post("/en/questions/ask/", question_form_data(visibility=Visibility.MEMBERS))

    assert notified(NEW_QUESTION) == MEMBERS_ONLY_FOLLOWERS


def test_new_answer_notifies_the_asker_and_followers_not_the_answerer(
    login, member, other_city_member
):
    question = make_question(author=member, title="How?")
    follower = make_member(city="paris", email="follower@example.org")
    make_follow(user=follower, target=question)

    login(other_city_member).post(f"/en/questions/{question.slug}/answers/", answer_form_data())

    assert notified(NEW_ANSWER) == ["follower@example.org", member.email]


def test_new_answer_to_a_members_only_question_notifies_member_followers_only(
    login, member, other_city_member, followers
):
    question = make_question(author=member, title="Secret?", visibility=Visibility.MEMBERS)
    for person in followers.values():
        make_follow(user=person, target=question)

    login(other_city_member).post(f"/en/questions/{question.slug}/answers/", answer_form_data())

    assert notified(NEW_ANSWER) == sorted([*MEMBERS_ONLY_FOLLOWERS, member.email])


# --- E-mails at once ---------------------------------------------------------------------------


def test_notify_emails_people_who_chose_at_once_after_commit_only(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    at_once = make_member(
        city="umea", email="now@example.org", notification_frequency=Frequency.IMMEDIATELY
    )
    weekly = make_member(city="umea", email="weekly@example.org")
    never = make_member(city="umea", email="never@example.org", notification_frequency="never")
    for person in (at_once, weekly, never):
        make_follow(user=person, target=theme())

    with django_capture_on_commit_callbacks() as callbacks:
        services.notify(kind=NEW_PROJECT, actor=member, title="P", url="/en/p/", targets=[theme()])
    sent_before_commit = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):  # the commit: the task, its e-mail
        for callback in callbacks:
            callback()

    assert (sent_before_commit, len(callbacks)) == (0, 1)
    assert [message.to for message in mailoutbox] == [["now@example.org"]]
    assert Notification.objects.get(recipient=at_once).emailed_at is not None
    assert Notification.objects.get(recipient=weekly).emailed_at is None


def test_notify_inside_a_rolled_back_write_sends_nothing(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    at_once = make_member(city="umea", notification_frequency=Frequency.IMMEDIATELY)
    make_follow(user=at_once, target=theme())

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.notify(kind=NEW_PROJECT, actor=member, title="P", url="/en/p/", targets=[theme()])
        raise RuntimeError("the write fails after the fan-out")

    assert mailoutbox == []
    assert Notification.objects.count() == 0
