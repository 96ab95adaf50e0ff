"""Following a theme, a city, a project, a question or an event: the services, the
POST /<lang>/notifications/follow/ toggle, its button, and who may follow what."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError

from core.enums import Visibility
from events.enums import EventState
from notifications import services
from notifications.models import Follow
from tests.factories import get_city, make_event, make_follow, make_project, make_question
from themes.models import Theme

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "other_city_member",
    "other_city_coordinator",
    "city_coordinator",
    "network_coordinator",
    "staff",
]


def target_of(kind: str):
    return {
        "theme": lambda: Theme.objects.get(slug="public-spaces"),
        "city": lambda: get_city("umea"),
        "project": lambda: make_project(city="umea", title="Umeå square"),
        "question": lambda: make_question(city="umea", title="How does Umeå count?"),
        "event": lambda: make_event(title="Annual seminar"),
    }[kind]()


def followed(user) -> list[tuple[str, int]]:
    return sorted(Follow.objects.filter(user=user).values_list("content_type__model", "object_id"))


def toggle(client, target, kind: str, operation: str = "follow", **extra):
    data = {"kind": kind, "id": str(target.pk), "operation": operation, **extra}
    return client.post("/en/notifications/follow/", data)


def messages_of(response) -> list[str]:
    return [message.message for message in get_messages(response.wsgi_request)]


# --- Services ----------------------------------------------------------------------------------


def test_follow_records_the_target(member):
    theme = Theme.objects.get(slug="public-spaces")

    follow = services.follow(user=member, target=theme)

    assert (follow.user, follow.target) == (member, theme)
    assert services.is_following(user=member, target=theme) is True


def test_follow_twice_is_refused_and_keeps_one_follow(member):
    theme = Theme.objects.get(slug="public-spaces")
    services.follow(user=member, target=theme)

    with pytest.raises(ValidationError) as error:
        services.follow(user=member, target=theme)

    assert error.value.messages == ["You already follow this."]
    assert Follow.objects.count() == 1


def test_unfollow_removes_the_follow_and_tolerates_none(member):
    theme = Theme.objects.get(slug="public-spaces")
    make_follow(user=member, target=theme)

    services.unfollow(user=member, target=theme)
    services.unfollow(user=member, target=theme)

    assert services.is_following(user=member, target=theme) is False


def test_follow_quietly_does_nothing_when_already_following(member):
    theme = Theme.objects.get(slug="public-spaces")
    make_follow(user=member, target=theme)

    services.follow_quietly(user=member, target=theme)

    assert Follow.objects.count() == 1


# --- The toggle --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["theme", "city", "project", "question", "event"])
def test_follow_toggle_follows_each_kind_and_returns_to_it(member_client, member, kind):
    target = target_of(kind)

    response = toggle(member_client, target, kind)

    content_type = ContentType.objects.get_for_model(target)
    assert response.status_code == 302
    assert response["Location"] == target.get_absolute_url()
    assert followed(member) == [(content_type.model, target.pk)]
    assert messages_of(response) == [f"You now follow “{target}”."]


def test_follow_toggle_unfollows(member_client, member):
    theme = Theme.objects.get(slug="public-spaces")
    make_follow(user=member, target=theme)

    response = toggle(member_client, theme, "theme", "unfollow")

    assert followed(member) == []
    assert messages_of(response) == [f"You no longer follow “{theme}”."]


def test_follow_toggle_twice_says_so_and_keeps_one_follow(member_client, member):
    theme = Theme.objects.get(slug="public-spaces")
    make_follow(user=member, target=theme)

    response = toggle(member_client, theme, "theme")

    assert response.status_code == 302
    assert messages_of(response) == ["You already follow this."]
    assert Follow.objects.filter(user=member).count() == 1


def test_follow_toggle_returns_to_a_local_next_page(member_client):
    theme = Theme.objects.get(slug="public-spaces")

    response = toggle(member_client, theme, "theme", next="/en/themes/?page=2")

    assert response["Location"] == "/en/themes/?page=2"


@pytest.mark.parametrize("next_page", ["https://evil.example/", "//evil.example/x"])
def test_follow_toggle_never_redirects_to_another_site(member_client, next_page):
    theme = Theme.objects.get(slug="public-spaces")

    response = toggle(member_client, theme, "theme", next=next_page)

    assert response["Location"] == theme.get_absolute_url()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "user", "id": "1", "operation": "follow"},
        {"kind": "theme", "id": "", "operation": "follow"},
        {"kind": "theme", "id": "abc", "operation": "follow"},
        {"kind": "theme", "id": "1", "operation": "like"},
        {},
    ],
    ids=["unknown-kind", "no-id", "not-a-number", "unknown-operation", "nothing"],
)
def test_follow_toggle_rejects_bad_input_with_400(member_client, member, data):
    response = member_client.post("/en/notifications/follow/", data)

    assert response.status_code == 400
    assert response.content.decode() == "This cannot be followed."
    assert Follow.objects.count() == 0


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999"], ids=["unknown", "too-large"])
def test_follow_toggle_of_an_unknown_target_is_404(member_client, pk):
    response = member_client.post(
        "/en/notifications/follow/", {"kind": "project", "id": pk, "operation": "follow"}
    )

    assert response.status_code == 404
    assert Follow.objects.count() == 0


def test_follow_toggle_answers_get_with_405(member_client):
    assert member_client.get("/en/notifications/follow/").status_code == 405


# --- Who may follow what -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_follow_toggle_lets_anyone_signed_in_follow_public_things(client_for, user_for_role, role):
    theme = Theme.objects.get(slug="public-spaces")

    response = toggle(client_for(role), theme, "theme")

    assert response.status_code == 302
    if role == "anonymous":
        assert response["Location"] == "/en/accounts/login/?next=/en/notifications/follow/"
        assert Follow.objects.count() == 0
    else:
        assert followed(user_for_role(role)) == [("theme", theme.pk)]


@pytest.mark.parametrize(
    ("kind", "role", "status"),
    [
        ("project", "outsider", 404),
        ("project", "member", 302),
        ("project", "other_city_coordinator", 302),
        ("project", "network_coordinator", 302),
        ("question", "outsider", 404),
        ("question", "other_city_member", 302),
        ("question", "staff", 302),
    ],
)
def test_follow_toggle_hides_members_only_things_from_non_members(
    client_for, user_for_role, kind, role, status
):
    if kind == "project":
        target = make_project(title="Secret", visibility=Visibility.MEMBERS)
    else:
        target = make_question(title="Secret?", visibility=Visibility.MEMBERS)

    response = toggle(client_for(role), target, kind)

    assert response.status_code == status
    assert len(followed(user_for_role(role))) == (1 if status == 302 else 0)


@pytest.mark.parametrize(("role", "status"), [("member", 404), ("network_coordinator", 302)])
def test_follow_toggle_hides_a_draft_event_from_who_may_not_see_it(
    client_for, user_for_role, role, status
):
    draft = make_event(title="Draft seminar", state=EventState.DRAFT)

    response = toggle(client_for(role), draft, "event")

    assert response.status_code == status
    assert len(followed(user_for_role(role))) == (1 if status == 302 else 0)


# --- The button --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/en/themes/public-spaces/", "theme"),
        ("/en/cities/saint-brieuc/", "city"),
    ],
)
def test_follow_button_shows_on_pages_for_signed_in_people(member_client, path, kind):
    html = member_client.get(path).content.decode()

    assert 'action="/en/notifications/follow/"' in html
    assert f'name="kind" value="{kind}"' in html
    assert f'name="next" value="{path}"' in html
    assert '<input type="hidden" name="operation" value="follow">' in html


def test_follow_button_says_following_once_followed(member_client, member):
    make_follow(user=member, target=Theme.objects.get(slug="public-spaces"))

    html = member_client.get("/en/themes/public-spaces/").content.decode()

    assert '<input type="hidden" name="operation" value="unfollow">' in html
    assert 'aria-pressed="true">Following ✓' in html


@pytest.mark.parametrize(
    "path_of",
    [
        lambda: "/en/themes/public-spaces/",
        lambda: make_project(title="Public").get_absolute_url(),
        lambda: make_question(title="Public?").get_absolute_url(),
        lambda: make_event(title="Seminar").get_absolute_url(),
    ],
    ids=["theme", "project", "question", "event"],
)
def test_follow_button_is_not_offered_to_visitors(anonymous_client, path_of):
    html = anonymous_client.get(path_of()).content.decode()

    assert 'action="/en/notifications/follow/"' not in html
