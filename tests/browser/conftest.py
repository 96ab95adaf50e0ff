"""Playwright on Debian's Chromium against pytest-django's live server."""

import datetime
import os
import shutil
import time
from pathlib import Path
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import sync_playwright

from accounts.models import User
from alliance_portal.tasks import export_token
from cities.enums import ActivityKind, MembershipRole, MembershipStatus
from cities.models import City, Membership
from cities.services import activity_record
from events.enums import AgendaItemKind, EventKind, EventState, RegistrationState
from events.models import AgendaItem, Event, Registration
from funding.models import PartnerSearch
from funding.sheets import sheet_make
from languages import services as glossary
from languages.models import GlossaryEntry
from languages.services import save_machine_translation, save_translation
from methods.services import method_save
from notifications.emails import unsubscribe_token
from projects.enums import ModerationReason
from projects.models import Comment, CommentReport, Project, ProjectMethod
from projects.services import comment_hide, project_saved
from questions.models import Answer, Question
from tests.factories.funding import in_days, make_call
from tests.factories.sheets import make_sheet
from tests.pages import expected_status, resolve
from themes.models import SustainableDevelopmentGoal, Theme

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a-long-browser-test-password"  # noqa: S105
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The dark theme's page background (static/css/theme.css): the theme in use is the dark one.
DARK_BACKGROUND = "rgb(20, 24, 29)"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the tests
    # themselves are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(20_000)
    yield context
    context.close()


@pytest.fixture
def new_context(browser):
    """``new_context(**options)``: a browser context like ``context`` with other options (a
    viewport, ``color_scheme="dark"``…), closed after the test."""
    opened = []

    def _new_context(**options):
        context = browser.new_context(
            **{"viewport": {"width": 1280, "height": 900}, "locale": "en-GB", **options}
        )
        context.set_default_timeout(10_000)
        context.set_default_navigation_timeout(20_000)
        opened.append(context)
        return context

    yield _new_context
    for context in opened:
        context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test-browser does).")
    return AXE.read_text()


def axe_violations(page, axe_source) -> list[dict]:
    """What axe-core finds on the page against the WCAG 2.2 AA tags, shortened for a message."""
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def make_person(email: str, name: str, **fields) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def approve(user: User, city_slug: str, role: str) -> Membership:
    from django.utils import timezone

    return Membership.objects.create(
        user=user,
        city=City.objects.get(slug=city_slug),
        role=role,
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )


