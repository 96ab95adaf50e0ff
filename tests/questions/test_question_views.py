"""The question pages: list with filters, detail, ask, answer, mark useful, close, edit."""

import re

import pytest
from django.contrib.messages import get_messages

from core.enums import Visibility
from questions.models import Answer, Question, UsefulMark
from tests.factories import (
    answer_form_data,
    get_city,
    make_answer,
    make_member,
    make_membership,
    make_project,
    make_question,
    make_useful_mark,
    question_edit_data,
    question_form_data,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card question-card">\s*<h3><a href="[^"]+"[^>]*>([^<]+)</a>')


def titles(response) -> list[str]:
    return CARD.findall(response.content.decode())


def messages_of(response) -> list[str]:
    return [message.message for message in get_messages(response.wsgi_request)]


# --- URLs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_question_pages_answer_under_each_language_prefix(member_client, question, language):
    list_page = member_client.get(f"/{language}/questions/")
    detail = member_client.get(f"/{language}/questions/{question.slug}/")
    ask_page = member_client.get(f"/{language}/questions/ask/")

    assert (list_page.status_code, detail.status_code, ask_page.status_code) == (200, 200, 200)
    assert f'<html lang="{language}"' in detail.content.decode()


def test_question_unknown_slug_gives_404(anonymous_client):
    assert anonymous_client.get("/en/questions/no-such-question/").status_code == 404


# --- List --------------------------------------------------------------------------------------


def test_question_list_shows_open_questions_first_newest_first(anonymous_client, member):
    make_question(author=member, title="Old open?")
    make_question(author=member, title="Closed one?", closed=True)
    make_question(author=member, title="New open?")

    response = anonymous_client.get("/en/questions/")

    assert titles(response) == ["New open?", "Old open?", "Closed one?"]
    assert "3 questions" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=innovation", ["Gothenburg innovation?"]),
        ("city=saint-brieuc", ["Saint-Brieuc closed?", "Saint-Brieuc answered?"]),
        ("country=SE", ["Gothenburg innovation?"]),
        ("state=unanswered", ["Gothenburg innovation?"]),
        ("state=answered", ["Saint-Brieuc answered?"]),
        ("state=closed", ["Saint-Brieuc closed?"]),
        ("country=FR&state=answered", ["Saint-Brieuc answered?"]),
        ("theme=public-spaces&country=SE", []),
    ],
)
def test_question_list_filters_by_theme_city_country_and_state(
    anonymous_client, member, query, expected
):
    answered = make_question(author=member, title="Saint-Brieuc answered?")
    make_answer(question=answered)
    make_question(city="gothenburg", title="Gothenburg innovation?", themes=("innovation",))
    make_question(author=member, title="Saint-Brieuc closed?", closed=True)

    response = anonymous_client.get(f"/en/questions/?{query}")

    # Closed questions come last: the answered one is listed before the closed one.
    assert sorted(titles(response)) == sorted(expected)


def test_question_list_ignores_an_unknown_filter_value(anonymous_client, question):
    response = anonymous_client.get("/en/questions/?theme=nope&state=whatever&country=XX")

    assert response.status_code == 200
    assert titles(response) == ["How do you make a square work for every use?"]


def test_question_list_pages_by_twenty(anonymous_client):
    make_question(title="Oldest question?")
    for number in range(20):
        make_question(title=f"Question {number:02d}?")

    first = anonymous_client.get("/en/questions/")
    second = anonymous_client.get("/en/questions/?page=2")

    assert len(titles(first)) == 20
    assert titles(second) == ["Oldest question?"]
    assert "21 questions" in first.content.decode()


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),
        ("other_city_member", True),
        ("network_coordinator", True),
        ("staff", True),
    ],
)
def test_question_list_shows_members_only_questions_to_members_only(
    client_for, question, members_question, role, shown
):
    response = client_for(role).get("/en/questions/")

    expected = {question.title, members_question.title} if shown else {question.title}
    assert set(titles(response)) == expected


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),
        ("other_city_coordinator", True),
        ("network_coordinator", False),
        ("staff", False),
    ],
)
def test_question_list_offers_to_ask_to_approved_members(client_for, role, shown):
    html = client_for(role).get("/en/questions/").content.decode()

    assert ('href="/en/questions/ask/"' in html) is shown


