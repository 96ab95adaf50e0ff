"""WCAG 3.1.2: a member's text shown in a page of another language carries its own ``lang``, on
every page where it appears; the page's own words carry none."""

from html.parser import HTMLParser

import pytest

from core.enums import ContentLanguage
from notifications.enums import NotificationKind
from tests.factories.accounts import make_user
from tests.factories.events import in_days, make_agenda_item, make_event
from tests.factories.projects import make_comment, make_project
from tests.factories.questions import make_answer, make_notification, make_question

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}

# Marker words, one per kind of content, each found only where that content is shown.
TEXTS = {
    "project title": "Lumenprojekt",
    "project summary": "Lumensammanfattning",
    "event title": "Lumenseminarium",
    "event description": "Lumenbeskrivning",
    "agenda title": "Lumenagendatalk",
    "agenda description": "Lumenagendadetalj",
    "question title": "Lumenfraga",
    "question context": "Lumensammanhang",
    "answer": "Lumensvar",
    "comment": "Lumenkommentar",
    "job title": "Lumenplanerare",
    "notification title": "Lumennotis",
}


class LangParser(HTMLParser):
    """The effective language of every piece of text of the body, and the elements that set a
    language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.texts: list[tuple[str, str | None]] = []
        self.marked: list[dict] = []  # elements with a lang attribute, with their text

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        node = {"tag": tag, "attrs": attrs, "text": []}
        if "lang" in attrs:
            self.marked.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index]["tag"] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if any(node["tag"] == "head" for node in self.stack):
            return  # the window title mixes the page's name with the portal's
        lang = next(
            (node["attrs"]["lang"] for node in reversed(self.stack) if "lang" in node["attrs"]),
            None,
        )
        self.texts.append((data, lang))
        for node in self.stack:
            if "lang" in node["attrs"]:
                node["text"].append(data)


def parse(response) -> LangParser:
    assert response.status_code == 200
    parser = LangParser()
    parser.feed(response.content.decode())
    return parser


def languages_of(parser: LangParser, word: str) -> set[str | None]:
    return {lang for text, lang in parser.texts if word in text}


@pytest.fixture
def world(member, member_client, request):
    """Content written in ``other`` (the other portal language than the page's), around
    Saint-Brieuc and the theme of public spaces; the agenda item is in English."""
    page, other = request.param
    member.job_title = TEXTS["job title"]
    member.job_title_language = other
    member.save(update_fields=["job_title", "job_title_language"])
    contact = make_user(
        full_name="Contact Person", job_title=TEXTS["job title"], job_title_language=other
    )
    project = make_project(
        author=member,
        contacts=(contact,),
        title=TEXTS["project title"],
        summary=TEXTS["project summary"],
        content_language=other,
    )
    event = make_event(
        title=TEXTS["event title"],
        description=TEXTS["event description"],
        content_language=other,
        themes=("public-spaces",),
        starts_at=in_days(5),
    )
    make_agenda_item(
        event=event,
        title=TEXTS["agenda title"],
        description=TEXTS["agenda description"],
        content_language=ContentLanguage.ENGLISH,
        projects=(project,),
    )
    question = make_question(
        author=member,
        title=f"{TEXTS['question title']}?",
        context=TEXTS["question context"],
        project=project,
        content_language=other,
    )
    make_answer(question=question, body=TEXTS["answer"], content_language=other)
    make_comment(project=project, author=member, body=TEXTS["comment"], content_language=other)
    make_notification(
        recipient=member,
        kind=NotificationKind.NEW_EVENT,
        title=TEXTS["notification title"],
        title_language=other,
    )
    return {
        "page": page,
        "other": other,
        "client": member_client,
        "paths": {
            "home": "/",
            "project list": "/projects/",
            "project detail": project.get_absolute_url()[3:],
            "event list": "/events/",
            "event detail": event.get_absolute_url()[3:],
            "question list": "/questions/",
            "question detail": question.get_absolute_url()[3:],
            "city page": "/cities/saint-brieuc/",
            "theme page": "/themes/public-spaces/",
            # The query is the reader's words, shown as typed: the card's title is the member's.
            "search": f"/search/?q={TEXTS['question context']}",
            "notifications": "/notifications/",
        },
    }


# Which content each page shows.
MATRIX = {
    "home": ["project title", "event title", "question title"],
    "project list": ["project title", "project summary"],
    "project detail": [
        "project title",
        "project summary",
        "comment",
        "job title",
        "question title",
        "event title",
    ],
    "event list": ["event title"],
    "event detail": ["event title", "event description", "agenda title", "agenda description"],
    "question list": ["question title"],
    "question detail": ["question title", "question context", "answer", "project title"],
    "city page": ["project title", "event title", "question title", "job title"],
    "theme page": ["project title", "event title", "question title"],
    "search": ["question title"],
    "notifications": ["notification title"],
}
CASES = [(page, kind) for page, kinds in MATRIX.items() for kind in kinds]
LANGUAGES = [("fr", "sv"), ("sv", "fr")]


@pytest.mark.parametrize("world", LANGUAGES, ids=["fr-page", "sv-page"], indirect=True)
@pytest.mark.parametrize(("page", "kind"), CASES, ids=[f"{p}:{k}" for p, k in CASES])
def test_member_text_carries_its_language_on_a_page_of_another(world, page, kind):
    expected = ContentLanguage.ENGLISH if kind.startswith("agenda") else world["other"]

    parser = parse(world["client"].get(f"/{world['page']}{world['paths'][page]}"))

    assert languages_of(parser, TEXTS[kind]) == {expected}


@pytest.mark.parametrize("world", LANGUAGES, ids=["fr-page", "sv-page"], indirect=True)
@pytest.mark.parametrize("page", list(MATRIX))
def test_page_chrome_carries_no_other_language(world, page):
    parser = parse(world["client"].get(f"/{world['page']}{world['paths'][page]}"))

    foreign = [
        "".join(node["text"]).strip()
        for node in parser.marked
        if node["attrs"]["lang"] != world["page"]
        # The language menu names each language in itself; a city's local name is in its own.
        and "hreflang" not in node["attrs"]
        and not "".join(node["text"]).strip().startswith("(")
    ]
    assert foreign
    assert [text for text in foreign if not any(word in text for word in TEXTS.values())] == []
    assert parser.texts and languages_of(parser, "Alliance") <= {None, world["page"]}
