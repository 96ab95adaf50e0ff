"""Members propose glossary entries and corrections; network coordinators and staff decide,
on the portal and in the admin, through the same services."""

import pytest
from django.core.exceptions import ValidationError

from languages import services
from languages.enums import EntryState, PlanningSystem
from languages.models import GlossaryEntry
from tests.admin_forms import admin_form_data
from tests.factories import make_user
from tests.factories.glossary import make_entry

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "term_fr": "",
    "no_equivalent_fr": "on",
    "term_sv": "medborgarbudget",
    "term_en": "participatory budget",
    "system": PlanningSystem.SWEDEN,
    "definition_en": "A share of the budget that residents decide on.",
    "sources": "SKR | https://skr.se/\n",
    "note": "Used in Umeå.",
}


@pytest.fixture
def outsider(db):
    """Signed in, with no city."""
    return make_user(email="outsider@example.org", full_name="Olle Outsider")


@pytest.fixture
def proposal(member):
    return services.entry_propose(
        proposed_by=member,
        content={
            "term_sv": "medborgarbudget",
            "term_en": "participatory budget",
            "no_equivalent_fr": True,
            "system": PlanningSystem.SWEDEN,
            "definition_en": "A share of the budget that residents decide on.",
            "sources": [{"title": "SKR", "url": "https://skr.se/"}],
        },
    )


@pytest.fixture
def correction(member):
    entry = GlossaryEntry.objects.get(slug="samrad")
    content = {field: getattr(entry, field) for field in services.CONTENT_FIELDS}
    content["definition_en"] = "The first statutory stage of plan-making, corrected."
    return services.entry_propose(proposed_by=member, content=content, corrects=entry)


def test_anonymous_is_sent_to_sign_in_to_propose(client):
    response = client.get("/en/glossary/propose/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/glossary/propose/")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 403),
        ("member", 200),
        ("other_city_member", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_who_may_open_the_propose_form(login, user_for_role, role, status):
    response = login(user_for_role(role)).get("/en/glossary/propose/")

    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 403),
        ("member", 403),
        ("city_coordinator", 403),
        ("network_coordinator", 200),
        ("staff", 200),
        ("superuser", 200),
    ],
)
def test_who_may_see_the_proposals(login, user_for_role, role, status):
    response = login(user_for_role(role)).get("/en/glossary/proposals/")

    assert response.status_code == status


def test_anonymous_is_sent_to_sign_in_for_the_proposals(client):
    response = client.get("/en/glossary/proposals/")

    assert response.status_code == 302


def test_member_proposes_an_entry_that_waits(member_client, member):
    response = member_client.post("/en/glossary/propose/", PROPOSAL)

    assert response.status_code == 302
    entry = GlossaryEntry.objects.get(term_sv="medborgarbudget")
    assert (entry.state, entry.slug, entry.proposed_by, entry.note) == (
        EntryState.PROPOSED,
        "participatory-budget",
        member,
        "Used in Umeå.",
    )
    assert entry.no_equivalent_fr is True
    assert entry.sources == [{"title": "SKR", "url": "https://skr.se/"}]
    assert member_client.get("/en/glossary/participatory-budget/").status_code == 404


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"term_sv": "", "term_en": ""},
            "__all__",
            "Give the term in at least one language.",
        ),
        (
            {"term_fr": "budget participatif"},
            "no_equivalent_fr",
            "You gave a term in French: untick “no exact equivalent”.",
        ),
        ({"definition_en": ""}, "__all__", "Give a short definition in at least one language."),
        ({"sources": ""}, "sources", "This field is required."),
        ({"sources": "SKR | skr.se"}, "sources", "“skr.se” is not a web address (https://…)."),
        (
            {"sources": "just a title"},
            "sources",
            "Line 1: write the title, a bar and the address: Title | https://…",
        ),
        (
            {"system": "DE"},
            "system",
            "Select a valid choice. DE is not one of the available choices.",
        ),
    ],
)
def test_bad_proposal_gets_a_form_error_and_saves_nothing(member_client, change, field, message):
    before = GlossaryEntry.objects.count()

    response = member_client.post("/en/glossary/propose/", {**PROPOSAL, **change})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert GlossaryEntry.objects.count() == before


def test_outsider_may_not_post_a_proposal(login, outsider):
    before = GlossaryEntry.objects.count()

    response = login(outsider).post("/en/glossary/propose/", PROPOSAL)

    assert response.status_code == 403
    assert GlossaryEntry.objects.count() == before


def test_member_proposes_a_correction_from_the_entry(member_client, member):
    form = member_client.get("/en/glossary/samrad/correct/")
    data = {**form.context["form"].initial, "sources": form.context["form"]["sources"].value()}
    data = {key: value for key, value in data.items() if value not in (False, None)}
    data["definition_en"] = "Corrected definition."

    response = member_client.post("/en/glossary/samrad/correct/", data)

    assert response.status_code == 302
    assert response["Location"] == "/en/glossary/samrad/"
    correction = GlossaryEntry.objects.get(corrects__slug="samrad")
    assert (correction.slug, correction.state, correction.definition_en) == (
        "samrad",
        EntryState.PROPOSED,
        "Corrected definition.",
    )
    assert GlossaryEntry.objects.get(slug="samrad", corrects=None).definition_en.startswith(
        "The first statutory stage"
    )