# --- Detail ------------------------------------------------------------------------------------


def test_question_detail_shows_question_context_and_answers(anonymous_client, question):
    installation = make_project(city="gothenburg", title="Temporary installation")
    make_answer(
        question=question,
        city="gothenburg",
        body="We tried a *summer* installation.",
        projects=(installation,),
    )
    make_answer(question=question, city="umea", body="We count who uses the place.")

    html = anonymous_client.get(question.get_absolute_url()).content.decode()

    assert '<h1 lang="en">How do you make a square work for every use?</h1>' in html
    assert "We test furniture <strong>before</strong> the works." in html
    assert "2 answers" in html
    assert "We tried a <em>summer</em> installation." in html
    assert (
        f'<a href="{installation.get_absolute_url()}" lang="en">Temporary installation</a>'
        " (Gothenburg)" in html
    )
    assert html.index("Gothenburg</strong>") < html.index("Umeå</strong>")


def test_question_detail_sanitises_the_context(anonymous_client, member):
    question = make_question(author=member, context="<script>alert(1)</script>Hello")

    html = anonymous_client.get(question.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html


def test_question_detail_shows_the_summary_of_a_closed_question(anonymous_client, member):
    closed = make_question(author=member, closed=True, summary="Test **before** the works.")

    html = anonymous_client.get(closed.get_absolute_url()).content.decode()

    assert "What we learned" in html
    assert "Test <strong>before</strong> the works." in html
    assert 'action="/en/questions/' not in html  # no answer or close form


def test_question_detail_hides_a_members_only_project_linked_by_an_answer(
    anonymous_client, question
):
    secret = make_project(city="gothenburg", title="Secret plan", visibility=Visibility.MEMBERS)
    make_answer(question=question, projects=(secret,))

    html = anonymous_client.get(question.get_absolute_url()).content.decode()

    assert "Secret plan" not in html


def test_question_detail_hides_a_members_only_project_the_question_is_about(
    anonymous_client, member
):
    secret = make_project(title="Secret district plan", visibility=Visibility.MEMBERS)
    question = make_question(author=member, project=secret)

    html = anonymous_client.get(question.get_absolute_url()).content.decode()

    assert "Secret district plan" not in html
    assert secret.get_absolute_url() not in html


def test_question_detail_links_a_members_only_project_for_members(login, other_city_member):
    secret = make_project(title="Secret district plan", visibility=Visibility.MEMBERS)
    question = make_question(project=secret)

    html = login(other_city_member).get(question.get_absolute_url()).content.decode()

    assert f'<a href="{secret.get_absolute_url()}" lang="en">Secret district plan</a>' in html


def test_question_detail_links_a_public_project_the_question_is_about(anonymous_client, member):
    project = make_project(title="Place de la Grille")
    question = make_question(author=member, project=project)

    html = anonymous_client.get(question.get_absolute_url()).content.decode()

    assert f'<a href="{project.get_absolute_url()}" lang="en">Place de la Grille</a>' in html


def test_question_detail_offers_the_answer_form_to_other_cities_only(
    login, question, member, other_city_member
):
    own = login(member).get(question.get_absolute_url()).content.decode()
    peer = login(other_city_member).get(question.get_absolute_url()).content.decode()

    assert f'action="/en/questions/{question.slug}/answers/"' not in own
    assert f'action="/en/questions/{question.slug}/answers/"' in peer


def test_question_detail_offers_useful_marks_to_the_asking_city_until_marked(
    login, question, member, city_coordinator
):
    answer = make_answer(question=question)
    make_useful_mark(answer=answer, user=city_coordinator)
    action = f'action="/en/questions/{question.slug}/answers/{answer.pk}/useful/"'

    unmarked = login(member).get(question.get_absolute_url()).content.decode()
    marked = login(city_coordinator).get(question.get_absolute_url()).content.decode()

    assert action in unmarked
    assert "1 person found this useful" in unmarked
    assert action not in marked
    assert "You found this useful" in marked


# --- Ask ---------------------------------------------------------------------------------------


def test_question_ask_creates_the_question_and_shows_it(member_client, member):
    response = member_client.post("/en/questions/ask/", question_form_data())

    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/questions/{question.slug}/"
    assert (question.author, question.city.slug, question.visibility) == (
        member,
        "saint-brieuc",
        Visibility.PUBLIC,
    )
    assert messages_of(response) == ["Your question was sent to the network."]


def test_question_ask_links_a_project_of_the_asking_city(member_client):
    project = make_project(title="Place de la Grille")

    member_client.post("/en/questions/ask/", question_form_data(project=str(project.pk)))

    assert Question.objects.get().project == project


def test_question_ask_prefills_the_project_from_the_query_string(member_client):
    project = make_project(title="Place de la Grille")

    html = member_client.get(f"/en/questions/ask/?project={project.slug}").content.decode()

    assert f'<option value="{project.pk}" selected>' in html


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"themes": []}, "themes", "Choose at least one theme."),
        ({"city": "gothenburg"}, "city", "You can only ask on behalf of your own city."),
        ({"visibility": "secret"}, "visibility", "Select a valid choice."),
    ],
)
def test_question_ask_rejects_bad_input_and_saves_nothing(member_client, fields, field, error):
    if fields.get("city"):
        fields["city"] = str(get_city(fields["city"]).pk)

    response = member_client.post("/en/questions/ask/", question_form_data(**fields))

    assert response.status_code == 200
    assert error in response.context["form"].errors[field][0]
    assert Question.objects.count() == 0


