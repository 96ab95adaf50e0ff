"""Funding calls in the Django admin: the pages open, and deadlines changed in the inline keep
the call's ``closes_at`` (the list's order and status read it)."""

import datetime

import pytest

from funding.models import FundingCall
from tests.admin_forms import admin_form_data
from tests.factories.funding import brussels_time, make_call

pytestmark = pytest.mark.django_db

JUNE = brussels_time(datetime.date(2031, 6, 15), 17)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/funding/fundingcall/",
        "/admin/funding/fundingcall/add/",
        "/admin/funding/callinterest/",
        "/admin/funding/partnersearch/",
        "/admin/funding/partnerreply/",
        "/admin/funding/partnersheet/",
    ],
)
def test_the_admin_pages_open(admin_client, path):
    make_call(deadlines=(JUNE,))

    assert admin_client.get(path).status_code == 200


def test_a_deadline_added_in_the_admin_moves_closes_at(admin_client):
    call = make_call(title="Admin call", deadlines=(JUNE,))
    url = f"/admin/funding/fundingcall/{call.pk}/change/"
    data = admin_form_data(admin_client, url)
    data.update(
        {
            "deadlines-1-call": [str(call.pk)],
            "deadlines-1-at_0": ["2031-09-30"],
            "deadlines-1-at_1": ["12:00:00"],
            "deadlines-1-label": ["Full proposal"],
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    call = FundingCall.objects.get(pk=call.pk)
    assert call.closes_at == brussels_time(datetime.date(2031, 9, 30), 12)
    assert call.deadlines.count() == 2


def test_a_partner_sheet_is_read_only_in_the_admin(admin_client):
    assert admin_client.get("/admin/funding/partnersheet/add/").status_code == 403