def test_correction_of_an_unpublished_entry_is_404(member_client, proposal):
    assert member_client.get(f"/en/glossary/{proposal.slug}/correct/").status_code == 404


def test_proposals_page_lists_new_entries_and_what_corrections_change(
    login, network_coordinator, proposal, correction, django_assert_num_queries
):
    client = login(network_coordinator)

    with django_assert_num_queries(4):
        response = client.get("/en/glossary/proposals/")

    html = response.content.decode()
    assert "New entry: “participatory budget”" in html
    assert "Correction to “consultation”" in html
    assert "<td>The first statutory stage of plan-making, corrected.</td>" in html
    assert html.count('<th scope="row">') == 1  # only the definition changed


def test_proposals_page_costs_the_same_with_many_proposals(
    login, network_coordinator, member, django_assert_num_queries
):
    for _ in range(15):
        make_entry(state=EntryState.PROPOSED, proposed_by=member, sources=[])

    client = login(network_coordinator)

    with django_assert_num_queries(4):
        response = client.get("/en/glossary/proposals/")

    assert response.content.decode().count('value="approve"') == 15


@pytest.mark.parametrize("role", ["network_coordinator", "staff"])
def test_coordinator_or_staff_approves_a_new_entry(login, user_for_role, role, proposal):
    decider = user_for_role(role)

    response = login(decider).post(
        f"/en/glossary/proposals/{proposal.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == (EntryState.PUBLISHED, decider)
    assert proposal.decided_at is not None
    assert login(None).get("/en/glossary/participatory-budget/").status_code == 200


@pytest.mark.parametrize("role", ["member", "city_coordinator", "outsider"])
def test_others_may_not_approve(login, user_for_role, role, proposal):
    response = login(user_for_role(role)).post(
        f"/en/glossary/proposals/{proposal.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.state == EntryState.PROPOSED


def test_approving_a_correction_applies_it_to_the_entry(login, network_coordinator, correction):
    login(network_coordinator).post(
        f"/en/glossary/proposals/{correction.pk}/decide/", {"decision": "approve"}
    )

    entry = GlossaryEntry.objects.get(slug="samrad", corrects=None)
    correction.refresh_from_db()
    assert entry.definition_en == "The first statutory stage of plan-making, corrected."
    assert entry.state == EntryState.PUBLISHED
    assert (correction.state, correction.decided_by) == (EntryState.APPLIED, network_coordinator)


def test_rejecting_leaves_the_entry_unpublished(login, network_coordinator, proposal):
    login(network_coordinator).post(
        f"/en/glossary/proposals/{proposal.pk}/decide/", {"decision": "reject"}
    )

    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == (EntryState.REJECTED, network_coordinator)


def test_deciding_twice_is_a_404(login, network_coordinator, proposal):
    client = login(network_coordinator)
    client.post(f"/en/glossary/proposals/{proposal.pk}/decide/", {"decision": "reject"})

    response = client.post(f"/en/glossary/proposals/{proposal.pk}/decide/", {"decision": "approve"})

    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.state == EntryState.REJECTED


def test_unknown_decision_changes_nothing(login, network_coordinator, proposal):
    response = login(network_coordinator).post(
        f"/en/glossary/proposals/{proposal.pk}/decide/", {"decision": "maybe"}, follow=True
    )

    assert "Choose to approve or to reject the proposal." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == EntryState.PROPOSED


def test_service_refuses_to_decide_a_decided_proposal(network_coordinator, proposal):
    services.entry_reject(entry=proposal, decided_by=network_coordinator)

    with pytest.raises(ValidationError, match="already been decided"):
        services.entry_approve(entry=proposal, decided_by=network_coordinator)


def test_service_refuses_unknown_content(member):
    with pytest.raises(TypeError, match="state"):
        services.entry_propose(proposed_by=member, content={"term_en": "x", "state": "published"})


def test_proposed_slug_avoids_the_glossarys_own_addresses(member):
    entry = services.entry_propose(
        proposed_by=member,
        content={"term_en": "Proposals", "system": PlanningSystem.BOTH, "definition_en": "x"},
    )

    assert entry.slug == "proposals-2"


def test_admin_edit_goes_through_the_service_and_keeps_the_source_rule(admin_client):
    entry = GlossaryEntry.objects.get(slug="zac")
    url = f"/admin/languages/glossaryentry/{entry.pk}/change/"
    data = admin_form_data(admin_client, url)

    data["term_en"] = "concerted development zone (ZAC), edited"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.term_en == "concerted development zone (ZAC), edited"

    data["sources"] = "Caue | not-a-url"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "is not a web address" in response.content.decode()


def test_admin_adds_a_proposal_and_approves_it_with_the_action(admin_client, superuser):
    data = admin_form_data(admin_client, "/admin/languages/glossaryentry/add/")
    data.update(PROPOSAL)

    response = admin_client.post("/admin/languages/glossaryentry/add/", data)

    assert response.status_code == 302
    entry = GlossaryEntry.objects.get(term_sv="medborgarbudget")
    assert (entry.state, entry.proposed_by) == (EntryState.PROPOSED, superuser)

    admin_client.post(
        "/admin/languages/glossaryentry/",
        {"action": "approve", "_selected_action": [entry.pk]},
    )
    entry.refresh_from_db()
    assert (entry.state, entry.decided_by) == (EntryState.PUBLISHED, superuser)
