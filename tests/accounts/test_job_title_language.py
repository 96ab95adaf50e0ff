import pytest

from tests.content_language import selected_language

pytestmark = pytest.mark.django_db

URL = "/en/accounts/profile/"


def data(**changes) -> dict:
    return {"full_name": "Yann Member", "job_title": "Urbaniste", "preferred_language": "en"} | (
        changes
    )


def test_profile_shows_the_job_titles_language(member_client, member):
    member.job_title_language = "sv"
    member.save(update_fields=["job_title_language"])

    page = member_client.get(URL).content.decode()

    assert selected_language(page, "job_title_language") == "sv"


def test_profile_changes_the_job_titles_language(member_client, member):
    member_client.post(URL, data(job_title_language="fr"))

    member.refresh_from_db()
    assert (member.job_title, member.job_title_language) == ("Urbaniste", "fr")


def test_profile_refuses_an_unknown_job_title_language(member_client, member):
    response = member_client.post(URL, data(job_title_language="de"))

    member.refresh_from_db()
    assert "Select a valid choice. de is not one of the available choices." in (
        response.content.decode()
    )
    assert (member.job_title, member.job_title_language) == ("Urban planner", "en")
