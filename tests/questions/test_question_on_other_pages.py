"""Questions and answers show on the city, theme and project pages they touch, in search and in
the home page's activity; members-only questions only to those who may read them."""

import re

import pytest

from core.enums import Visibility
from tests.factories import make_answer, make_project, make_question

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card question-card">\s*<h3><a href="[^"]+"[^>]*>([^<]+)</a>')


def titles(response) -> list[str]:
    return CARD.findall(response.content.decode())


# --- City pages --------------------------------------------------------------------------------


def test_city_page_lists_the_citys_questions_open_first(anonymous_client, member):
    make_question(author=member, title="Open and old?")
    make_question(author=member, title="Closed and new?", closed=True)
    make_question(city="gothenburg", title="Gothenburg asks?")

    response = anonymous_client.get("/en/cities/saint-brieuc/")

    assert titles(response) == ["Open and old?", "Closed and new?"]


def test_city_page_lists_the_questions_the_city_answered(anonymous_client, member):
    question = make_question(author=member, title="Saint-Brieuc asks?")
    make_answer(question=question, city="gothenburg")

    response = anonymous_client.get("/en/cities/gothenburg/")

    assert titles(response) == ["Saint-Brieuc asks?"]


# --- Theme pages -------------------------------------------------------------------------------


def test_theme_page_lists_the_questions_on_the_theme_open_first(anonymous_client, member):
    make_question(author=member, title="Open square?")
    make_question(author=member, title="Closed square?", closed=True)
    make_question(author=member, title="Innovation?", themes=("innovation",))

    response = anonymous_client.get("/en/themes/public-spaces/")

    assert titles(response) == ["Open square?", "Closed square?"]


# --- Project pages -----------------------------------------------------------------------------


def test_project_page_lists_questions_about_it_and_answered_with_it(anonymous_client, member):
    grille = make_project(title="Place de la Grille")
    installation = make_project(city="gothenburg", title="Temporary installation")
    about = make_question(author=member, title="About the Grille?", project=grille)
    make_answer(question=about, projects=(installation,))
    make_question(author=member, title="Unrelated?")

    about_grille = anonymous_client.get(grille.get_absolute_url())
    answered_with = anonymous_client.get(installation.get_absolute_url())

    assert titles(about_grille) == ["About the Grille?"]
    assert titles(answered_with) == ["About the Grille?"]


def test_project_page_lists_a_question_once_when_several_answers_link_it(anonymous_client, member):
    installation = make_project(city="gothenburg", title="Temporary installation")
    question = make_question(author=member, title="Answered twice?")
    make_answer(question=question, projects=(installation,))
    make_answer(question=question, projects=(installation,))

    response = anonymous_client.get(installation.get_absolute_url())

    assert titles(response) == ["Answered twice?"]
    assert "2 answers" in response.content.decode()


# --- Search and home ---------------------------------------------------------------------------


def test_search_finds_questions_by_title_and_context(anonymous_client, member):
    make_question(author=member, title="How do you count users?", context="Benches and shade.")
    make_question(author=member, title="Shade in squares?", context="Trees.")
    make_question(author=member, title="Unrelated?", context="Nothing.")

    by_title = anonymous_client.get("/en/search/", {"q": "count users"})
    by_context = anonymous_client.get("/en/search/", {"q": "shade"})

    assert titles(by_title) == ["How do you count users?"]
    assert titles(by_context) == ["Shade in squares?", "How do you count users?"]


def test_search_finds_questions_by_the_words_of_their_answers(anonymous_client, member):
    question = make_question(author=member, title="How do you welcome everyone?")
    make_answer(question=question, body="Umeå reserves a place for a missing group.")

    response = anonymous_client.get("/en/search/", {"q": "reserves"})

    assert titles(response) == ["How do you welcome everyone?"]


def test_home_page_shows_the_four_latest_questions(anonymous_client, member):
    for number in range(5):
        make_question(author=member, title=f"Question {number}?")

    response = anonymous_client.get("/en/")

    assert titles(response) == ["Question 4?", "Question 3?", "Question 2?", "Question 1?"]
    assert 'href="/en/questions/"' in response.content.decode()


# --- Members-only questions --------------------------------------------------------------------


@pytest.fixture
def secret(member):
    """A members-only question of Saint-Brieuc on public spaces, about a public project and
    answered by Gothenburg with a public project of Gothenburg, with findable words."""
    grille = make_project(title="Place de la Grille")
    installation = make_project(city="gothenburg", title="Temporary installation")
    question = make_question(
        author=member,
        title="Confidential zebra question?",
        visibility=Visibility.MEMBERS,
        project=grille,
    )
    make_answer(question=question, body="We asked an okapi.", projects=(installation,))
    return question


def pages(secret) -> list[str]:
    grille = secret.project
    installation = secret.answers.get().projects.get()
    return [
        "/en/",
        "/en/questions/",
        "/en/cities/saint-brieuc/",
        "/en/cities/gothenburg/",
        "/en/themes/public-spaces/",
        grille.get_absolute_url(),
        installation.get_absolute_url(),
        "/en/search/?q=zebra",
        "/en/search/?q=okapi",  # a word of its answer
    ]


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_members_only_question_reaches_no_page_of_a_non_member(client_for, secret, role):
    client = client_for(role)

    for path in pages(secret):
        html = client.get(path).content.decode()
        assert "Confidential zebra question?" not in html, path
        assert secret.slug not in html, path


def test_members_only_question_shows_to_a_member_where_it_belongs(client_for, secret):
    client = client_for("other_city_member")

    hidden = [
        path
        for path in pages(secret)
        if "Confidential zebra question?" not in client.get(path).content.decode()
    ]

    assert hidden == []
