"""Who may ask, answer, mark useful, close and edit, role by role.

Forbidden answers 403 (the login page for an anonymous visitor) and changes nothing; a
members-only question answers 404 to those who may not read it.
"""

import pytest

from questions.models import Answer, Question, UsefulMark
from tests.factories import (
    answer_form_data,
    get_city,
    make_answer,
    question_edit_data,
    question_form_data,
)

from .conftest import ROLES

pytestmark = pytest.mark.django_db

# The city each approved member belongs to; the others have none.
OWN_CITY = {
    "member": "saint-brieuc",
    "city_coordinator": "saint-brieuc",
    "other_city_member": "gothenburg",
    "other_city_coordinator": "umea",
}


def assert_login_redirect(response, path: str):
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("member", 200),
        ("other_city_member", 200),
        ("other_city_coordinator", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 403),
        ("staff", 403),
    ],
)
def test_question_ask_page_is_for_approved_members(client_for, role, status):
    response = client_for(role).get("/en/questions/ask/")

    if role == "anonymous":
        assert_login_redirect(response, "/en/questions/ask/")
    else:
        assert response.status_code == status


@pytest.mark.parametrize("role", ROLES)
def test_question_ask_is_saved_for_approved_members_only(client_for, role):
    city = OWN_CITY.get(role, "saint-brieuc")

    response = client_for(role).post(
        "/en/questions/ask/", question_form_data(city=str(get_city(city).pk))
    )

    if role in OWN_CITY:
        assert response.status_code == 302
        assert list(Question.objects.values_list("city__slug", flat=True)) == [city]
    else:
        assert response.status_code == 302 if role == "anonymous" else 403
        assert Question.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "answered"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", False),
        ("city_coordinator", False),
        ("other_city_member", True),
        ("other_city_coordinator", True),
        ("network_coordinator", False),
        ("staff", False),
    ],
)
def test_question_answer_is_for_members_of_other_cities(client_for, question, role, answered):
    city = OWN_CITY.get(role, "gothenburg")
    path = f"/en/questions/{question.slug}/answers/"

    response = client_for(role).post(path, answer_form_data(city=str(get_city(city).pk)))

    # The asking city's members go back to the question with a message; the login page for
    # a visitor; 403 for the others who may not answer.
    expected = 403 if role in {"outsider", "network_coordinator", "staff"} else 302
    assert response.status_code == expected
    if role == "anonymous":
        assert_login_redirect(response, path)
    assert list(Answer.objects.values_list("city__slug", flat=True)) == ([city] if answered else [])


@pytest.mark.parametrize(
    ("role", "marked"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),
        ("city_coordinator", True),
        ("other_city_member", False),
        ("other_city_coordinator", False),
        ("network_coordinator", False),
        ("staff", False),
    ],
)
def test_question_useful_mark_is_for_members_of_the_asking_city(
    client_for, user_for_role, question, role, marked
):
    answer = make_answer(question=question, city="umea")
    path = f"/en/questions/{question.slug}/answers/{answer.pk}/useful/"

    response = client_for(role).post(path)

    if role == "anonymous":
        assert_login_redirect(response, path)
    else:
        assert response.status_code == (302 if marked else 403)
    expected = [user_for_role(role).pk] if marked else []
    assert list(UsefulMark.objects.values_list("user", flat=True)) == expected


@pytest.mark.parametrize(
    ("role", "closed"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),  # the asker
        ("city_coordinator", False),
        ("other_city_member", False),
        ("other_city_coordinator", False),
        ("network_coordinator", True),
        ("staff", True),
    ],
)
def test_question_close_is_for_the_asker_and_moderators(client_for, question, role, closed):
    path = f"/en/questions/{question.slug}/close/"

    response = client_for(role).post(path, {"summary": "What we learned."})

    if role == "anonymous":
        assert_login_redirect(response, path)
    else:
        assert response.status_code == (302 if closed else 403)
    question.refresh_from_db()
    assert question.is_open is not closed
    assert question.summary == ("What we learned." if closed else "")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("member", 200),  # the asker
        ("city_coordinator", 403),
        ("other_city_member", 403),
        ("other_city_coordinator", 403),
        ("network_coordinator", 403),
        ("staff", 403),
    ],
)
def test_question_edit_page_is_for_the_asker_only(client_for, question, role, status):
    path = f"/en/questions/{question.slug}/edit/"

    response = client_for(role).get(path)

    if role == "anonymous":
        assert_login_redirect(response, path)
    else:
        assert response.status_code == status


@pytest.mark.parametrize("role", [role for role in ROLES if role != "member"])
def test_question_edit_by_others_changes_nothing(client_for, question, role):
    client_for(role).post(
        f"/en/questions/{question.slug}/edit/", question_edit_data(question, title="Hijacked?")
    )

    question.refresh_from_db()
    assert question.title == "How do you make a square work for every use?"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("member", 403),
        ("city_coordinator", 403),
        ("other_city_member", 200),  # the author
        ("other_city_coordinator", 403),
        ("network_coordinator", 403),
        ("staff", 403),
    ],
)
def test_question_answer_edit_is_for_its_author_only(
    client_for, question, other_city_member, role, status
):
    answer = make_answer(question=question, author=other_city_member, body="Original.")
    path = f"/en/questions/{question.slug}/answers/{answer.pk}/edit/"

    page = client_for(role).get(path)
    client_for(role).post(path, answer_form_data(body="Changed."))

    if role == "anonymous":
        assert_login_redirect(page, path)
    else:
        assert page.status_code == status
    answer.refresh_from_db()
    assert answer.body == ("Changed." if status == 200 else "Original.")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("member", 200),
        ("other_city_member", 200),
        ("other_city_coordinator", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_members_only_question_is_readable_by_members_only(
    client_for, members_question, role, status
):
    response = client_for(role).get(members_question.get_absolute_url())

    assert response.status_code == status
    assert (members_question.title in response.content.decode()) is (status == 200)


@pytest.mark.parametrize("action", ["answers/", "close/", "edit/"])
def test_members_only_question_answers_404_to_an_outsider_on_every_action(
    client_for, members_question, action
):
    response = client_for("outsider").post(
        f"/en/questions/{members_question.slug}/{action}", answer_form_data()
    )

    assert response.status_code == 404
    assert Answer.objects.count() == 0
