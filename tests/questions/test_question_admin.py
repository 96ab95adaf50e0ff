"""Questions and answers in the admin: through the services, never rewriting people's words."""

import pytest

from core.enums import Visibility
from questions.models import Answer, Question
from tests.admin_forms import admin_form_data
from tests.factories import make_answer, make_question

pytestmark = pytest.mark.django_db


def change_url(question) -> str:
    return f"/admin/questions/question/{question.pk}/change/"


def test_admin_lists_questions(admin_client, member):
    make_question(author=member, title="How do you green a schoolyard?")

    response = admin_client.get("/admin/questions/question/")

    assert response.status_code == 200
    assert "How do you green a schoolyard?" in response.content.decode()


def test_admin_changes_visibility_and_themes_through_the_service(admin_client, member):
    question = make_question(author=member, themes=("public-spaces",))
    data = admin_form_data(admin_client, change_url(question))
    data["visibility"] = [Visibility.MEMBERS]
    theme_ids = data["themes"]

    response = admin_client.post(change_url(question), data)

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.visibility == Visibility.MEMBERS
    assert sorted(str(pk) for pk in question.themes.values_list("pk", flat=True)) == sorted(
        theme_ids
    )


def test_admin_cannot_rewrite_the_askers_words(admin_client, member):
    question = make_question(author=member, title="Our own words?", context="Told by us.")
    data = admin_form_data(admin_client, change_url(question))
    assert "title" not in data and "context" not in data
    data["title"] = ["Words put in their mouth"]
    data["context"] = ["Rewritten by staff."]

    admin_client.post(change_url(question), data)

    question.refresh_from_db()
    assert (question.title, question.context) == ("Our own words?", "Told by us.")


def test_admin_refuses_a_question_without_themes(admin_client, member):
    question = make_question(author=member)
    data = admin_form_data(admin_client, change_url(question))
    data["themes"] = []

    response = admin_client.post(change_url(question), data)

    assert response.status_code == 200
    assert question.themes.count() == 1


def test_admin_cannot_add_questions(admin_client):
    assert admin_client.get("/admin/questions/question/add/").status_code == 403


def test_admin_deletes_a_question_with_its_answers(admin_client, member, other_city_member):
    question = make_question(author=member)
    make_answer(question=question, author=other_city_member)

    response = admin_client.post(
        f"/admin/questions/question/{question.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert (Question.objects.count(), Answer.objects.count()) == (0, 0)


def test_admin_shows_an_answer_but_cannot_change_it(admin_client, member, other_city_member):
    answer = make_answer(question=make_question(author=member), author=other_city_member)
    url = f"/admin/questions/answer/{answer.pk}/change/"

    page = admin_client.get(url)
    admin_client.post(url, {"body": "Rewritten"})

    assert page.status_code == 200
    assert 'name="body"' not in page.content.decode()
    answer.refresh_from_db()
    assert answer.body != "Rewritten"
