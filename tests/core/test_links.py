"""core.links.safe_next: the one check of a ``next`` address — a path on this site, or the
default page."""

import pytest
from django.test import RequestFactory

from core.links import safe_next

BAD = [
    "https://evil.example/",
    "http://evil.example/en/",
    "//evil.example/x",
    "///evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:someone@evil.example",
    "evil.example/en/",
    "en/projects/",
    "/en/\nprojects/",
    "/\t/evil.example",
    " /en/projects/",
    "",
]
GOOD = ["/en/projects/", "/en/themes/?page=2", "/sv/fr%C3%A5gor/#svar", "/en/projects/café/"]


@pytest.mark.parametrize("url", BAD)
def test_safe_next_refuses_what_leaves_the_site_or_is_no_path(url):
    request = RequestFactory().post("/en/notifications/follow/", {"next": url})

    assert safe_next(request, "/en/") == "/en/"


@pytest.mark.parametrize("url", GOOD)
def test_safe_next_keeps_a_path_on_this_site(url):
    request = RequestFactory().post("/en/notifications/follow/", {"next": url})

    assert safe_next(request, "/en/") == url


def test_safe_next_reads_the_query_string_too():
    request = RequestFactory().get("/en/", {"next": "/en/events/"})

    assert safe_next(request, "/en/") == "/en/events/"


def test_safe_next_without_next_is_the_default():
    assert safe_next(RequestFactory().get("/en/"), "/en/themes/") == "/en/themes/"


def test_safe_next_checks_a_given_url_instead_of_the_parameter():
    request = RequestFactory().get("/en/", {"next": "/en/events/"})

    assert safe_next(request, "", url="//evil.example") == ""
    assert safe_next(request, "", url="/en/projects/x/") == "/en/projects/x/"


def test_safe_next_over_https_refuses_an_http_address_of_this_very_site():
    request = RequestFactory().get("/en/", {"next": "http://testserver/en/projects/"}, secure=True)

    assert safe_next(request, "/en/") == "/en/"
