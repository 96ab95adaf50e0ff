"""A Saint-Brieuc planner looks for partners for an URBACT call with the place de la Grille
project; a Gothenburg planner answers; the Saint-Brieuc planner, told by e-mail, downloads
the partner sheet, whose PDF names both cities."""

import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from funding.models import PartnerReply, PartnerSearch
from tests.factories.funding import make_call
from themes.models import Theme

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def _urbact_call():
    deadline = (timezone.now() + datetime.timedelta(days=60)).astimezone(BRUSSELS)
    return make_call(
        title="Action planning networks on public spaces",
        identifier="EXAMPLE-URBACT-APN",
        slug="urbact-journey-call",
        opens_on=timezone.localdate() - datetime.timedelta(days=10),
        deadlines=(deadline.replace(hour=17, minute=0, second=0, microsecond=0),),
        themes=Theme.objects.filter(slug="public-spaces"),
    )


def test_partner_search_answered_and_partner_sheet_downloaded(people, live_server, browser):
    call = _urbact_call()
    member, peer = people["member"], people["peer"]
    member.notification_frequency = "immediately"
    member.save(update_fields=["notification_frequency"])

    saint_brieuc = browser.new_context(locale="en-GB", accept_downloads=True)
    sign_in(saint_brieuc, live_server, member)
    page = saint_brieuc.new_page()
    page.goto(f"{live_server.url}/en/calls/")
    page.get_by_role("link", name="Action planning networks on public spaces").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Action planning networks on public spaces"
    )
    page.get_by_role("link", name="Look for partners for this call").click()
    page.get_by_label("For the project").select_option(label="Expérimentation place de la Grille")
    page.get_by_label("What you are looking for").fill("A Swedish city to test a square with us")
    page.get_by_label("Roles sought").fill("A city that tested a temporary installation.")
    page.get_by_role("button", name="Post the search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A Swedish city to test a square with us"
    )
    search = PartnerSearch.objects.get(call=call)
    assert search.project.slug == "place-de-la-grille"
    assert search.city.slug == "saint-brieuc"

    gothenburg = browser.new_context(locale="en-GB")
    sign_in(gothenburg, live_server, peer)
    page_peer = gothenburg.new_page()
    page_peer.goto(f"{live_server.url}/en/calls/{call.slug}/")
    page_peer.get_by_role("link", name="A Swedish city to test a square with us").first.click()
    page_peer.get_by_label("We would join as").fill("Partner: we ran a temporary square.")
    page_peer.get_by_role("button", name="Send the answer").click()
    expect(page_peer.get_by_role("status")).to_be_visible()
    reply = PartnerReply.objects.get(search=search)
    assert reply.city.slug == "gothenburg"
    assert [m.to for m in mail.outbox if m.to == [member.email]], "the poster was not e-mailed"
    gothenburg.close()

    page.goto(f"{live_server.url}/en/calls/{call.slug}/")
    sheet = page.get_by_role("region", name="Partner sheet")
    sheet.get_by_label("Language of the sheet").select_option("fr")
    sheet.get_by_role("button", name="Download a partner sheet").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").first.click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Saint-Brieuc" in text
    assert "Göteborg" in text  # Gothenburg, in French
    saint_brieuc.close()
