"""What a partner sheet says (funding.sheets.sheet_content), in a fixed number of queries, and
its two renderings: a tagged PDF and a Word document, in French, Swedish and English."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from docx import Document
from pypdf import PdfReader

from cities.enums import MembershipRole
from core.enums import Visibility
from events.enums import EventKind, RegistrationState
from funding import sheets
from funding.enums import InterestLevel
from languages.services import save_translation
from tests.budgets import warm_content_types
from tests.factories import (
    get_city,
    make_answer,
    make_event,
    make_membership,
    make_project,
    make_question,
    make_registration,
    make_user,
)
from tests.factories.sheets import (
    make_interest,
    make_partner_search,
    make_reply,
    sheet_call,
)

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def call():
    return sheet_call(title="Action planning networks", identifier="URBACT-IV-APN")


@pytest.fixture
def city():
    return get_city("saint-brieuc")


@pytest.fixture
def square(member, call):
    """Saint-Brieuc's project, named in its interest in the call; with soft-solution fields."""
    project = make_project(
        title="Expérimentation place de la Grille",
        summary="Réaménager une place en testant avant les travaux.",
        approach="Urbanisme **tactique** :\n\n- observation\n- ateliers",
        stakeholders="Les habitants, les commerçants.",
        lessons_learned="Tester coûte moins cher que refaire.",
        transferability="Tout à fait possible en Suède.",
        equity="Les enfants jouent de nouveau sur la place.",
        content_language="fr",
        author=member,
    )
    make_interest(call=call, city="saint-brieuc", level=InterestLevel.LEAD, projects=[project])
    return project


@pytest.fixture
def partners(call, square, other_city_member):
    """Gothenburg answered Saint-Brieuc's partner search for the call; Umeå is interested."""
    search = make_partner_search(call=call, city="saint-brieuc", author=square.author)
    make_reply(search=search, city="gothenburg", author=other_city_member)
    make_interest(call=call, city="umea", level=InterestLevel.WATCHING)
    return search


def test_the_content_presents_the_city_and_the_call(call, city, square, partners, member):
    content = sheets.sheet_content(call, city, "en")

    assert content["language"] == "en"
    assert content["city"]["name"] == "Saint-Brieuc"
    facts = dict(content["city"]["facts"])
    assert facts["Member body"] == "Saint-Brieuc Armor Agglomération"
    assert facts["Country"] == "France"
    assert facts["Approximate population"] == "44,000"
    assert content["call"]["title"]["text"] == "Action planning networks"
    call_facts = dict(content["call"]["facts"])
    assert call_facts["Programme"] == "URBACT"
    assert call_facts["Call or topic identifier"] == "URBACT-IV-APN"
    assert call_facts["Interest of the city"] == "Would lead"
    assert "(Brussels time): Full application" in call_facts["Deadlines"]
    assert content["document_title"] == ("Partner sheet: Saint-Brieuc – Action planning networks")


def test_the_partners_found_are_the_cities_that_answered_and_those_interested(call, city, partners):
    content = sheets.sheet_content(call, city, "en")

    assert [(row["city"], row["role"]) for row in content["replies"]] == [
        ("Gothenburg", "Partner sharing our temporary installations")
    ]
    assert content["replies"][0]["search"] == "A partner for street experiments"
    assert [(row["city"], row["level"]) for row in content["interested"]] == [("Umeå", "Watching")]
    # In French, Gothenburg goes by its French name.
    french = sheets.sheet_content(call, city, "fr")
    assert french["replies"][0]["city"] == "Göteborg"


def test_another_calls_searches_and_another_citys_are_not_partners_for_this_call(
    call, city, partners
):
    other_call = sheet_call()
    search = make_partner_search(call=other_call, city="saint-brieuc")
    make_reply(search=search, city="umea")
    strasbourg_search = make_partner_search(call=call, city="strasbourg")
    make_reply(search=strasbourg_search, city="linkoping")

    content = sheets.sheet_content(call, city, "en")

    assert [row["city"] for row in content["replies"]] == ["Gothenburg"]


def test_contacts_are_the_members_in_the_directory_without_any_address(
    call, city, member, city_coordinator, other_city_member
):
    hidden = make_user(full_name="Not Listed", in_directory=False)
    make_membership(user=hidden, city="saint-brieuc")
    gone = make_user(full_name="Gone Away", in_directory=True, is_active=False)
    make_membership(user=gone, city="saint-brieuc")
    listed_coordinator = make_user(
        full_name="Lena Listed", in_directory=True, job_title="Chargée de mission"
    )
    make_membership(user=listed_coordinator, city="saint-brieuc", role=MembershipRole.COORDINATOR)

    content = sheets.sheet_content(call, city, "en")

    assert [(c["name"], c["job_title"], c["role"]) for c in content["contacts"]] == [
        ("Lena Listed", "Chargée de mission", "City coordinator"),
        ("Yann Member", "Urban planner", "Urban planner / project officer"),
    ]
    rendered = repr(content)
    assert member.email not in rendered
    assert listed_coordinator.email not in rendered
    assert "@" not in rendered


