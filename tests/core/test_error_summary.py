"""Every form sent back with errors starts with one summary: "There is a problem", each error a
link to its field, the focus on the box, and the page's title prefixed with "Error:"."""

from html.parser import HTMLParser

import pytest

from tests.factories import project_form_data, upload

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """The ids on a page, its title, and the error summary's box, heading and items."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.title = ""
        self.summary: dict | None = None
        self.heading = ""
        self.items: list[tuple[str, str]] = []  # (text, href or "")
        self._in = []
        self._depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("id") == "error-summary":
            self.summary = attrs
            self._depth = 1
        elif self._depth:
            self._depth += 1
        if self._depth and tag == "li":
            self.items.append(["", ""])
        if self._depth and tag == "a" and self.items:
            self.items[-1][1] = attrs.get("href", "")
        self._in.append(tag)

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
        if self._in:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._depth and "h2" in self._in:
            self.heading += data.strip()
        elif self._depth and self.items:
            self.items[-1][0] = (self.items[-1][0] + " " + data.strip()).strip()


def page(response) -> Page:
    return Page(response.content.decode())


def assert_summary_links_to_fields(shown: Page) -> None:
    assert shown.summary is not None
    assert shown.summary["tabindex"] == "-1"
    assert "autofocus" in shown.summary
    assert shown.heading == "There is a problem"
    assert shown.title.startswith("Error: ")
    assert shown.items
    for _text, href in shown.items:
        if href:
            assert href.startswith("#")
            assert href[1:] in shown.ids, f"{href} names no element of the page"


def test_project_form_with_errors_lists_each_in_the_summary(member_client):
    data = project_form_data(
        title="",
        themes=[],
        documents=[{"file": upload("page.pdf", b"<html><body>x</body></html>"), "title": "Doc"}],
    )

    response = member_client.post("/en/projects/new/", data)

    shown = page(response)
    assert response.status_code == 200
    assert_summary_links_to_fields(shown)
    assert [tuple(item) for item in shown.items] == [
        ("Title: This field is required.", "#id_title"),
        ("Themes: Choose at least one theme.", "#id_themes_0"),
        (
            "File (Document 1): This is not a PDF. Its content does not match its name. Save "
            "the document in that format, then choose it again.",
            "#id_documents-0-file",
        ),
    ]
    assert shown.title == "Error: Share a project · Alliance Portal"


def test_project_form_without_errors_has_no_summary(member_client):
    shown = page(member_client.get("/en/projects/new/"))

    assert shown.summary is None
    assert shown.title == "Share a project · Alliance Portal"


def test_error_summary_title_in_french(member_client):
    response = member_client.post("/fr/projects/new/", project_form_data(title=""))

    assert page(response).title.startswith("Erreur\u00a0: ")


def test_filter_form_errors_on_a_get_page_make_no_summary(member_client):
    # An unknown filter value is said beside the filters; the page is no failed submission.
    shown = page(member_client.get("/en/projects/?status=nonsense"))

    assert shown.summary is None
    assert not shown.title.startswith("Error")


def test_sign_in_error_is_in_the_summary_without_a_link(member, client):
    response = client.post(
        "/en/accounts/login/", {"login": member.email, "password": "not the password"}
    )

    shown = page(response)
    assert_summary_links_to_fields(shown)
    assert shown.items == [["The email address and/or password you specified are not correct.", ""]]


@pytest.mark.parametrize(
    ("url", "data", "first"),
    [
        ("/en/questions/ask/", {"title": ""}, "#id_city"),
        ("/en/glossary/propose/", {"notes": ""}, None),
        ("/en/events/new/", {"title": ""}, None),
        ("/en/accounts/signup/", {"email": "not an address"}, "#id_first_name"),
        ("/en/accounts/membership/", {"city": ""}, "#id_city"),
        ("/en/accounts/profile/", {"full_name": "", "preferred_language": "xx"}, None),
    ],
)
def test_every_form_page_shows_the_summary(login, network_coordinator, member, url, data, first):
    user = None if "signup" in url else network_coordinator if "events" in url else member
    client = login(user)

    response = client.post(url, data)

    shown = page(response)
    assert_summary_links_to_fields(shown)
    if first:
        assert shown.items[0][1] == first
