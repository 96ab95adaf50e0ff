"""Two workers recomputing the matches at the same moment (two projects saved at once) both
rewrite the cities' lists: the second waits for the first instead of inserting the same rows
again."""

import threading

import pytest
from django.db import connection

from projects.matching import update_matches
from projects.models import CityMatchProfile
from tests.factories import make_project


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_matches_updated_at_the_same_moment_write_each_citys_list_once():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; CI runs this test on PostgreSQL")
    projects = [make_project(city=city) for city in ("saint-brieuc", "gothenburg", "umea")]
    workers = 6
    barrier = threading.Barrier(workers)
    errors: list[Exception] = []

    def work(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            update_matches(projects[number % len(projects)].pk)
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=work, args=(number,)) for number in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    counts = list(CityMatchProfile.objects.values_list("city_id", flat=True))
    assert len(counts) == len(set(counts))
