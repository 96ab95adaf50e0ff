"""A project's dates: the form refuses years outside 1990–2100, and a date stored some other way
(an old row, a script) never makes a page fail."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from projects.models import Project
from tests.factories import make_project, project_form_data

pytestmark = pytest.mark.django_db

NEW = "/en/projects/new/"
YEARS_ERROR = "Enter a date between the years 1990 and 2100."


@pytest.mark.parametrize("value", ["0001-01-01", "1989-12-31", "2101-01-01", "9999-12-31"])
@pytest.mark.parametrize("field", ["start_date", "end_date"])
def test_project_create_date_outside_the_years_is_a_form_error_and_saves_nothing(
    member_client, field, value
):
    # The other date left empty, so that only the years are wrong.
    data = project_form_data(**({"start_date": "", "end_date": ""} | {field: value}))

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert dict(response.context["form"].errors) == {field: [YEARS_ERROR]}
    assert Project.objects.count() == 0


def test_project_create_from_1990_to_2100_is_saved(member_client):
    response = member_client.post(
        NEW, project_form_data(start_date="1990-01-01", end_date="2100-12-31")
    )

    assert response.status_code == 302
    project = Project.objects.get()
    assert (project.start_date, project.end_date) == (
        datetime.date(1990, 1, 1),
        datetime.date(2100, 12, 31),
    )


def test_project_form_date_inputs_tell_the_browser_the_years(member_client):
    html = member_client.get(NEW).content.decode()

    assert '<input type="date" name="start_date" min="1990-01-01" max="2100-12-31"' in html
    assert '<input type="date" name="end_date" min="1990-01-01" max="2100-12-31"' in html


@pytest.mark.parametrize("field", ["start_date", "end_date"])
def test_project_date_outside_the_years_is_refused_by_full_clean(member, field):
    project = make_project(author=member)
    setattr(project, field, datetime.date(1, 1, 1))

    with pytest.raises(ValidationError) as error:
        project.full_clean(exclude=["search_vector"])

    assert error.value.message_dict == {field: [YEARS_ERROR]}


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/projects/",
        "/en/projects/from-year-one/",
        "/en/projects/from-year-one/history/",
        "/en/projects/from-year-one/edit/",
        "/en/cities/saint-brieuc/",
        "/en/themes/public-spaces/",
        "/en/search/?q=year",
    ],
)
def test_pages_with_a_stored_project_outside_the_years_answer(member, member_client, url):
    make_project(
        title="From year one",
        slug="from-year-one",
        author=member,
        start_date=datetime.date(1, 1, 1),
        end_date=datetime.date(9999, 12, 31),
    )

    response = member_client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_project_form_date_hints_claim_no_format(member_client, language):
    # The browser shows a date input in the reader's own format, not the ISO value it sends.
    html = member_client.get(f"/{language}/projects/new/").content.decode()

    for claimed in ("YYYY", "AAAA", "ÅÅÅÅ", "MM-DD", "MM-JJ", "Format"):
        assert claimed not in html
    if language == "en":
        assert "Leave empty if the project has no planned end." in html
