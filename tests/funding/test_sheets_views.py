"""Asking for a partner sheet, its status page, its downloads and the call page's form: who may,
what is refused, and what the pages cost."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from funding import sheets
from funding.models import PartnerSheet
from funding.tasks import make_partner_sheet
from tests.budgets import warm_content_types
from tests.factories import make_membership, make_project, make_user
from tests.factories.sheets import make_sheet, sheet_call
from tests.markup import foreign_scripts

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "other_city_member",
    "other_city_coordinator",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
]
MAY_ASK_FOR_SAINT_BRIEUC = {"member", "city_coordinator", "network_coordinator", "staff"}


@pytest.fixture
def call():
    call = sheet_call(title="Action planning networks", slug="urbact-apn")
    make_project(title="Expérimentation place de la Grille", content_language="fr")
    return call


def ask(client, call, *, city="saint-brieuc", language="fr", capture=None):
    path = f"/en/calls/{call.slug}/sheets/"
    if capture is None:
        return client.post(path, {"city": city, "language": language})
    with capture(execute=True):
        return client.post(path, {"city": city, "language": language})


def status_path(sheet) -> str:
    return f"/en/calls/{sheet.call.slug}/sheets/{sheet.token}/"


def made(sheet: PartnerSheet) -> PartnerSheet:
    sheets.sheet_make(sheet)
    sheet.refresh_from_db()
    return sheet


# --- Asking -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_may_ask_for_saint_briecs_sheet(
    role, user_for_role, login, call, django_capture_on_commit_callbacks
):
    client = login(user_for_role(role))

    response = ask(client, call, capture=django_capture_on_commit_callbacks)

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
        assert not PartnerSheet.objects.exists()
    elif role in MAY_ASK_FOR_SAINT_BRIEUC:
        sheet = PartnerSheet.objects.get()
        assert response.status_code == 302
        assert response["Location"] == status_path(sheet)
        assert (sheet.city.slug, sheet.language) == ("saint-brieuc", "fr")
        assert sheet.requested_by == user_for_role(role)
        # Tasks run when the request's transaction commits: ready by the redirect.
        assert sheet.ready_at is not None and sheet.failed_at is None
        assert sheet.pdf.name.endswith(".pdf") and sheet.docx.name.endswith(".docx")
    else:
        assert response.status_code == 403
        assert not PartnerSheet.objects.exists()


def test_a_network_coordinator_may_ask_for_any_city(
    network_coordinator, login, call, django_capture_on_commit_callbacks
):
    response = ask(
        login(network_coordinator), call, city="umea", capture=django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert PartnerSheet.objects.get().city.slug == "umea"


def test_a_member_without_a_city_is_refused(login, call):
    response = ask(login(make_user()), call)

    assert response.status_code == 403
    assert not PartnerSheet.objects.exists()


def test_a_bad_language_is_refused_with_the_forms_message(member, login, call):
    response = ask(login(member), call, language="de")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose French, Swedish or English." in html
    assert '<a href="#sheet-language">' in html  # the error summary leads to the field
    assert "<title>Error:" in html
    assert not PartnerSheet.objects.exists()


def test_an_unknown_city_is_refused_with_the_forms_message(member, login, call):
    response = ask(login(member), call, city="atlantis")

    assert response.status_code == 400
    assert "Choose one of your cities in the list." in response.content.decode()
    assert not PartnerSheet.objects.exists()


def test_a_call_that_does_not_exist_is_not_found(member, login, call):
    response = login(member).post(
        "/en/calls/no-such-call/sheets/", {"city": "saint-brieuc", "language": "fr"}
    )

    assert response.status_code == 404
    assert not PartnerSheet.objects.exists()


def test_asking_takes_a_post(member, login, call):
    assert login(member).get(f"/en/calls/{call.slug}/sheets/").status_code == 405


def test_the_request_queues_the_task_on_commit(member, login, call, task_queue):
    response = ask(login(member), call)

    sheet = PartnerSheet.objects.get()
    assert response.status_code == 302
    assert sheet.ready_at is None
    assert task_queue.names() == []  # nothing committed in a test: nothing queued yet


def test_ten_sheets_a_minute_then_429(member, login, call, settings):
    client = login(member)
    for _number in range(sheets.SHEETS_PER_MINUTE):
        assert ask(client, call).status_code == 302

    response = ask(client, call)

    assert response.status_code == 429
    assert "wait a minute" in response.content.decode()
    assert PartnerSheet.objects.count() == sheets.SHEETS_PER_MINUTE


# --- The status page -------------------------------------------------------------------------


def test_the_status_page_of_a_ready_sheet_links_both_files_with_their_sizes(member, login, call):
    sheet = made(make_sheet(call=call, requested_by=member, language="sv"))

    response = login(member).get(status_path(sheet))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The sheet is ready" in html
    pdf_path = f"/en/calls/{call.slug}/sheets/{sheet.token}.pdf"
    docx_path = f"/en/calls/{call.slug}/sheets/{sheet.token}.docx"
    assert f'href="{pdf_path}"' in html and f'href="{docx_path}"' in html
    assert "KB)" in html
    assert "7 days" in html
    assert "no-cache" in response["Cache-Control"]


def test_the_status_page_while_the_sheet_is_made_has_a_plain_reload_link(member, login, call):
    sheet = make_sheet(call=call, requested_by=member)

    response = login(member).get(status_path(sheet))

    html = response.content.decode()
    assert "The sheet is being prepared" in html
    assert f'<a href="{status_path(sheet)}">Reload the page</a>' in html
    assert 'http-equiv="refresh"' not in html
    assert foreign_scripts(html) == []  # only the site's own scripts, by address
    assert "sheets:pdf" not in html and ".pdf" not in html


def test_a_failed_sheet_offers_to_try_again(member, login, call, monkeypatch, caplog):
    def broken(content):
        raise RuntimeError("no fonts today")

    monkeypatch.setattr(sheets, "render_pdf", broken)
    sheet = make_sheet(call=call, requested_by=member)
    with caplog.at_level(logging.ERROR, logger="funding.sheets"):
        make_partner_sheet(sheet.pk)
    sheet.refresh_from_db()

    assert sheet.failed_at is not None and sheet.ready_at is None
    assert not sheet.pdf and not sheet.docx
    assert "could not be made" in caplog.text
    html = login(member).get(status_path(sheet)).content.decode()
    assert "The sheet could not be prepared" in html
    assert '<input type="hidden" name="city" value="saint-brieuc">' in html
    assert "Try again" in html


@pytest.mark.parametrize("role", ROLES)
def test_who_may_read_a_members_sheet(role, user_for_role, login, member, call):
    sheet = made(make_sheet(call=call, requested_by=member))
    user = member if role == "member" else user_for_role(role)

    response = login(user).get(status_path(sheet))

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == f"/en/accounts/login/?next={status_path(sheet)}"
    elif role in MAY_ASK_FOR_SAINT_BRIEUC:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_the_person_who_asked_reads_it_after_leaving_the_city(login, call):
    person = make_user()
    membership = make_membership(user=person, city="saint-brieuc")
    sheet = made(make_sheet(call=call, requested_by=person))
    membership.delete()

    assert login(person).get(status_path(sheet)).status_code == 200


def test_a_token_of_another_call_is_not_found(member, login, call):
    sheet = made(make_sheet(call=call, requested_by=member))
    other = sheet_call()

    client = login(member)
    assert client.get(f"/en/calls/{other.slug}/sheets/{sheet.token}/").status_code == 404
    assert client.get(f"/en/calls/{other.slug}/sheets/{sheet.token}.pdf").status_code == 404
    assert client.get(f"/en/calls/no-such/sheets/{sheet.token}/").status_code == 404


@pytest.mark.parametrize("many", [False, True], ids=["one-sheet", "many-sheets"])
def test_the_status_page_query_budget(member, login, call, many, django_assert_num_queries):
    sheet = made(make_sheet(call=call, requested_by=member))
    if many:
        for language in ("fr", "sv", "en") * 10:
            make_sheet(call=call, requested_by=member, language=language)
            make_sheet(call=call, city="gothenburg", language=language)
    client = login(member)
    path = status_path(sheet)
    warm_content_types()

    # Session, user, the sheet with its call and city, the call's translations.
    with django_assert_num_queries(4):
        response = client.get(path)

    assert response.status_code == 200


def test_the_status_page_query_budget_for_a_coordinator(
    member, network_coordinator, login, call, django_assert_num_queries
):
    sheet = made(make_sheet(call=call, requested_by=member))
    client = login(network_coordinator)
    path = status_path(sheet)
    warm_content_types()

    # Also: the coordinator's memberships and groups (the rule), once each.
    with django_assert_num_queries(6):
        response = client.get(path)

    assert response.status_code == 200


# --- Downloads ---------------------------------------------------------------------------------


def test_the_pdf_and_the_docx_download_under_readable_names(member, login, call):
    sheet = made(make_sheet(call=call, requested_by=member, language="fr"))
    client = login(member)

    pdf = client.get(f"/en/calls/{call.slug}/sheets/{sheet.token}.pdf")
    docx = client.get(f"/en/calls/{call.slug}/sheets/{sheet.token}.docx")

    assert pdf.status_code == 200 and docx.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == (
        'attachment; filename="partner-sheet-saint-brieuc-urbact-apn-fr.pdf"'
    )
    assert docx["Content-Disposition"] == (
        'attachment; filename="partner-sheet-saint-brieuc-urbact-apn-fr.docx"'
    )
    assert docx["Content-Type"] == sheets.DOCX_TYPE
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert b"".join(docx.streaming_content).startswith(b"PK")
    pdf.close()
    docx.close()
    assert pdf["Cache-Control"] == "private, no-store"


def test_no_download_before_the_sheet_is_ready(member, login, call):
    sheet = make_sheet(call=call, requested_by=member)

    client = login(member)
    assert client.get(f"/en/calls/{call.slug}/sheets/{sheet.token}.pdf").status_code == 404
    assert client.get(f"/en/calls/{call.slug}/sheets/{sheet.token}.docx").status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("other_city_member", 403), ("other_city_coordinator", 403), ("network_coordinator", 200)],
)
def test_others_may_not_download(role, status, user_for_role, login, member, call):
    sheet = made(make_sheet(call=call, requested_by=member))

    response = login(user_for_role(role)).get(f"/en/calls/{call.slug}/sheets/{sheet.token}.pdf")
    response.close()

    assert response.status_code == status


def test_a_visitor_is_sent_to_sign_in_for_a_download(anonymous_client, member, call):
    sheet = made(make_sheet(call=call, requested_by=member))
    path = f"/en/calls/{call.slug}/sheets/{sheet.token}.pdf"

    response = anonymous_client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


# --- The call page's form ({% sheet_links call %}) --------------------------------------------


def render_links(user, call, language="en") -> str:
    request = RequestFactory().get("/")
    request.user = user
    with translation.override(language):
        return Template("{% load sheet_tags %}{% sheet_links call %}").render(
            Context({"request": request, "call": call, "csrf_token": "token"})
        )


def test_a_member_gets_the_form_for_their_own_city_in_the_pages_language(member, call):
    html = render_links(member, call, language="sv")

    assert f'action="/sv/calls/{call.slug}/sheets/"' in html
    assert '<option value="saint-brieuc">Saint-Brieuc</option>' in html
    assert html.count("<option value=") == 1 + 3  # one city, three languages
    assert '<option value="sv" selected>' in html
    assert 'name="csrfmiddlewaretoken" value="token"' in html


def test_a_network_coordinator_chooses_among_every_city(network_coordinator, call):
    html = render_links(network_coordinator, call)

    assert '<option value="umea">' in html and '<option value="saint-brieuc">' in html
    assert "Download a partner sheet" in html


@pytest.mark.parametrize("who", ["visitor", "no-city"])
def test_no_form_for_who_may_not_make_a_sheet(who, call):
    user = AnonymousUser() if who == "visitor" else make_user()

    assert render_links(user, call).strip() == ""


def test_the_retention_period_is_what_the_page_says(member, login, call, settings):
    settings.RETENTION_PARTNER_SHEET_DAYS = 3
    sheet = made(make_sheet(call=call, requested_by=member))

    assert "3 days" in login(member).get(status_path(sheet)).content.decode()
