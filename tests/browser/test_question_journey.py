"""An Umeå planner finds Saint-Brieuc's question among her suggestions and answers it with an Umeå
project; the Saint-Brieuc asker is notified, marks the answer useful and closes the question."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from cities.enums import MembershipRole
from cities.models import City
from projects.models import Project
from projects.services import project_saved
from questions.models import Question
from themes.models import Theme

from .conftest import approve, make_person, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _umea_planner():
    planner = make_person("elin@example.org", "Elin Umeå", in_directory=True)
    approve(planner, "umea", MembershipRole.PLANNER)
    project = Project.objects.create(
        slug="gender-aware-squares",
        city=City.objects.get(slug="umea"),
        author=planner,
        title="Gender-aware squares",
        lead_organisation="Umeå kommun",
        summary="Who uses our squares, and who does not: we count and adapt.",
        content_language="en",
    )
    project.themes.set(Theme.objects.filter(slug="public-spaces"))
    project_saved(project=project, user=planner)
    return planner, project


def test_suggested_question_answered_notified_marked_useful_and_closed(
    people, live_server, browser
):
    planner, project = _umea_planner()
    asker = people["member"]
    asker.notification_frequency = "immediately"
    asker.save(update_fields=["notification_frequency"])

    umea = browser.new_context(locale="en-GB")
    sign_in(umea, live_server, planner)
    page = umea.new_page()
    page.goto(f"{live_server.url}/en/suggestions/")
    questions = page.get_by_role("region", name="Open questions your city could answer")
    questions.get_by_role("link", name="How do you make a square work for every use?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How do you make a square work for every use?"
    )
    page.get_by_label("Your answer").fill("We count users by gender and age three times a day.")
    page.get_by_label("Umeå: Gender-aware squares").check()
    page.get_by_role("button", name="Post the answer").click()
    expect(page.get_by_role("status")).to_contain_text("Your answer was posted")
    answer = Question.objects.get(slug="square-for-every-use").answers.get(author=planner)
    assert list(answer.projects.all()) == [project]
    assert [message.to for message in mail.outbox if "square" in message.subject] == [[asker.email]]
    umea.close()

    saint_brieuc = browser.new_context(locale="en-GB")
    sign_in(saint_brieuc, live_server, asker)
    page = saint_brieuc.new_page()
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Notifications"
    ).click()
    page.get_by_role("button", name="How do you make a square work for every use?").click()
    expect(page).to_have_url(
        f"{live_server.url}/en/questions/square-for-every-use/#answer-{answer.pk}"
    )
    page.get_by_role("button", name="Mark the answer from Umeå as useful").click()
    expect(page.get_by_role("status")).to_contain_text("Marked as useful")
    page.get_by_label("What we learned").fill("Count users by gender; test before building.")
    page.get_by_role("button", name="Close with this summary").click()
    expect(page.get_by_role("status")).to_contain_text("The question is closed")
    question = Question.objects.get(slug="square-for-every-use")
    assert question.closed_at is not None
    assert answer.useful_marks.filter(user=asker).exists()
    saint_brieuc.close()
