import pytest

from notifications.models import Notification
from questions import services
from tests.factories import get_city, make_follow, make_notification, make_user
from themes.models import Theme

pytestmark = pytest.mark.django_db


def test_notification_keeps_the_language_of_the_title_it_copies(member):
    follower = make_user()
    make_follow(user=follower, target=get_city("saint-brieuc"))

    services.question_create(
        author=member,
        city=get_city("saint-brieuc"),
        title="Hur gör ni torget levande?",
        themes=Theme.objects.filter(slug="public-spaces"),
        content_language="sv",
    )

    assert list(Notification.objects.values_list("recipient", "title_language")) == [
        (follower.pk, "sv")
    ]


def test_notification_list_marks_the_title_with_its_language(member_client, member):
    make_notification(recipient=member, title="Hur gör ni?", title_language="sv")
    make_notification(recipient=member, title="From before", title_language="")

    page = member_client.get("/fr/notifications/").content.decode()

    assert '<button type="submit" class="link-button" lang="sv">Hur gör ni?</button>' in page
    assert '<button type="submit" class="link-button">From before</button>' in page
