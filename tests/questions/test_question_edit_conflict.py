"""Two people editing the same question: the second save of an out-of-date form is refused, says
what changed, keeps what was typed, and can then be saved on purpose."""

import threading

import pytest
from django.db import connection

from core.concurrency import VERSION_FIELD, EditConflict
from core.enums import Visibility
from questions import services
from questions.forms import QuestionForm
from questions.models import Question
from tests.edit_conflicts import alert_text, changed_rows, conflict_box, version_in
from tests.factories import make_question, question_edit_data

pytestmark = pytest.mark.django_db


def edit_url(question: Question) -> str:
    return f"/en/questions/{question.slug}/edit/"


@pytest.fixture
def opened(member_client, question):
    """The version of the question as its asker opened the edit page."""
    return version_in(member_client.get(edit_url(question)))


@pytest.fixture
def saved_elsewhere(login, member, question, opened):
    """After the asker opened the page, the asker saves it from another device (only the asker
    edits a question's words), with another context."""
    response = login(member).post(
        edit_url(question),
        question_edit_data(question, context="Moderated context.", visibility=Visibility.MEMBERS),
    )
    assert response.status_code == 302


def post_as_asker(client, question, version, **fields):
    return client.post(
        edit_url(question), question_edit_data(question, **fields) | {VERSION_FIELD: version}
    )


# --- Refused ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("saved_elsewhere")
def test_question_edit_with_an_old_version_is_refused_and_writes_nothing(
    member_client, question, opened
):
    response = post_as_asker(member_client, question, opened, title="A sharper question?")

    stored = Question.objects.get(pk=question.pk)
    assert response.status_code == 409
    assert (stored.title, stored.context, stored.visibility) == (
        "How do you make a square work for every use?",
        "Moderated context.",
        Visibility.MEMBERS,
    )


@pytest.mark.usefixtures("saved_elsewhere")
def test_question_edit_refused_says_so_lists_what_changed_and_keeps_what_was_typed(
    member_client, question, opened
):
    response = post_as_asker(member_client, question, opened, title="A sharper question?")

    html = response.content.decode()
    assert alert_text(response) == (
        "This question was changed by someone else since you opened it. Your changes are not "
        "saved yet: what you typed is still in the form below."
    )
    assert changed_rows(response) == [
        ("Context", ["Moderated context."]),
        ("Visibility", ["Members only: approved members of the network"]),
    ]
    assert "what you typed below replaces their changes" in conflict_box(response)
    assert 'name="title" value="A sharper question?"' in html
    assert '<button type="submit">Save anyway</button>' in html


@pytest.mark.usefixtures("saved_elsewhere")
def test_question_edit_refused_then_saved_with_the_version_given_back_overwrites(
    member_client, question, opened
):
    refused = post_as_asker(member_client, question, opened, title="A sharper question?")

    response = post_as_asker(
        member_client, question, version_in(refused), title="A sharper question?"
    )

    stored = Question.objects.get(pk=question.pk)
    assert response.status_code == 302
    assert (stored.title, stored.context, stored.visibility) == (
        "A sharper question?",
        "We test furniture **before** the works.",
        Visibility.PUBLIC,
    )


def test_question_edit_refused_after_it_was_closed_lists_what_was_learned(
    member_client, question, opened
):
    member_client.post(
        f"/en/questions/{question.slug}/close/", {"summary": "Test with the users first."}
    )

    response = post_as_asker(member_client, question, opened, title="A sharper question?")

    assert response.status_code == 409
    assert changed_rows(response) == [("What we learned", ["Test with the users first."])]


# --- Saved as before -------------------------------------------------------------------------


def test_question_edit_with_the_version_of_the_page_saves(member_client, question, opened):
    response = post_as_asker(member_client, question, opened, title="A sharper question?")

    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).title == "A sharper question?"


@pytest.mark.parametrize("token", [None, "", "not-a-token", "other-question"])
def test_question_edit_without_a_valid_version_gets_a_form_error(
    member, member_client, question, token
):
    if token == "other-question":
        other = make_question(author=member, title="Another question?")
        token = version_in(member_client.get(edit_url(other)))
    data = question_edit_data(question, title="A sharper question?") | {VERSION_FIELD: token}
    if token is None:
        del data[VERSION_FIELD]

    response = member_client.post(edit_url(question), data)

    assert response.status_code == 200
    assert (
        "The portal cannot tell which version you started from: the page was incomplete or too "
        "old. Someone else may have changed it since. Check your changes below, then save again."
    ) in response.content.decode().replace("\n", " ")
    assert Question.objects.get(pk=question.pk).title == (
        "How do you make a square work for every use?"
    )


# --- At the same moment ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_question_save_of_one_version_at_the_same_moment_passes_once(member):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; CI runs this test on PostgreSQL")
    question = make_question(author=member, title="Shared question?")
    people = 6
    forms = []
    for number in range(people):
        instance = Question.objects.get(pk=question.pk)
        data = question_edit_data(instance, title=f"Question {number}?")
        form = QuestionForm(data, instance=instance, user=member)
        assert form.is_valid(), form.errors
        forms.append(form)
    barrier = threading.Barrier(people)
    outcomes: list[str] = []

    def save(form):
        try:
            barrier.wait(timeout=30)
            data = form.cleaned_data
            services.question_update(
                question=form.instance,
                title=data["title"],
                context=data["context"],
                themes=data["themes"],
                project=data["project"],
                visibility=data["visibility"],
                version=form.opened_version,
            )
            outcomes.append("saved")
        except EditConflict:
            outcomes.append("refused")
        except BaseException as error:  # reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(form,)) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["refused"] * (people - 1) + ["saved"]