def test_question_ask_refuses_a_project_of_another_city(member_client):
    elsewhere = make_project(city="gothenburg", title="Gothenburg project")

    response = member_client.post(
        "/en/questions/ask/", question_form_data(project=str(elsewhere.pk))
    )

    assert response.status_code == 200
    assert "project" in response.context["form"].errors
    assert Question.objects.count() == 0


def test_question_ask_refuses_a_project_of_the_askers_other_city(login):
    both = make_member(city="saint-brieuc")
    make_membership(user=both, city="gothenburg")
    elsewhere = make_project(city="gothenburg", title="Gothenburg project")

    response = login(both).post("/en/questions/ask/", question_form_data(project=str(elsewhere.pk)))

    assert response.context["form"].errors["project"] == [
        "Choose a project of the city you ask for."
    ]
    assert Question.objects.count() == 0


# --- Answer ------------------------------------------------------------------------------------


def test_question_answer_posts_for_the_answerers_city_with_its_projects(
    login, question, other_city_member
):
    installation = make_project(city="gothenburg", title="Temporary installation")

    response = login(other_city_member).post(
        f"/en/questions/{question.slug}/answers/",
        answer_form_data(projects=[str(installation.pk)]),
    )

    answer = Answer.objects.get()
    assert response["Location"] == f"/en/questions/{question.slug}/#answer-{answer.pk}"
    assert (answer.city.slug, answer.author, list(answer.projects.all())) == (
        "gothenburg",
        other_city_member,
        [installation],
    )


def test_question_answer_from_the_asking_city_is_refused_with_a_message(
    login, question, city_coordinator
):
    response = login(city_coordinator).post(
        f"/en/questions/{question.slug}/answers/",
        answer_form_data(city=str(get_city("saint-brieuc").pk)),
    )

    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert messages_of(response) == ["You cannot answer your own city's question: peers answer it."]
    assert Answer.objects.count() == 0


def test_question_answer_refuses_a_project_of_another_city(login, question, other_city_member):
    umea = make_project(city="umea", title="Umeå project")

    response = login(other_city_member).post(
        f"/en/questions/{question.slug}/answers/", answer_form_data(projects=[str(umea.pk)])
    )

    assert response.status_code == 400
    assert "projects" in response.context["form"].errors
    assert Answer.objects.count() == 0


def test_question_answer_refuses_an_empty_answer(login, question, other_city_member):
    response = login(other_city_member).post(
        f"/en/questions/{question.slug}/answers/", answer_form_data(body="")
    )

    assert response.status_code == 400
    assert response.context["form"].errors["body"] == ["This field is required."]
    assert Answer.objects.count() == 0