@pytest.fixture
def people(live_server):
    member = make_person("planner@example.org", "Yann Planner", in_directory=True)
    approve(member, "saint-brieuc", MembershipRole.PLANNER)
    coordinator = make_person("coordinator@example.org", "Anne Coordinator")
    approve(coordinator, "saint-brieuc", MembershipRole.COORDINATOR)
    newcomer = make_person("newcomer@example.org", "Nora Newcomer")
    Membership.objects.create(
        user=newcomer, city=City.objects.get(slug="saint-brieuc"), role=MembershipRole.EU_OFFICER
    )
    peer = make_person(
        "sofia@example.org",
        "Sofia Peer",
        in_directory=True,
        languages_spoken=["sv", "fr", "en"],
        job_title="Stadsplanerare",
        job_title_language="sv",
        organisation="Göteborgs Stad",
    )
    approve(peer, "gothenburg", MembershipRole.PLANNER)
    peer.expertise.set(Theme.objects.filter(slug__in=["public-spaces", "citizen-participation"]))
    coordinator_group, _ = Group.objects.get_or_create(name="Coordinators")
    network = make_person("network@example.org", "Claire Network")
    network.groups.add(coordinator_group)
    # The activity log has something to show: Yann's approval, by Saint-Brieuc's coordinator.
    activity_record(
        kind=ActivityKind.MEMBERSHIP_APPROVED,
        actor=coordinator,
        target=member.memberships.get(),
        city=City.objects.get(slug="saint-brieuc"),
        target_label=member.full_name,
    )
    project = make_project(member)
    translate_project(project, peer)
    make_event(network, project)
    question = make_question(member, project)
    Answer.objects.create(
        question=question,
        author=peer,
        city=City.objects.get(slug="gothenburg"),
        body="We test with a temporary installation first.",
    )
    comment = Comment.objects.create(project=project, author=member, body="Comment ça marche ?")
    # The moderation page's two kinds of item: an open report, a hidden comment.
    CommentReport.objects.create(
        comment=comment, reporter=peer, reason=ModerationReason.OTHER, note="Hors sujet ?"
    )
    hidden = Comment.objects.create(project=project, author=peer, body="Achetez nos bancs !")
    comment_hide(comment=hidden, moderator=network, reason_kind=ModerationReason.SPAM)
    propose_glossary_correction(member)
    # A method the square used (tests.pages: /methods/gender-aware-safety-walk/).
    make_method(member, project)
    # An open funding call in two stages (tests.pages: /calls/urbact-example-call/).
    call = make_call(
        title="URBACT example call",
        deadlines=((in_days(20), "Expression of interest"), (in_days(80), "Full proposal")),
        themes=("public-spaces",),
        created_by=network,
        is_example=True,
    )
    # Saint-Brieuc's partner sheet for it, made (tests.pages: its status page, ready).
    sheet = make_sheet(call=call, city="saint-brieuc", language="fr", requested_by=member)
    sheet_make(sheet)
    # Saint-Brieuc looks for partners for the square, for that call (tests.pages: /partners/).
    partner_search = PartnerSearch.objects.create(
        call=call,
        project=project,
        city=project.city,
        author=member,
        title="Une ville suédoise pour tester le mobilier",
        roles_sought="Une ville partenaire qui a testé du mobilier temporaire.",
        content_language="fr",
        closes_on=timezone.localdate() + datetime.timedelta(days=15),
    )
    # What the set-up sent (the hidden comment's author was told) belongs to no test.
    mail.outbox.clear()
    return {
        "anonymous": None,
        "member": member,
        "city_coordinator": coordinator,
        "peer": peer,
        "network_coordinator": network,
        "ids": {
            "comment": comment.pk,
            "hidden_comment": hidden.pk,
            "token": unsubscribe_token(member),
            "project": project.pk,
            "peer": peer.pk,
            "sheet": sheet.token,
            "partner_search": partner_search.pk,
            **export_links(member, peer),
        },
    }


def export_links(member: User, other: User) -> dict:
    """The signed parts of two links to a data export: one past its week, one for another
    person (each opened by the member)."""
    name = f"exports/{member.pk}/alliance-portal-old.zip"
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        expired = export_token(member, name)
    return {
        "export_expired": expired,
        "export_not_yours": export_token(other, f"exports/{other.pk}/alliance-portal.zip"),
    }


def propose_glossary_correction(member: User) -> None:
    """A correction waiting for the network coordinators: its table of changes is checked."""
    entry = GlossaryEntry.objects.get(slug="samrad")
    content = {field: getattr(entry, field) for field in glossary.CONTENT_FIELDS}
    content["definition_fr"] = "Première étape obligatoire de la procédure de plan (corrigée)."
    glossary.entry_propose(proposed_by=member, content=content, corrects=entry, note="Plus court.")


def make_event(organiser: User, project: Project) -> Event:
    """A published two-day seminar with an agenda, one seat taken out of twenty."""
    start = timezone.localtime() + datetime.timedelta(days=30)
    start = start.replace(hour=9, minute=0, second=0, microsecond=0)
    event = Event.objects.create(
        slug="test-seminar",
        kind=EventKind.SEMINAR,
        title="Séminaire annuel",
        description="Deux jours à Saint-Brieuc, autour du permis de construire.",
        starts_at=start,
        ends_at=start + datetime.timedelta(days=1, hours=7),
        host_city=City.objects.get(slug="saint-brieuc"),
        venue="Centre des congrès",
        capacity=20,
        state=EventState.PUBLISHED,
        created_by=organiser,
    )
    event.organisers.set([organiser])
    visit = AgendaItem.objects.create(
        event=event,
        starts_at=start + datetime.timedelta(hours=2),
        ends_at=start + datetime.timedelta(hours=3),
        kind=AgendaItemKind.SITE_VISIT,
        title="Visite de la place",
        place="Place de la Grille",
    )
    visit.projects.set([project])
    AgendaItem.objects.create(
        event=event,
        starts_at=start + datetime.timedelta(days=1),
        ends_at=start + datetime.timedelta(days=1, hours=1),
        kind=AgendaItemKind.TALK,
        title="Conclusions",
    )
    Registration.objects.create(
        event=event,
        user=organiser,
        state=RegistrationState.CONFIRMED,
        needs="Végétarien",
        listed=True,
    )
    return event


