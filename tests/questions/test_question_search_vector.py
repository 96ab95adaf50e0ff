"""PostgreSQL: questions are searched through a stored vector that triggers keep right, whoever
writes the question or its answers (services, admin, bulk loads)."""

import pytest
from django.db import connection

from questions.models import Answer, Question
from tests.factories import make_answer, make_question

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search"),
]


def found(client, words: str) -> str:
    return client.get("/en/search/", {"q": words}).content.decode()


def vector(question: Question) -> str:
    return Question.objects.values_list("search_vector", flat=True).get(pk=question.pk) or ""


def test_a_new_question_is_indexed_in_its_language(anonymous_client):
    question = make_question(
        title="Comment rénover les écoles ?",
        context="Des bâtiments anciens.",
        content_language="fr",
    )
    assert "renov" in vector(question)  # alliance_fr: unaccented, stemmed
    assert "Comment rénover les écoles ?" in found(anonymous_client, "renovation ecoles")


def test_an_answer_adds_its_words_and_removing_it_takes_them_away(anonymous_client, member):
    question = make_question(title="How do you count cyclists?")
    answer = make_answer(question=question, body="We use induction loops at every crossing.")
    assert "induct" in vector(question)
    assert "How do you count cyclists?" in found(anonymous_client, "induction")
    Answer.objects.filter(pk=answer.pk).update(body="Volunteers count by hand.")
    assert "induct" not in vector(question) and "volunt" in vector(question)
    answer.delete()
    assert "volunt" not in vector(question)
    assert "How do you count cyclists?" not in found(anonymous_client, "volunteers")


def test_an_edited_title_is_searched_at_once(anonymous_client):
    question = make_question(title="Parking policy")
    Question.objects.filter(pk=question.pk).update(title="Tram depots")
    assert "Tram depots" in found(anonymous_client, "depots")
    assert "Tram depots" not in found(anonymous_client, "parking")


def test_an_answer_in_another_language_is_indexed_in_its_own(anonymous_client):
    question = make_question(title="Shared streets?", content_language="en")
    make_answer(question=question, body="Vi har gångfartsgator i centrum.", content_language="sv")
    assert "gångfartsgat" in vector(question) or "gangfartsgat" in vector(question)


def test_bulk_created_questions_and_answers_are_indexed(anonymous_client, member):
    template = make_question(title="Template")
    questions = Question.objects.bulk_create(
        Question(
            city=template.city,
            author=member,
            title=f"Bulk question {number} on rainwater",
            slug=f"bulk-question-{number}",
        )
        for number in range(3)
    )
    Answer.objects.bulk_create(
        Answer(question=question, city=template.city, author=member, body="Swales and ponds.")
        for question in questions
    )
    for question in questions:
        assert "rainwat" in vector(question) and "swale" in vector(question)
