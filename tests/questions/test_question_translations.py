"""A French question read on the Swedish pages: its title, context and summary and its answers
in Swedish where a member translated them, each with its ``lang`` and its provenance, the
original one click away, a stale translation marked, and the same number of queries with or
without translations."""

import re
from html import escape

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from languages.models import Translation
from languages.services import save_translation
from projects.models import Project
from questions.models import Answer, Question
from tests.factories import bulk_questions, make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _warm_caches():
    """Content types and the glossary index are read once per process: count the pages as they
    run every time but the first."""
    from languages.terms import term_index

    ContentType.objects.get_for_models(Question, Answer, Project)
    term_index()


@pytest.fixture
def translator(db):
    """An approved planner of Umeå who reads French and Swedish."""
    return make_member(city="umea", full_name="Astrid Översättare", languages_spoken=["fr", "sv"])


@pytest.fixture
def question(db, member):
    """Saint-Brieuc asks in French; Gothenburg answers twice, in French."""
    question = make_question(
        author=member,
        title="Comment animer une place ?",
        slug="animer-une-place",
        context="Notre place est **vide** le soir.",
        content_language="fr",
    )
    make_answer(question=question, body="Nous avons essayé des bancs.", content_language="fr")
    make_answer(question=question, body="Un marché du soir.", content_language="fr")
    return question


def answers_of(question) -> list[Answer]:
    return list(question.answers.order_by("created_at", "pk"))


def translate_question(question, by) -> None:
    texts = {
        "title": "Hur levandegör man ett torg?",
        "context": "Vårt torg är **tomt** på kvällen.",
    }
    if question.summary:
        texts["summary"] = "Vi lärde oss att bänkar hjälper."
    save_translation(obj=question, language="sv", texts=texts, by=by)


def translate_answer(answer, by, number: int = 0) -> None:
    save_translation(
        obj=answer, language="sv", texts={"body": f"Vi provade bänkar {number}."}, by=by
    )


def provenance(obj, field: str) -> str:
    note = Translation.objects.filter(object_id=obj.pk, language="sv", field=field).get()
    with translation.override("sv"):
        return escape(note.provenance())


def answer_html(html: str, answer) -> str:
    start = html.index(f'id="answer-{answer.pk}"')
    return html[start : html.index("</article>", start)]


# --- The question page ---------------------------------------------------------------------


def test_the_swedish_page_shows_the_swedish_translation_with_its_language_and_provenance(
    anonymous_client, question, translator
):
    translate_question(question, translator)

    html = anonymous_client.get("/sv/questions/animer-une-place/").content.decode()

    assert '<h1 lang="sv">Hur levandegör man ett torg?</h1>' in html
    assert '<span aria-current="page" lang="sv">Hur levandegör man ett torg?</span>' in html
    assert '<div class="prose" lang="sv"><p>Vårt torg är <strong>tomt</strong> på kvällen.</p>' in (
        html
    )
    assert provenance(question, "title") in html
    assert "Astrid Översättare" in html
    assert 'href="/sv/questions/animer-une-place/?original=1#question-text"' in html
    assert "Comment animer une place" not in html


def test_the_summary_of_a_closed_question_is_translated(anonymous_client, member, translator):
    question = make_question(
        author=member,
        slug="fermee",
        title="Question fermée ?",
        content_language="fr",
        closed=True,
        summary="Nous avons appris que les bancs aident.",
    )
    translate_question(question, translator)

    html = anonymous_client.get("/sv/questions/fermee/").content.decode()

    assert '<div class="prose" lang="sv"><p>Vi lärde oss att bänkar hjälper.</p></div>' in html
    original = anonymous_client.get("/sv/questions/fermee/?original=1").content.decode()
    assert '<div class="prose" lang="fr"><p>Nous avons appris que les bancs aident.</p></div>' in (
        original
    )


def test_the_original_is_one_click_away(anonymous_client, question, translator):
    translate_question(question, translator)
    for answer in answers_of(question):
        translate_answer(answer, translator)

    html = anonymous_client.get("/sv/questions/animer-une-place/?original=1").content.decode()

    assert '<h1 lang="fr">Comment animer une place ?</h1>' in html
    assert '<div class="prose" lang="fr"><p>Nous avons essayé des bancs.</p></div>' in html
    assert "Hur levandegör" not in html
    assert "Vi provade" not in html
    assert 'href="/sv/questions/animer-une-place/#question-text"' in html


