"""The data migrations guess the language of the texts written before it was stored: the
author's interface language, else English; an agenda item takes its event's."""

import importlib

import pytest
from django.apps import apps

from accounts.models import User
from events.models import AgendaItem, Event
from projects.models import Comment
from questions.models import Answer, Question
from tests.factories import (
    make_agenda_item,
    make_answer,
    make_comment,
    make_event,
    make_project,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db


def fill(app: str, number: str) -> None:
    migration = importlib.import_module(f"{app}.migrations.{number}_content_language")
    migration.fill_languages(apps, None)


@pytest.fixture
def swede():
    return make_user(full_name="Sven", preferred_language="sv", job_title="Planerare")


def test_migration_gives_questions_and_answers_their_authors_language(swede, member):
    asked = make_question(author=swede, title="Hur gör ni?", content_language="fr")
    orphan = make_question(author=None, title="Who asked?", content_language="fr")
    answer = make_answer(question=orphan, author=swede, body="Så här.", content_language="fr")
    gone = make_answer(question=asked, author=None, body="Like this.", content_language="fr")

    fill("questions", "0002")

    assert dict(Question.objects.values_list("title", "content_language")) == {
        "Hur gör ni?": "sv",
        "Who asked?": "en",
    }
    assert dict(Answer.objects.values_list("pk", "content_language")) == {
        answer.pk: "sv",
        gone.pk: "en",
    }
    assert Answer.objects.get(pk=answer.pk).body == "Så här."


def test_migration_gives_events_their_creators_language_and_agenda_items_the_events(swede):
    swedish = make_event(title="Seminarium", created_by=swede, content_language="fr")
    unknown = make_event(title="Unknown", content_language="fr")
    unknown.created_by = None
    unknown.save(update_fields=["created_by"])
    item = make_agenda_item(event=swedish, title="Välkommen", content_language="fr")
    other = make_agenda_item(event=unknown, title="Welcome", content_language="fr")

    fill("events", "0002")

    assert dict(Event.objects.values_list("title", "content_language")) == {
        "Seminarium": "sv",
        "Unknown": "en",
    }
    assert dict(AgendaItem.objects.values_list("pk", "content_language")) == {
        item.pk: "sv",
        other.pk: "en",
    }


def test_migration_gives_comments_their_authors_language(swede, member):
    project = make_project(author=member)
    swedish = make_comment(project=project, author=swede, body="Bra!", content_language="fr")
    gone = make_comment(project=project, author=None, body="Good!", content_language="fr")

    fill("projects", "0004")

    assert dict(Comment.objects.values_list("pk", "content_language")) == {
        swedish.pk: "sv",
        gone.pk: "en",
    }
    assert Comment.objects.get(pk=swedish.pk).body == "Bra!"


def test_migration_gives_job_titles_their_owners_language(swede):
    User.objects.filter(pk=swede.pk).update(job_title_language="fr")

    fill("accounts", "0004")

    swede.refresh_from_db()
    assert (swede.job_title, swede.job_title_language) == ("Planerare", "sv")
