"""Every question page, and every page that shows questions, runs a fixed number of queries:
with 1 question as with 60, with 1 answer as with 30. The counts are exact, measured without the
content types cached, as in a fresh process."""

import re

import pytest

from tests.factories import (
    bulk_projects,
    bulk_questions,
    make_answer,
    make_member,
    make_project,
    make_question,
    make_useful_mark,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card question-card">')
ANSWER = re.compile(r'<article class="comment" id="answer-')


def cards(response) -> int:
    return len(CARD.findall(response.content.decode()))


@pytest.fixture(autouse=True)
def _cold_content_types():
    """The follow buttons read content types: count the query a fresh process makes."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _warm_glossary():
    """Texts mark glossary terms from an index a process reads once per glossary version (one
    query, then none): count the pages as they run every time but the first."""
    from languages.terms import term_index

    term_index()


@pytest.fixture(params=[1, 60], ids=["1-question", "60-questions"])
def questions(request, member):
    """``param`` public questions (half of Saint-Brieuc, half of Gothenburg), each answered."""
    return bulk_questions(request.param, answers=2)


@pytest.fixture(params=[1, 30], ids=["1-answer", "30-answers"])
def answered(request, member, city_coordinator):
    """Saint-Brieuc's question with ``param`` answers, each linking two projects and marked."""
    question = make_question(author=member, title="Answered question?")
    projects = bulk_projects(2, cities=("umea",))
    for number in range(request.param):
        answer = make_answer(
            question=question, city="umea", body=f"Answer {number}.", projects=projects
        )
        make_useful_mark(answer=answer, user=city_coordinator)
    return question


# --- Question pages ----------------------------------------------------------------------------


def test_question_list_budget_anonymous(anonymous_client, questions, django_assert_num_queries):
    # with the translations of the cards and, once per process, the content type of questions,
    # which the translations are keyed by
    with django_assert_num_queries(7):
        response = anonymous_client.get("/en/questions/")

    assert cards(response) == min(len(questions), 20)


def test_question_list_budget_member(member_client, questions, django_assert_num_queries):
    with django_assert_num_queries(10):  # with the translations of the cards
        response = member_client.get("/en/questions/?country=FR&state=answered")

    assert cards(response) == min((len(questions) + 1) // 2, 20)


def test_question_detail_budget_anonymous(anonymous_client, answered, django_assert_num_queries):
    # with the translations of the question, its answers and their projects, and once per
    # process the content type of answers
    with django_assert_num_queries(6):
        response = anonymous_client.get(answered.get_absolute_url())

    assert len(ANSWER.findall(response.content.decode())) == answered.answers.count()


def test_question_detail_budget_asking_member(member_client, answered, django_assert_num_queries):
    with django_assert_num_queries(10):  # with the translations of the page
        response = member_client.get(answered.get_absolute_url())

    html = response.content.decode()
    assert len(ANSWER.findall(html)) == answered.answers.count()
    assert html.count("1 person found this useful") == answered.answers.count()


def test_question_detail_budget_answering_member(
    login, other_city_member, answered, django_assert_num_queries
):
    bulk_projects(40, cities=("gothenburg",))
    client = login(other_city_member)

    # with the translations of the page and, once per process, the content type of answers
    with django_assert_num_queries(14):
        response = client.get(answered.get_absolute_url())

    assert 'id="answer-form-heading"' in response.content.decode()


@pytest.mark.parametrize("size", [1, 40], ids=["1-project", "40-projects"])
def test_question_ask_budget(member_client, size, django_assert_num_queries):
    bulk_projects(size, cities=("saint-brieuc",))

    with django_assert_num_queries(7):
        response = member_client.get("/en/questions/ask/")

    html = response.content.decode()
    assert len(re.findall(r'<option value="\d+">Bulk project', html)) == size


def test_question_edit_budget(member_client, answered, django_assert_num_queries):
    with django_assert_num_queries(8):
        response = member_client.get(f"/en/questions/{answered.slug}/edit/")

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 40], ids=["1-project", "40-projects"])
def test_question_answer_edit_budget(
    login, other_city_member, member, size, django_assert_num_queries
):
    question = make_question(author=member)
    answer = make_answer(question=question, author=other_city_member)
    bulk_projects(size, cities=("gothenburg",))
    client = login(other_city_member)

    with django_assert_num_queries(9):
        response = client.get(f"/en/questions/{question.slug}/answers/{answer.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Gothenburg: Bulk project") == size


# --- Pages that show questions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "shown", "queries"),
    [
        # with the translations of the question cards, and the activity's recent answers
        ("/en/", 4, 9),
        # With the translations of the question cards and, once per process, the content type
        # of questions. The theme page reads it already.
        ("/en/cities/saint-brieuc/", 6, 10),  # with the map's cities
        ("/en/themes/public-spaces/", 6, 8),  # with the translations
        # with the translations of the cards, the glossary and tag translations that the query
        # expansion reads once per version
        ("/en/search/?q=bulk", 10, 8),
    ],
    ids=["home", "city", "theme", "search"],
)
def test_pages_with_questions_budget_anonymous(
    anonymous_client, questions, path, shown, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        response = anonymous_client.get(path)

    in_city = (len(questions) + 1) // 2
    assert cards(response) == min(in_city if "cities" in path else len(questions), shown)


@pytest.mark.parametrize(
    ("path", "shown", "queries"),
    [
        # with the translations of the question cards, and the activity's recent comments and
        # answers
        ("/en/", 4, 14),
        # The translations of the question cards, and once per process the content type of
        # questions (the theme page reads it already).
        ("/en/cities/saint-brieuc/", 6, 17),  # with the map's cities, the partner searches
        ("/en/themes/public-spaces/", 6, 13),
        ("/en/search/?q=bulk", 10, 11),  # with the translations
    ],
    ids=["home", "city", "theme", "search"],
)
def test_pages_with_questions_budget_member(
    member_client, questions, path, shown, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        response = member_client.get(path)

    in_city = (len(questions) + 1) // 2
    assert cards(response) == min(in_city if "cities" in path else len(questions), shown)


def test_project_page_with_questions_budget(
    member_client, member, questions, django_assert_num_queries
):
    project = make_project(author=member, title="Asked about")
    for number in range(min(len(questions), 8)):
        make_question(author=member, project=project, title=f"About it {number}?")
    make_member(city="umea")

    # with the translations of the question cards, once per process the content type of
    # questions, the tag translations the peer matches' reasons read once per version, and the
    # open partner searches about the project, and the methods and tools it used
    with django_assert_num_queries(23):
        response = member_client.get(project.get_absolute_url())

    assert cards(response) == min(len(questions), 6)