def make_question(author: User, project: Project) -> Question:
    question = Question.objects.create(
        slug="square-for-every-use",
        city=City.objects.get(slug="saint-brieuc"),
        author=author,
        title="How do you make a square work for every use?",
        context="We test furniture **before** the works and the building permit.",
        project=project,
    )
    question.themes.set(Theme.objects.filter(slug="public-spaces"))
    return question


def make_project(author: User) -> Project:
    """A public Saint-Brieuc project with a revision, like one posted through the form."""
    project = Project.objects.create(
        slug="place-de-la-grille",
        city=City.objects.get(slug="saint-brieuc"),
        author=author,
        title="Expérimentation place de la Grille",
        lead_organisation="Saint-Brieuc Armor Agglomération",
        summary="Réaménager une place pour tous les usages, en testant avant les travaux.",
        description="La place était un **parking**, classé au PLU.\n\n- observation\n- ateliers",
        approach="Urbanisme tactique.",
        looking_for="Des retours d'expérience.",
        content_language="fr",
    )
    project.themes.set(Theme.objects.filter(slug__in=["public-spaces", "citizen-participation"]))
    project.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=[5, 11]))
    project.tags.set(["espace public"])
    project.contacts.set([author])
    project_saved(project=project, user=author)
    project.summary = "Réaménager une place pour tous les usages et plusieurs usages."
    project.save()
    project_saved(project=project, user=author)
    return project


def make_method(author: User, project: Project) -> None:
    """“Gender-aware safety walk”, written up by Saint-Brieuc, used by the square."""
    method = method_save(
        data={
            "title": "Gender-aware safety walk",
            "purpose": "Walk the neighbourhood at night with the women who live there.",
            "steps": "1. Invite residents.\n2. Walk at night.\n3. Map what you saw.",
            "time_needed": "Two evenings",
            "content_language": "en",
            "city": project.city,
        },
        themes=Theme.objects.filter(slug="public-spaces"),
        tags=["gender"],
        user=author,
    )
    ProjectMethod.objects.create(
        project=project, method=method, account="Deux marches, de nuit.", added_by=author
    )


def translate_project(project: Project, translator: User) -> None:
    """Swedish by a member, English by a machine nobody has reviewed yet."""
    save_translation(
        obj=project,
        language="sv",
        texts={
            "title": "Försök på place de la Grille",
            "summary": "Att göra om ett torg för alla användningar, och pröva före bygget.",
            "description": "Torget var en **parkering**, utpekad i PLU.\n\n- observation\n"
            "- workshoppar",
        },
        by=translator,
    )
    save_machine_translation(
        obj=project,
        language="en",
        texts={"title": "Place de la Grille experiment", "approach": "Tactical urbanism."},
        engine="libretranslate",
        engine_version="1.6",
    )


def visit(context, live_server, people, *, name: str, path: str, who: str):
    """Open a page of ``tests.pages`` in ``context`` as ``who``; returns the page and its path.
    Fails unless the page answered as it should (tests.pages.STATUS, else 200)."""
    if people[who] is not None:
        sign_in(context, live_server, people[who])
    page = context.new_page()
    path = resolve(path, people)
    response = page.goto(live_server.url + path)
    assert response is not None
    assert response.status == expected_status(name), path
    return page, path


def sign_in(context, live_server, user: User) -> None:
    """Give the browser context a session for ``user`` without typing the password."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
