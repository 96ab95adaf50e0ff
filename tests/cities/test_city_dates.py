"""A city's joining date: full_clean() (so the admin) refuses years outside 1990–2100, and one
stored some other way is still shown."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import get_city

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [1, 1989, 2101, 9999])
def test_city_joined_outside_the_years_is_refused_by_full_clean(year):
    city = get_city("saint-brieuc")
    city.joined_on = datetime.date(year, 6, 1)

    with pytest.raises(ValidationError) as error:
        city.full_clean()

    assert error.value.message_dict == {
        "joined_on": ["Enter a date between the years 1990 and 2100."]
    }


def test_city_detail_with_a_stored_joining_date_in_year_one_answers(anonymous_client):
    city = get_city("saint-brieuc")
    city.joined_on = datetime.date(1, 1, 1)
    city.save(update_fields=["joined_on"])

    response = anonymous_client.get("/en/cities/saint-brieuc/")

    assert response.status_code == 200
    assert "<dt>Member since</dt><dd>0001</dd>" in response.content.decode()