def test_projects_named_for_the_call_come_first_then_public_ones_on_its_themes(
    call, city, square, member
):
    older = make_project(title="Public on the theme", themes=("public-spaces",))
    members_only = make_project(
        title="Members only on the theme", visibility=Visibility.MEMBERS, themes=("public-spaces",)
    )
    off_theme = make_project(title="Off the theme", themes=("energy-climate",))
    deleted = make_project(title="Deleted on the theme", themes=("public-spaces",))
    deleted.deleted_at = timezone.now()
    deleted.save()
    make_project(title="Gothenburg's on the theme", city="gothenburg")
    # A members-only project the city named for the call is its own choice: it is shown.
    square.visibility = Visibility.MEMBERS
    square.save()

    content = sheets.sheet_content(call, city, "en")

    titles = [project["title"]["text"] for project in content["projects"]]
    assert titles == ["Expérimentation place de la Grille", "Public on the theme"]
    assert members_only.title not in titles and off_theme.title not in titles
    first = content["projects"][0]
    assert first["named"] is True and content["projects"][1]["named"] is False
    assert first["title"]["lang"] == "fr"
    assert [field["label"] for field in first["fields"]] == [
        "How we organised and worked",
        "Stakeholders involved",
        "Lessons learned",
        "Transferability to the other country",
        "Equity: who benefits, who bears the costs",
    ]
    # Members' Markdown as plain paragraphs.
    assert first["fields"][0]["paragraphs"] == [
        "Urbanisme tactique :",
        "• observation",
        "• ateliers",
    ]
    assert first["url"] == "http://testserver/en/projects/" + square.slug + "/"
    assert older.pk


def test_at_most_six_projects(call, city):
    for number in range(8):
        make_project(title=f"On the theme {number}")

    assert len(sheets.sheet_content(call, city, "en")["projects"]) == 6


def test_past_cooperation_events_answers_and_bilateral_meetings(call, city, member):
    seminar = make_event(
        title="Annual seminar", starts_at=days_ago(40), ends_at=days_ago(39), host_city="umea"
    )
    make_registration(event=seminar, user=member)
    waiting = make_event(title="Waited for", starts_at=days_ago(30), ends_at=days_ago(29))
    make_registration(event=waiting, user=member, state=RegistrationState.WAITING)
    upcoming = make_event(title="Not yet")
    make_registration(event=upcoming, user=member)
    bilateral = make_event(
        title="Saint-Brieuc and Gothenburg",
        kind=EventKind.BILATERAL,
        host_city="gothenburg",
        cities=("saint-brieuc", "gothenburg"),
        starts_at=days_ago(10),
        ends_at=days_ago(9),
    )
    make_event(title="Others' meeting", kind=EventKind.BILATERAL, host_city="umea")
    asked = make_question(city="gothenburg", title="How do you run street tests?")
    make_answer(question=asked, city="saint-brieuc", author=member)
    own = make_question(city="saint-brieuc", title="Our own question?")
    make_answer(question=own, city="saint-brieuc", author=member)

    content = sheets.sheet_content(call, city, "en")

    assert [(e["title"]["text"], e["attendees"], e["kind"]) for e in content["events"]] == [
        ("Annual seminar", 1, "Annual seminar")
    ]
    assert [a["question"]["text"] for a in content["answers"]] == ["How do you run street tests?"]
    assert content["answers"][0]["asked_by"] == "Gothenburg"
    assert [(m["title"]["text"], m["with"]) for m in content["bilaterals"]] == [
        ("Saint-Brieuc and Gothenburg", "Gothenburg")
    ]
    assert bilateral.pk


def test_texts_are_in_the_sheets_language_where_translated(call, city, square, member):
    save_translation(
        obj=call, language="fr", texts={"title": "Réseaux de planification"}, by=member
    )
    save_translation(
        obj=square, language="sv", texts={"title": "Försök på place de la Grille"}, by=member
    )

    french = sheets.sheet_content(call, city, "fr")
    swedish = sheets.sheet_content(call, city, "sv")

    assert french["call"]["title"] == {
        "text": "Réseaux de planification",
        "lang": "fr",
        "paragraphs": ["Réseaux de planification"],
    }
    assert swedish["call"]["title"]["text"] == "Action planning networks"
    assert swedish["call"]["title"]["lang"] == "en"
    assert swedish["projects"][0]["title"]["text"] == "Försök på place de la Grille"
    assert swedish["projects"][0]["translated_from"] == "Översatt från franska"
    assert french["projects"][0]["translated_from"] == ""  # written in French
    with translation.override("sv"):
        assert swedish["headings"]["partners"] == str(sheets.HEADINGS["partners"])
    assert swedish["labels"]["country"] == "Land"


def test_an_unknown_language_is_refused(call, city):
    with pytest.raises(ValidationError) as raised:
        sheets.sheet_content(call, city, "de")

    assert raised.value.message_dict == {"language": ["Choose French, Swedish or English."]}


