"""A deleted project's address shows who may restore it a "deleted — restore" page (when, by whom,
the restore button), never from the page cache; everyone else gets a 404 as before."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from projects import services
from projects.models import Project
from tests.factories import make_user

pytestmark = pytest.mark.django_db

DELETED_AT = datetime.datetime(2026, 3, 9, 14, 30, tzinfo=datetime.UTC)


def delete(project: Project, by=None) -> Project:
    Project.objects.filter(pk=project.pk).update(deleted_at=DELETED_AT, deleted_by=by)
    project.refresh_from_db()
    return project


def test_deleted_project_page_says_when_and_by_whom_and_offers_the_restore(
    login, staff, public_project, member
):
    delete(public_project, by=member)

    response = login(staff).get(public_project.get_absolute_url())

    html = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "<h1>This project was deleted</h1>" in html
    assert "Place de la Grille experiment" in html
    assert (
        'Deleted on <time datetime="2026-03-09T15:30:00+01:00">March 9, 2026, 3:30 p.m.</time> '
        "by Yann Member." in html
    )
    assert f'<form method="post" action="/en/projects/{public_project.slug}/undelete/">' in html
    assert "Restore this project" in html
    # Not the project's own page: its text and discussion stay out of sight.
    assert "A square redesigned with its users." not in html
    assert 'id="comments-heading"' not in html


def test_deleted_project_page_without_a_known_deleter_says_only_when(login, staff, public_project):
    delete(public_project, by=None)

    html = " ".join(login(staff).get(public_project.get_absolute_url()).content.decode().split())

    assert '<time datetime="2026-03-09T15:30:00+01:00">March 9, 2026, 3:30 p.m.</time>.' in html
    assert " by " not in html[html.index("Deleted on") : html.index("Deleted on") + 120]


def test_deleted_project_page_in_french(login, staff, public_project, member):
    delete(public_project, by=member)

    response = login(staff).get(public_project.get_absolute_url().replace("/en/", "/fr/", 1))

    html = " ".join(response.content.decode().split())
    assert "<h1>Ce projet a été supprimé</h1>" in html
    assert "9 mars 2026" in html
    assert "par Yann Member." in html


@pytest.mark.parametrize(
    "role", ["outsider", "member", "author", "city_coordinator", "network_coordinator"]
)
def test_deleted_project_is_still_a_404_for_who_may_not_restore_it(
    login, user_for_role, public_project, role
):
    delete(public_project, by=make_user())

    response = login(user_for_role(role)).get(public_project.get_absolute_url())

    assert response.status_code == 404
    assert "Restore this project" not in response.content.decode()


def test_restore_button_brings_the_project_back(login, staff, public_project, member):
    delete(public_project, by=member)
    client = login(staff)

    response = client.post(f"/en/projects/{public_project.slug}/undelete/", follow=True)

    public_project.refresh_from_db()
    assert public_project.deleted_at is None
    assert response.redirect_chain == [(public_project.get_absolute_url(), 302)]
    assert "<h1>Place de la Grille experiment</h1>" in response.content.decode()


def test_deleted_project_page_is_never_stored_in_the_page_cache(
    settings, staff, public_project, member
):
    settings.PAGE_CACHE_SECONDS = settings.MEMBER_PAGE_CACHE_SECONDS = 300
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    delete(public_project, by=member)
    browser = Client()
    browser.force_login(staff)
    browser.get(reverse("home"))  # the CSRF cookie, as after signing in

    first = browser.get(public_project.get_absolute_url())
    second = browser.get(public_project.get_absolute_url())

    assert first.status_code == second.status_code == 200
    assert not first.has_header("X-Page-Cache")
    assert not second.has_header("X-Page-Cache")
    assert "private" in first["Cache-Control"]
    assert "no-store" in first["Cache-Control"]


def test_a_live_project_page_is_still_stored_for_staff(settings, staff, public_project):
    settings.PAGE_CACHE_SECONDS = settings.MEMBER_PAGE_CACHE_SECONDS = 300
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    browser = Client()
    browser.force_login(staff)
    browser.get(reverse("home"))

    assert browser.get(public_project.get_absolute_url())["X-Page-Cache"] == "miss"
    assert browser.get(public_project.get_absolute_url())["X-Page-Cache"] == "hit"


def test_restoring_shows_the_project_page_again_not_a_stored_deleted_page(
    settings, staff, public_project, member
):
    settings.PAGE_CACHE_SECONDS = settings.MEMBER_PAGE_CACHE_SECONDS = 300
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    delete(public_project, by=member)
    browser = Client()
    browser.force_login(staff)
    browser.get(reverse("home"))
    browser.get(public_project.get_absolute_url())

    services.project_undelete(project=public_project)
    page = browser.get(public_project.get_absolute_url()).content.decode()

    assert "<h1>Place de la Grille experiment</h1>" in page
