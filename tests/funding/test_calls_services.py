"""Saving a funding call: its deadlines replace the old ones and the last one is ``closes_at``;
every refusal (no deadline, one before the opening day in Brussels, two at the same instant, a
co-funding rate outside 0–100) says why and writes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from funding.enums import Programme
from funding.models import CallDeadline, FundingCall
from funding.services import call_deadlines_changed, call_delete, call_save
from tests.factories.funding import brussels_time, make_call, make_deadline

pytestmark = pytest.mark.django_db

OPENS = datetime.date(2027, 3, 15)


def call_data(**changes) -> dict:
    data = {
        "programme": Programme.URBACT,
        "identifier": "URBACT-IV-APN-2027",
        "title": "URBACT Action Planning Networks",
        "summary": "Networks of cities that plan together.",
        "opens_on": OPENS,
        "budget": 5_000_000,
        "cofunding_rate": 80,
        "eligibility": "",
        "open_to_france": True,
        "open_to_sweden": True,
        "official_url": "https://urbact.eu/calls/apn-2027",
        "content_language": "en",
        "is_example": False,
    }
    data.update(changes)
    return data


def refusal(deadlines, **changes) -> dict[str, list[str]]:
    """What ``call_save`` says about a new call with these deadlines, by field."""
    with pytest.raises(ValidationError) as caught:
        call_save(data=call_data(**changes), deadlines=deadlines, user=None)
    assert not FundingCall.objects.exists()
    assert not CallDeadline.objects.exists()
    return caught.value.message_dict


# --- Creating ------------------------------------------------------------------------------


def test_a_new_call_keeps_its_last_deadline_as_closes_at(network_coordinator):
    first, last = brussels_time(OPENS, 12), brussels_time(datetime.date(2027, 6, 30), 17)

    call = call_save(
        data=call_data(),
        deadlines=[(last, " Full proposal "), (first, "Expression of interest")],
        themes=[],
        user=network_coordinator,
    )

    call.refresh_from_db()
    assert call.slug == "urbact-action-planning-networks"
    assert call.created_by == network_coordinator
    assert call.closes_at == last
    assert [(row.at, row.label) for row in call.deadlines.order_by("at")] == [
        (first, "Expression of interest"),
        (last, "Full proposal"),
    ]


def test_a_deadline_is_stored_as_the_instant_typed_in_brussels():
    winter, summer = brussels_time(OPENS, 17), brussels_time(datetime.date(2027, 6, 15), 17)

    call = call_save(data=call_data(), deadlines=[(winter, ""), (summer, "")], user=None)

    stored = [row.at.astimezone(datetime.UTC) for row in call.deadlines.order_by("at")]
    assert [moment.strftime("%Y-%m-%d %H:%M") for moment in stored] == [
        "2027-03-15 16:00",  # CET, UTC+1
        "2027-06-15 15:00",  # CEST, UTC+2
    ]


def test_slugs_are_unique_and_never_the_form_address():
    first = make_call(title="Green cities")
    second = make_call(title="Green cities")
    new = make_call(title="New")

    assert (first.slug, second.slug, new.slug) == ("green-cities", "green-cities-2", "new-2")


def test_unknown_fields_are_a_programming_error():
    with pytest.raises(TypeError, match="slug"):
        call_save(
            data={**call_data(), "slug": "mine"},
            deadlines=[(brussels_time(OPENS), "")],
            user=None,
        )


# --- Refusals ------------------------------------------------------------------------------


def test_a_call_needs_a_deadline():
    assert refusal([]) == {"deadlines": ["Give at least one deadline."]}


def test_a_deadline_before_the_opening_day_is_refused():
    day_before = brussels_time(OPENS - datetime.timedelta(days=1), 23, 30)

    assert refusal([(day_before, "")]) == {
        "deadlines": [
            "The deadline of March 14, 2027, 11:30 p.m. (Brussels time) is before the opening date."
        ]
    }


def test_a_deadline_early_on_the_opening_day_in_brussels_is_accepted():
    """00:30 in Brussels is still the evening before in UTC: the day counts in Brussels."""
    early = brussels_time(OPENS, 0, 30)
    assert early.astimezone(datetime.UTC).date() < OPENS

    call = call_save(data=call_data(), deadlines=[(early, "")], user=None)

    assert call.closes_at == early


def test_two_deadlines_at_the_same_instant_are_refused():
    at = brussels_time(datetime.date(2027, 5, 2), 17)
    same_in_utc = at.astimezone(datetime.UTC)

    assert refusal([(at, "Stage 1"), (same_in_utc, "Stage 2")]) == {
        "deadlines": ["Two deadlines are at the same time: May 2, 2027, 5 p.m. (Brussels time)."]
    }


@pytest.mark.parametrize("rate", [101, 150, -1])
def test_a_co_funding_rate_outside_0_to_100_is_refused(rate):
    assert refusal([(brussels_time(OPENS), "")], cofunding_rate=rate)["cofunding_rate"] == [
        "A co-funding rate is between 0 and 100 %."
    ]


def test_a_call_open_to_no_country_is_refused():
    errors = refusal([(brussels_time(OPENS), "")], open_to_france=False, open_to_sweden=False)

    assert errors == {"__all__": ["A call is open to French or Swedish applicants."]}


def test_every_problem_is_said_at_once():
    errors = refusal([], cofunding_rate=150, official_url="not a link", title="")

    assert set(errors) == {"deadlines", "cofunding_rate", "official_url", "title"}


# --- Changing ------------------------------------------------------------------------------


def test_saving_again_replaces_the_deadlines_and_keeps_their_rows():
    march, may, june = (
        brussels_time(OPENS, 17),
        brussels_time(datetime.date(2027, 5, 3), 17),
        brussels_time(datetime.date(2027, 6, 30), 17),
    )
    call = make_call(opens_on=OPENS, deadlines=((march, "Stage 1"), (may, "Stage 2")))
    ids = dict(call.deadlines.values_list("at", "pk"))

    call_save(
        call=call,
        data=call_data(title="Renamed"),
        deadlines=[(march, "Stage one"), (june, "Stage 2")],
        user=None,
    )

    rows = list(call.deadlines.order_by("at").values_list("pk", "at", "label"))
    # Same instant: same row; the put-off stage moved its row (and so keeps its UID).
    assert rows == [(ids[march], march, "Stage one"), (ids[may], june, "Stage 2")]
    call.refresh_from_db()
    assert (call.title, call.slug, call.closes_at) == ("Renamed", call.slug, june)


def test_a_new_deadline_is_a_new_row():
    march, may = brussels_time(OPENS, 17), brussels_time(datetime.date(2027, 5, 3), 17)
    call = make_call(opens_on=OPENS, deadlines=((march, "Stage 1"),))
    old = call.deadlines.get()

    call_save(call=call, data=call_data(), deadlines=[(may, "Final report")], user=None)

    new = call.deadlines.get()
    assert (new.at, new.label) == (may, "Final report")
    assert new.pk != old.pk


def test_a_deadline_left_out_is_deleted():
    march, may = brussels_time(OPENS, 17), brussels_time(datetime.date(2027, 5, 3), 17)
    call = make_call(opens_on=OPENS, deadlines=(march, may))

    call_save(call=call, data=call_data(), deadlines=[(march, "")], user=None)

    assert list(call.deadlines.values_list("at", flat=True)) == [march]
    call.refresh_from_db()
    assert call.closes_at == march


def test_a_refused_change_leaves_the_call_as_it_was():
    march = brussels_time(OPENS, 17)
    call = make_call(title="As it was", opens_on=OPENS, deadlines=((march, "Stage 1"),))

    with pytest.raises(ValidationError):
        call_save(
            call=call,
            data=call_data(title="Changed", opens_on=datetime.date(2027, 4, 1)),
            deadlines=[(march, "Stage 1")],
            user=None,
        )

    fresh = FundingCall.objects.get(pk=call.pk)
    assert (fresh.title, fresh.opens_on, fresh.closes_at) == ("As it was", OPENS, march)
    assert list(fresh.deadlines.values_list("at", "label")) == [(march, "Stage 1")]


def test_deadlines_changed_elsewhere_set_closes_at_again():
    march = brussels_time(OPENS, 17)
    call = make_call(opens_on=OPENS, deadlines=(march,))
    later = march + datetime.timedelta(days=40)
    CallDeadline.objects.create(call=call, at=later)

    call_deadlines_changed(call=call)

    call.refresh_from_db()
    assert call.closes_at == later


def test_make_deadline_keeps_closes_at():
    march = brussels_time(OPENS, 17)
    call = make_call(opens_on=OPENS, deadlines=(march,))

    make_deadline(call=call, at=march + datetime.timedelta(days=3), label="Stage 2")

    assert FundingCall.objects.get(pk=call.pk).closes_at == march + datetime.timedelta(days=3)


def test_deleting_a_call_deletes_its_deadlines(network_coordinator):
    call = make_call(deadlines=(brussels_time(OPENS), brussels_time(OPENS, 18)))

    call_delete(call=call, user=network_coordinator)

    assert not FundingCall.objects.exists()
    assert not CallDeadline.objects.exists()
