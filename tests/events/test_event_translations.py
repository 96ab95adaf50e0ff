"""A French event read on the Swedish pages: its title, description and agenda in Swedish where
a member translated them, each with its ``lang`` and its provenance, the original one click
away, a stale translation marked, and the same number of queries with or without translations.
"""

import re
from html import escape

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from events.models import AgendaItem, Event
from languages.models import Translation
from languages.services import save_translation
from projects.models import Project
from tests.factories import in_days, make_agenda_item, make_event, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _warm_caches():
    """Content types and the glossary index are read once per process: count the pages as they
    run every time but the first."""
    from languages.terms import term_index

    ContentType.objects.get_for_models(Event, AgendaItem, Project)
    term_index()


@pytest.fixture
def translator(db):
    """An approved planner of Umeå who reads French and Swedish."""
    return make_member(city="umea", full_name="Astrid Översättare", languages_spoken=["fr", "sv"])


@pytest.fixture
def seminar(db):
    """A French seminar with a two-item agenda."""
    event = make_event(
        title="Séminaire sur l'espace public",
        slug="seminaire",
        description="Une journée **ensemble** sur les places.",
        content_language="fr",
        starts_at=in_days(30, 9),
    )
    make_agenda_item(
        event=event,
        title="Visite de la place",
        description="Départ devant la mairie.",
        starts_at=in_days(30, 9),
    )
    make_agenda_item(event=event, title="Atelier", starts_at=in_days(30, 11))
    return event


def items_of(event) -> list[AgendaItem]:
    return list(event.agenda.order_by("starts_at"))


def translate_event(event, by) -> None:
    save_translation(
        obj=event,
        language="sv",
        texts={"title": "Seminarium om offentliga rum", "description": "En dag **tillsammans**."},
        by=by,
    )


def translate_item(item, by, number: int = 0) -> None:
    texts = {"title": f"Besök på torget {number}"}
    if item.description:
        texts["description"] = "Start framför stadshuset."
    save_translation(obj=item, language="sv", texts=texts, by=by)


def provenance(obj) -> str:
    """The provenance line of ``obj``'s Swedish translation, as a Swedish page writes it."""
    note = Translation.objects.filter(object_id=obj.pk, language="sv", field="title").get()
    with translation.override("sv"):
        return escape(note.provenance())


def agenda_item_html(html: str, item) -> str:
    start = html.index(f'id="agenda-item-{item.pk}"')
    return html[start : html.index("</li>", start)]


# --- The event page ------------------------------------------------------------------------


def test_the_swedish_page_shows_the_swedish_translation_with_its_language_and_provenance(
    anonymous_client, seminar, translator
):
    translate_event(seminar, translator)

    html = anonymous_client.get("/sv/events/seminaire/").content.decode()

    assert '<h1 lang="sv">Seminarium om offentliga rum</h1>' in html
    assert '<span aria-current="page" lang="sv">Seminarium om offentliga rum</span>' in html
    assert '<div class="prose" lang="sv"><p>En dag <strong>tillsammans</strong>.</p>' in html
    assert "<title>Seminarium om offentliga rum" in html
    assert provenance(seminar) in html
    assert "Astrid Översättare" in html
    assert 'href="/sv/events/seminaire/?original=1#event-text"' in html
    assert "Séminaire sur l" not in html
    assert "stale" not in html


def test_the_original_is_one_click_away(anonymous_client, seminar, translator):
    translate_event(seminar, translator)
    for item in items_of(seminar):
        translate_item(item, translator)

    html = anonymous_client.get("/sv/events/seminaire/?original=1").content.decode()

    assert '<h1 lang="fr">Séminaire sur l&#x27;espace public</h1>' in html
    assert '<div class="prose" lang="fr"><p>Une journée <strong>ensemble</strong>' in html
    assert '<strong lang="fr" id="agenda-item-' in html
    assert "Visite de la place" in html
    assert "Seminarium om offentliga rum" not in html
    assert "Besök på torget" not in html
    # And back to the translation, at the same place.
    assert 'href="/sv/events/seminaire/#event-text"' in html


def test_the_french_page_shows_the_original(anonymous_client, seminar, translator):
    translate_event(seminar, translator)

    html = anonymous_client.get("/fr/events/seminaire/").content.decode()

    assert '<h1 lang="fr">Séminaire sur l&#x27;espace public</h1>' in html
    assert "Seminarium om offentliga rum" not in html


def test_an_untranslated_event_stays_in_its_language_on_the_swedish_page(anonymous_client, seminar):
    html = anonymous_client.get("/sv/events/seminaire/").content.decode()

    assert '<h1 lang="fr">Séminaire sur l&#x27;espace public</h1>' in html
    assert '<strong lang="fr" id="agenda-item-' in html
    assert '<p lang="fr">Départ devant la mairie.</p>' in html
    assert 'class="muted translation-note"' not in html


def test_agenda_items_are_shown_translated_with_a_compact_provenance_line(
    anonymous_client, seminar, translator
):
    visit, workshop = items_of(seminar)
    translate_item(visit, translator)

    html = anonymous_client.get("/sv/events/seminaire/").content.decode()

    translated = agenda_item_html(html, visit)
    assert f'<strong lang="sv" id="agenda-item-{visit.pk}-title">Besök på torget 0</strong>' in (
        translated
    )
    assert '<p lang="sv">Start framför stadshuset.</p>' in translated
    assert provenance(visit) in translated
    assert f'href="?original=1#agenda-item-{visit.pk}"' in translated
    assert "Visite de la place" not in html
    untouched = agenda_item_html(html, workshop)
    assert f'<strong lang="fr" id="agenda-item-{workshop.pk}-title">Atelier</strong>' in untouched
    assert "translation-note" not in untouched


