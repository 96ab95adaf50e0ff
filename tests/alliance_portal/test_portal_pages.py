"""The portal's own pages: home, statements, language handling, errors and the health check."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cities.models import City
from tests.factories import make_theme
from themes.models import Theme

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1)


def language_switcher_links(response) -> dict[str, str]:
    """``{hreflang: href}`` of the links in the header's language switcher."""
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(
        (code, href) for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)
    )


def test_home_lists_every_theme_and_active_city(anonymous_client, django_assert_num_queries):
    # cities, recent answers (the activity), latest projects, upcoming events, themes, open
    # questions
    with django_assert_num_queries(6):
        response = anonymous_client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "French–Swedish Alliance for sustainable urban development" in html
    for theme in Theme.objects.all():
        assert f'<a href="/en/themes/{theme.slug}/">{theme.name_en}</a>' in html
    for city in City.objects.all():
        assert f'<a href="/en/cities/{city.slug}/">{city.name}</a>' in html
    assert 'href="/en/accounts/signup/"' in html


def test_home_hides_an_inactive_city(anonymous_client):
    City.objects.filter(slug="paris").update(is_active=False)

    response = anonymous_client.get("/en/")

    html = response.content.decode()
    assert 'href="/en/cities/paris/"' not in html
    assert 'href="/en/cities/strasbourg/"' in html


def test_home_signed_in_stays_within_budget(member_client, django_assert_num_queries):
    # session, user, cities, memberships, latest projects, coordinators group, upcoming events,
    # themes, open questions, and the activity's recent comments and recent answers
    with django_assert_num_queries(11):
        response = member_client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/en/accounts/profile/"' in html
    assert "Join the network" not in html


def test_home_query_budget_holds_with_many_themes(anonymous_client, django_assert_num_queries):
    extra = [make_theme(proposed_by=City.objects.get(slug="umea")) for _ in range(30)]

    with django_assert_num_queries(6):
        response = anonymous_client.get("/en/")

    assert extra[-1].name_en in response.content.decode()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/accessibility/", "<h1>Accessibility statement</h1>"),
        ("/en/privacy/", "<h1>Privacy</h1>"),
    ],
)
def test_statement_page_renders_without_queries(
    anonymous_client, django_assert_num_queries, path, heading
):
    with django_assert_num_queries(0):
        response = anonymous_client.get(path)

    assert response.status_code == 200
    assert heading in response.content.decode()


def test_accessibility_statement_names_both_laws(anonymous_client):
    response = anonymous_client.get("/en/accessibility/")

    html = response.content.decode()
    assert "RGAA" in html
    assert "DOS-lagen" in html
    assert "WCAG" in html


def test_every_page_links_the_accessibility_statement(anonymous_client):
    response = anonymous_client.get("/en/themes/")

    link = '<a href="/en/accessibility/">Accessibility: partially compliant</a>'
    assert link in response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_html_lang_matches_the_url_prefix(anonymous_client, language):
    response = anonymous_client.get(f"/{language}/cities/")

    assert response.status_code == 200
    assert html_lang(response) == language
    assert response["Content-Language"] == language


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/fr/cities/saint-brieuc/",
        "/fr/themes/public-spaces/",
        "/fr/accessibility/",
        "/fr/privacy/",
        "/fr/accounts/login/",
        "/fr/accounts/signup/",
        "/fr/no-such-page/",
    ],
)
def test_html_lang_is_fr_on_french_pages(anonymous_client, path):
    response = anonymous_client.get(path)

    assert response.status_code in {200, 404}
    assert html_lang(response) == "fr"


@pytest.mark.parametrize(("accept", "target"), [("fr", "/fr/"), ("sv", "/sv/"), ("en", "/en/")])
def test_root_redirects_to_the_preferred_language(anonymous_client, accept, target):
    response = anonymous_client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == target


def test_root_redirect_follows_regional_accept_language(anonymous_client):
    response = anonymous_client.get("/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9,en;q=0.5")

    assert response["Location"] == "/sv/"


def test_root_redirect_falls_back_to_english_for_other_languages(anonymous_client):
    response = anonymous_client.get("/", HTTP_ACCEPT_LANGUAGE="de")

    assert response["Location"] == "/en/"


def test_language_switcher_links_the_same_page_in_each_language(anonymous_client):
    response = anonymous_client.get("/en/cities/saint-brieuc/")

    assert language_switcher_links(response) == {
        "en": "/en/cities/saint-brieuc/",
        "fr": "/fr/cities/saint-brieuc/",
        "sv": "/sv/cities/saint-brieuc/",
    }
    assert '<link rel="alternate" hreflang="fr" href="/fr/cities/saint-brieuc/">' in (
        response.content.decode()
    )


def test_language_switcher_keeps_the_query_string(anonymous_client):
    response = anonymous_client.get("/en/accounts/login/?next=/en/accounts/profile/")

    links = language_switcher_links(response)

    assert links["sv"] == "/sv/accounts/login/?next=/en/accounts/profile/"


def test_language_switcher_on_a_404_page_leads_to_the_other_languages(anonymous_client):
    response = anonymous_client.get("/fr/no-such-page/")

    links = language_switcher_links(response)

    assert response.status_code == 404
    assert links["en"].startswith("/en/")
    assert links["sv"].startswith("/sv/")


def test_unknown_page_gives_404_with_the_portal_template(anonymous_client):
    response = anonymous_client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'href="/en/">Go to the home page</a>' in html


def test_unknown_page_gives_404_in_french_under_fr(anonymous_client):
    with translation.override("fr"):
        heading = gettext("Page not found")
        home_link = gettext("Go to the home page")

    response = anonymous_client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert html_lang(response) == "fr"
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'href="/fr/">{home_link}</a>' in html
    assert "<h1>Page introuvable</h1>" in html


@pytest.mark.parametrize("path", ["/en/accounts/profile/", "/en/accounts/membership/"])
def test_anonymous_is_sent_to_login_for_private_pages(anonymous_client, path):
    response = anonymous_client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


def test_anonymous_login_redirect_keeps_the_language(anonymous_client):
    response = anonymous_client.get("/fr/accounts/profile/")

    assert response["Location"] == "/fr/accounts/login/?next=/fr/accounts/profile/"