def test_answers_are_shown_translated_with_a_compact_provenance_line(
    anonymous_client, question, translator
):
    first, second = answers_of(question)
    translate_answer(first, translator)

    html = anonymous_client.get("/sv/questions/animer-une-place/").content.decode()

    translated = answer_html(html, first)
    assert '<div class="prose" lang="sv"><p>Vi provade bänkar 0.</p></div>' in translated
    assert provenance(first, "body") in translated
    assert f'href="?original=1#answer-{first.pk}"' in translated
    assert "Nous avons essayé" not in html
    untouched = answer_html(html, second)
    assert '<div class="prose" lang="fr"><p>Un marché du soir.</p></div>' in untouched
    assert "translation-note" not in untouched


def test_a_changed_original_marks_the_translation_out_of_date(
    anonymous_client, question, translator
):
    translate_question(question, translator)
    first, _second = answers_of(question)
    translate_answer(first, translator)
    assert 'class="stale"' not in anonymous_client.get(question.get_absolute_url()).content.decode()

    Question.objects.filter(pk=question.pk).update(title="Comment animer une rue ?")
    Answer.objects.filter(pk=first.pk).update(body="Nous avons essayé des arbres.")

    html = anonymous_client.get("/sv/questions/animer-une-place/").content.decode()
    note = html[html.index('<div class="translation-note"') :]
    assert '<strong class="stale">' in note[: note.index("</div>")]
    assert '<strong class="stale">' in answer_html(html, first)
    assert '<h1 lang="sv">Hur levandegör man ett torg?</h1>' in html


def test_translators_get_a_translate_link_per_answer(login, question, translator):
    first, second = answers_of(question)
    translate_answer(first, translator)

    html = login(translator).get("/sv/questions/animer-une-place/").content.decode()

    for answer in (first, second):
        assert (
            f'href="/sv/translations/questions.answer/{answer.pk}/sv/'
            f'?next=%2Fsv%2Fquestions%2Fanimer-une-place%2F%23answer-{answer.pk}"'
        ) in answer_html(html, answer)


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_others_get_no_translate_link(login, member, question, who):
    """A visitor cannot translate; a member whose profile lists no languages cannot either."""
    client = login(member if who == "member" else None)

    html = client.get("/sv/questions/animer-une-place/").content.decode()

    assert "/translations/questions.answer/" not in html


# --- Cards and lists -----------------------------------------------------------------------


def test_the_question_list_shows_translated_titles(anonymous_client, question, translator):
    translate_question(question, translator)

    html = anonymous_client.get("/sv/questions/").content.decode()

    assert (
        '<a href="/sv/questions/animer-une-place/" lang="sv">Hur levandegör man ett torg?</a>'
        in html
    )
    french = anonymous_client.get("/fr/questions/").content.decode()
    assert 'lang="fr">Comment animer une place ?</a>' in french


def test_question_cards_on_a_city_page_show_translated_titles(
    anonymous_client, question, translator
):
    translate_question(question, translator)

    html = anonymous_client.get("/sv/cities/saint-brieuc/").content.decode()

    assert (
        '<a href="/sv/questions/animer-une-place/" lang="sv">Hur levandegör man ett torg?</a>'
        in html
    )


# --- Query counts --------------------------------------------------------------------------

DETAIL_QUERIES = 13  # measured, for a translator: the same with no translation as with many
LIST_QUERIES = 6


@pytest.mark.parametrize("translated", [0, 1, 25], ids=["none", "1", "many"])
def test_question_detail_queries_do_not_grow_with_translations(
    login, member, translator, translated, django_assert_num_queries
):
    question = make_question(author=member, slug="many-answers", content_language="fr")
    answers = [
        make_answer(question=question, body=f"Réponse {number}.", content_language="fr")
        for number in range(30)
    ]
    if translated:
        translate_question(question, translator)
    for number, answer in enumerate(answers[: max(translated - 1, 0)]):
        translate_answer(answer, translator, number)
    client = login(translator)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get("/sv/questions/many-answers/")

    html = response.content.decode()
    assert html.count('<article class="comment" id="answer-') == 30
    assert html.count('<div class="prose" lang="sv"><p>Vi provade') == max(translated - 1, 0)
    assert html.count("/translations/questions.answer/") == 30


@pytest.mark.parametrize("translated", [0, 1, 20], ids=["none", "1", "many"])
def test_question_list_queries_do_not_grow_with_translations(
    anonymous_client, translator, translated, django_assert_num_queries
):
    questions = bulk_questions(25, answers=1, content_language="fr")
    for question in Question.objects.order_by("-created_at")[:translated]:
        translate_question(question, translator)

    with django_assert_num_queries(LIST_QUERIES):
        response = anonymous_client.get("/sv/questions/")

    html = response.content.decode()
    assert len(re.findall(r'<li class="card question-card">', html)) == 20
    assert html.count('lang="sv">Hur levandegör man ett torg?</a>') == translated
    assert len(questions) == 25
