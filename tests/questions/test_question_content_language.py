import pytest

from questions.models import Answer, Question
from tests.content_language import selected_language
from tests.factories import (
    answer_form_data,
    make_answer,
    make_question,
    question_edit_data,
    question_form_data,
)

pytestmark = pytest.mark.django_db

INVALID = "Select a valid choice. de is not one of the available choices."


@pytest.mark.parametrize("language", ["fr", "sv", "en"])
def test_question_form_defaults_to_the_interface_language(member_client, language):
    page = member_client.get(f"/{language}/questions/ask/").content.decode()

    assert selected_language(page) == language


def test_question_ask_stores_the_language_chosen(member_client):
    member_client.post("/fr/questions/ask/", question_form_data(content_language="sv"))

    assert Question.objects.get().content_language == "sv"


def test_question_ask_refuses_an_unknown_language(member_client):
    response = member_client.post("/en/questions/ask/", question_form_data(content_language="de"))

    assert response.status_code == 200
    assert INVALID in response.content.decode()
    assert not Question.objects.exists()


def test_question_edit_shows_and_changes_the_stored_language(member_client, member):
    question = make_question(author=member, content_language="sv")
    page = member_client.get(f"/fr/questions/{question.slug}/edit/").content.decode()

    member_client.post(
        f"/fr/questions/{question.slug}/edit/",
        question_edit_data(question, content_language="fr"),
    )

    question.refresh_from_db()
    assert selected_language(page) == "sv"
    assert question.content_language == "fr"


def test_answer_form_defaults_to_the_interface_language(other_city_member, login, member):
    question = make_question(author=member)

    page = login(other_city_member).get(f"/sv{question.get_absolute_url()[3:]}").content.decode()

    assert selected_language(page) == "sv"


def test_answer_stores_the_language_chosen(other_city_member, login, member):
    question = make_question(author=member)

    login(other_city_member).post(
        f"/fr/questions/{question.slug}/answers/", answer_form_data(content_language="sv")
    )

    assert Answer.objects.get().content_language == "sv"


def test_answer_refuses_an_unknown_language(other_city_member, login, member):
    question = make_question(author=member)

    response = login(other_city_member).post(
        f"/en/questions/{question.slug}/answers/", answer_form_data(content_language="de")
    )

    assert response.status_code == 400
    assert INVALID in response.content.decode()
    assert not Answer.objects.exists()


def test_answer_edit_changes_the_language(other_city_member, login, member):
    question = make_question(author=member)
    answer = make_answer(question=question, author=other_city_member, content_language="en")

    login(other_city_member).post(
        f"/en/questions/{question.slug}/answers/{answer.pk}/edit/",
        answer_form_data(content_language="fr"),
    )

    answer.refresh_from_db()
    assert answer.content_language == "fr"
