"""A question and an answer are their author's words: nobody else edits them, moderators and
superusers included (moderators may still close a question)."""

import pytest

from tests.factories import answer_form_data, make_answer, question_edit_data

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "other_city_member",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
    "superuser",
]
QUESTION = "How do you make a square work for every use?"


def status_for(role: str, author: str) -> int:
    if role == "anonymous":
        return 302
    return 200 if role == author else 403


@pytest.mark.parametrize("role", ROLES)
def test_question_edit_is_for_the_asker_only(login, user_for_role, question, role):
    path = f"/en/questions/{question.slug}/edit/"
    client = login(user_for_role(role))

    page = client.get(path)
    post = client.post(path, question_edit_data(question, title="Rewritten by someone else?"))

    assert page.status_code == status_for(role, "member")
    assert post.status_code == (302 if role in {"anonymous", "member"} else 403)
    question.refresh_from_db()
    assert question.title == ("Rewritten by someone else?" if role == "member" else QUESTION)


@pytest.mark.parametrize("role", ROLES)
def test_question_page_offers_editing_to_the_asker_only(login, user_for_role, question, role):
    page = login(user_for_role(role)).get(question.get_absolute_url()).content.decode()

    assert (f'href="/en/questions/{question.slug}/edit/"' in page) is (role == "member")


@pytest.mark.parametrize("role", ROLES)
def test_question_answer_edit_is_for_the_answerer_only(
    login, user_for_role, question, other_city_member, role
):
    answer = make_answer(question=question, author=other_city_member, body="Original.")
    path = f"/en/questions/{question.slug}/answers/{answer.pk}/edit/"
    client = login(user_for_role(role))

    page = client.get(path)
    post = client.post(path, answer_form_data(body="Rewritten."))

    assert page.status_code == status_for(role, "other_city_member")
    assert post.status_code == (302 if role in {"anonymous", "other_city_member"} else 403)
    answer.refresh_from_db()
    assert answer.body == ("Rewritten." if role == "other_city_member" else "Original.")


@pytest.mark.parametrize("role", ["network_coordinator", "staff", "superuser"])
def test_question_close_stays_a_moderators_action(login, user_for_role, question, role):
    response = login(user_for_role(role)).post(
        f"/en/questions/{question.slug}/close/", {"summary": "Answered in the thread."}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.closed_at is not None
    assert question.title == QUESTION