def _lots_of_history(call, member, count: int):
    """``count`` of everything a sheet shows: projects, contacts, partners, cooperation."""
    named = []
    for number in range(count):
        project = make_project(title=f"Project {number}", approach="A way.", equity="Fair.")
        named.append(project)
        person = make_user(full_name=f"Listed {number}", in_directory=True)
        make_membership(user=person, city="saint-brieuc")
        event = make_event(
            title=f"Seminar {number}",
            starts_at=days_ago(100 + number),
            ends_at=days_ago(99 + number),
        )
        make_registration(event=event, user=member)
        make_registration(event=event, user=person)
        make_event(
            title=f"Bilateral {number}",
            kind=EventKind.BILATERAL,
            cities=("saint-brieuc", "umea"),
            starts_at=days_ago(50 + number),
            ends_at=days_ago(49 + number),
        )
        question = make_question(city="gothenburg")
        make_answer(question=question, city="saint-brieuc", author=member)
        search = make_partner_search(call=call, city="saint-brieuc")
        for other in ("gothenburg", "umea", "strasbourg"):
            make_reply(search=search, city=other)
    make_interest(call=call, city="saint-brieuc", projects=named)
    for other in ("gothenburg", "umea", "strasbourg", "linkoping")[: max(count // 4, 1)]:
        make_interest(call=call, city=other)


@pytest.mark.parametrize("count", [1, 12], ids=["one-of-each", "many"])
def test_the_content_costs_a_fixed_number_of_queries(
    call, city, member, count, django_assert_num_queries
):
    _lots_of_history(call, member, count)
    warm_content_types()

    with django_assert_num_queries(11):
        content = sheets.sheet_content(call, city, "fr")

    assert len(content["projects"]) == min(count, 6)
    assert len(content["events"]) == min(count, 10)
    assert len(content["bilaterals"]) == min(count, 10)
    assert len(content["answers"]) == min(count, 10)
    assert len(content["replies"]) == 3 * count
    assert len(content["contacts"]) == count + 1


# --- The PDF --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "translated"),
    [
        ("fr", ["Collectivité membre", "Pays"]),
        ("sv", ["Medlemsorganisation", "Kontaktpersoner"]),
        ("en", ["Member body", "Contacts"]),
    ],
)
def test_the_pdf_says_it_in_the_sheets_language(
    call, city, square, partners, member, language, translated
):
    save_translation(
        obj=call, language="fr", texts={"title": "Réseaux de planification"}, by=member
    )
    save_translation(
        obj=call, language="sv", texts={"title": "Handlingsplaneringsnätverk"}, by=member
    )
    content = sheets.sheet_content(call, city, language)

    text = pdf_text(sheets.render_pdf(content))

    titles = {"fr": "Réseaux de planification", "sv": "Handlingsplaneringsnätverk"}
    assert titles.get(language, "Action planning networks") in text
    assert "Saint-Brieuc" in text
    assert "Expérimentation place de la Grille" in text
    assert ("Göteborg" if language != "en" else "Gothenburg") in text
    assert "Umeå" in text
    assert "Tester coûte moins cher que refaire." in text
    with translation.override(language):
        for heading in sheets.HEADINGS.values():
            assert " ".join(str(heading).split()) in text
    for word in translated:
        assert word in text
    assert member.email not in text


def test_the_pdf_is_tagged_with_its_title_and_language(call, city, square):
    content = sheets.sheet_content(call, city, "fr")

    reader = PdfReader(io.BytesIO(sheets.render_pdf(content)))

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata["/Title"] == content["document_title"]
    assert reader.metadata["/Title"].startswith("Fiche partenaire\u202f: Saint-Brieuc")
    # A4 (595 × 842 points), numbered pages.
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (595, 842)
    assert "Page 1 sur 2" in reader.pages[0].extract_text()


def test_the_pdf_headings_are_in_order(call, city, square, partners):
    page = sheets.render_to_string(
        "funding/sheet_pdf.html", {"sheet": sheets.sheet_content(call, city, "en")}
    )

    levels = [int(tag[2]) for tag in re.findall(r"<h[1-6]", page)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))
    assert max(levels) == 3
    assert '<html lang="en">' in page
    assert '<th scope="col">' in page and '<th scope="row">' in page


# --- The Word document ------------------------------------------------------------------------


def test_the_docx_has_real_headings_tables_and_its_language(call, city, square, partners):
    content = sheets.sheet_content(call, city, "sv")

    document = Document(io.BytesIO(sheets.render_docx(content)))

    headings = [
        (paragraph.style.name, paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", "Saint-Brieuc")
    with translation.override("sv"):
        assert ("Heading 2", str(sheets.HEADINGS["partners"])) in headings
        assert ("Heading 2", str(sheets.HEADINGS["contacts"])) in headings
        assert ("Heading 3", "Expérimentation place de la Grille") in headings
    assert document.core_properties.language == "sv-SE"
    assert document.core_properties.title == content["document_title"]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Göteborg" in cells
    assert "Medlemsorganisation" in cells
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "Fransk-svenska alliansen" in section.header.paragraphs[0].text