def test_question_answer_to_a_closed_question_is_forbidden(login, member, other_city_member):
    closed = make_question(author=member, closed=True)

    response = login(other_city_member).post(
        f"/en/questions/{closed.slug}/answers/", answer_form_data()
    )

    assert response.status_code == 403
    assert Answer.objects.count() == 0


def test_question_answer_edit_updates_the_authors_answer(login, question, other_city_member):
    answer = make_answer(question=question, author=other_city_member, body="First words.")
    client = login(other_city_member)

    page = client.get(f"/en/questions/{question.slug}/answers/{answer.pk}/edit/")
    response = client.post(
        f"/en/questions/{question.slug}/answers/{answer.pk}/edit/",
        answer_form_data(body="Better words."),
    )

    answer.refresh_from_db()
    assert page.status_code == 200
    assert response["Location"] == f"/en/questions/{question.slug}/#answer-{answer.pk}"
    assert answer.body == "Better words."
    assert answer.edited_at is not None


# --- Useful, close, edit -----------------------------------------------------------------------


def test_question_useful_mark_is_recorded_once_with_a_message_the_second_time(
    member_client, question, member
):
    answer = make_answer(question=question)
    path = f"/en/questions/{question.slug}/answers/{answer.pk}/useful/"

    first = member_client.post(path)
    second = member_client.post(path)

    assert first["Location"] == f"/en/questions/{question.slug}/#answer-{answer.pk}"
    assert messages_of(first) == ["Marked as useful. Thank you!"]
    # The first message was never displayed (no redirect followed): both are queued.
    assert messages_of(second)[-1] == "You already marked this answer as useful."
    assert list(UsefulMark.objects.values_list("user", flat=True)) == [member.pk]


def test_question_useful_mark_from_another_city_is_forbidden(login, question, other_city_member):
    answer = make_answer(question=question, city="umea")

    response = login(other_city_member).post(
        f"/en/questions/{question.slug}/answers/{answer.pk}/useful/"
    )

    assert response.status_code == 403
    assert UsefulMark.objects.count() == 0


def test_question_close_by_the_asker_keeps_the_summary(member_client, question):
    response = member_client.post(
        f"/en/questions/{question.slug}/close/", {"summary": "Test before the works."}
    )

    question.refresh_from_db()
    assert response["Location"] == question.get_absolute_url()
    assert (question.is_open, question.summary) == (False, "Test before the works.")
    assert messages_of(response) == [
        "The question is closed. Thank you for sharing what you learned."
    ]


def test_question_close_without_summary_leaves_it_open(member_client, question):
    response = member_client.post(f"/en/questions/{question.slug}/close/", {"summary": ""})

    question.refresh_from_db()
    assert messages_of(response) == ["Say what you learned when you close the question."]
    assert (question.is_open, question.summary) == (True, "")


def test_question_edit_by_the_asker_saves_the_changes(member_client, question):
    response = member_client.post(
        f"/en/questions/{question.slug}/edit/",
        question_edit_data(question, title="A clearer question?", visibility=Visibility.MEMBERS),
    )

    question.refresh_from_db()
    assert response["Location"] == f"/en/questions/{question.slug}/"
    assert (question.title, question.visibility) == ("A clearer question?", Visibility.MEMBERS)


def test_question_edit_cannot_move_the_question_to_another_city(login, question, member):
    make_membership(user=member, city="gothenburg")

    login(member).post(
        f"/en/questions/{question.slug}/edit/",
        question_edit_data(question, city=str(get_city("gothenburg").pk)),
    )

    question.refresh_from_db()
    assert question.city.slug == "saint-brieuc"


@pytest.mark.parametrize("role", ["network_coordinator", "staff", "superuser"])
def test_question_edit_by_a_moderator_is_refused_and_changes_nothing(client_for, question, role):
    # The asker's words are theirs: moderators may close a question, not rewrite it.
    response = client_for(role).post(
        f"/en/questions/{question.slug}/edit/",
        question_edit_data(question, title="Moderated title?"),
    )

    question.refresh_from_db()
    assert response.status_code == 403
    assert question.title == "How do you make a square work for every use?"