def test_a_changed_original_marks_the_translation_out_of_date(
    anonymous_client, seminar, translator
):
    translate_event(seminar, translator)
    visit, _workshop = items_of(seminar)
    translate_item(visit, translator)
    page = anonymous_client.get("/sv/events/seminaire/").content.decode()
    assert 'class="stale"' not in page

    Event.objects.filter(pk=seminar.pk).update(description="Une journée sur les rues.")
    AgendaItem.objects.filter(pk=visit.pk).update(title="Visite de la rue")

    html = anonymous_client.get("/sv/events/seminaire/").content.decode()
    note = html[html.index('<div class="translation-note"') :]
    assert '<strong class="stale">' in note[: note.index("</div>")]
    assert '<strong class="stale">' in agenda_item_html(html, visit)
    # Still the translation, until someone updates it.
    assert '<h1 lang="sv">Seminarium om offentliga rum</h1>' in html


def test_translators_get_a_translate_link_per_agenda_item(login, seminar, translator):
    visit, workshop = items_of(seminar)
    translate_item(visit, translator)

    html = login(translator).get("/sv/events/seminaire/").content.decode()

    for item in (visit, workshop):
        assert (
            f'href="/sv/translations/events.agendaitem/{item.pk}/sv/'
            f'?next=%2Fsv%2Fevents%2Fseminaire%2F%23agenda-item-{item.pk}"'
        ) in agenda_item_html(html, item)
    assert f'aria-describedby="agenda-item-{workshop.pk}-title"' in html


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_others_get_no_translate_link(login, member, seminar, who):
    """A visitor cannot translate; a member whose profile lists no languages cannot either."""
    client = login(member if who == "member" else None)

    html = client.get("/sv/events/seminaire/").content.decode()

    assert "/translations/events.agendaitem/" not in html


def test_no_translate_link_into_the_items_own_language(login, seminar, translator):
    html = login(translator).get("/fr/events/seminaire/").content.decode()

    assert "/translations/events.agendaitem/" not in html


# --- Cards and lists -----------------------------------------------------------------------


def test_the_event_list_shows_translated_titles_in_the_readers_language(
    anonymous_client, seminar, translator
):
    translate_event(seminar, translator)
    make_event(title="Rundvandring i Umeå", content_language="sv", starts_at=in_days(31))

    html = anonymous_client.get("/sv/events/").content.decode()

    assert '<a href="/sv/events/seminaire/" lang="sv">Seminarium om offentliga rum</a>' in html
    assert 'lang="sv">Rundvandring i Umeå</a>' in html
    french = anonymous_client.get("/fr/events/").content.decode()
    assert 'lang="fr">Séminaire sur l&#x27;espace public</a>' in french


def test_event_cards_on_a_city_page_show_translated_titles(anonymous_client, seminar, translator):
    translate_event(seminar, translator)

    html = anonymous_client.get("/sv/cities/saint-brieuc/").content.decode()

    assert '<a href="/sv/events/seminaire/" lang="sv">Seminarium om offentliga rum</a>' in html


# --- Query counts --------------------------------------------------------------------------

DETAIL_QUERIES = 16  # measured, for a translator: the same with no translation as with many
LIST_QUERIES = 11


def _translated(event, by, translated: int) -> None:
    """Nothing, the event, or the event and ``translated`` - 1 of its agenda items."""
    if translated:
        translate_event(event, by)
    for number, item in enumerate(items_of(event)[: max(translated - 1, 0)]):
        translate_item(item, by, number)


@pytest.mark.parametrize("translated", [0, 1, 25], ids=["none", "1", "many"])
def test_event_detail_queries_do_not_grow_with_translations(
    login, translator, translated, django_assert_num_queries
):
    event = make_event(
        slug="long-seminar",
        content_language="fr",
        starts_at=in_days(30, 8),
        ends_at=in_days(30, 20),
    )
    for number in range(30):
        make_agenda_item(
            event=event,
            title=f"Point {number}",
            description=f"Détail {number}.",
            starts_at=in_days(30, 8, number),
        )
    _translated(event, translator, translated)
    client = login(translator)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get("/sv/events/long-seminar/")

    html = response.content.decode()
    assert html.count('<li class="agenda-item') == 30
    assert html.count('<strong lang="sv"') == max(translated - 1, 0)
    assert html.count("/translations/events.agendaitem/") == 30


@pytest.mark.parametrize("translated", [0, 1, 20], ids=["none", "1", "many"])
def test_event_list_queries_do_not_grow_with_translations(
    login, translator, translated, django_assert_num_queries
):
    events = [
        make_event(title=f"Rencontre {day:02d}", content_language="fr", starts_at=in_days(day))
        for day in range(1, 26)
    ]
    for event in events[:translated]:
        translate_event(event, translator)
    client = login(translator)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/sv/events/")

    html = response.content.decode()
    assert len(re.findall(r'<li class="card event-card">', html)) == 20
    assert html.count('lang="sv">Seminarium om offentliga rum</a>') == translated


def test_an_event_in_the_readers_language_has_no_empty_translation_box(anonymous_client):
    """Nothing to say and nothing to offer: no translation note at all (it used to be an empty
    framed box under the title)."""
    event = make_event(title="Webinar on public spaces")  # written in English

    html = anonymous_client.get(f"/en/events/{event.slug}/").content.decode()
    french = anonymous_client.get(f"/fr/events/{event.slug}/").content.decode()

    assert 'class="translation-note"' not in html
    assert 'class="translation-note"' in french  # « Rédigé en anglais »
