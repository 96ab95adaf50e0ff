"""Eight people register for one four-seat event at the same moment, on a SQLite file.

Run by test_event_registration_sqlite.py in a fresh interpreter, with DATABASE_URL naming an
empty file: the test database of pytest lives in memory, where SQLite never has to wait for a
lock, so it cannot show what `make run` does. Prints what happened as JSON.
"""

import json
import sys
import threading

import django

PEOPLE = 8
SEATS = 4


def main() -> None:
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from events import services
    from events.models import Registration
    from tests.factories import bulk_members, make_event

    call_command("migrate", verbosity=0)
    event = make_event(capacity=SEATS, slug="crowded-seminar")
    people = bulk_members(PEOPLE, word="Crowd")
    connection.close()
    barrier = threading.Barrier(PEOPLE)
    errors: list[str] = []

    def register(person) -> None:
        try:
            barrier.wait(timeout=30)
            services.registration_register(event=event, user=person)
        except BaseException as error:  # reported in the output
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    json.dump(
        {
            "options": connection.settings_dict["OPTIONS"],
            "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
            "errors": errors,
            "alive": sum(thread.is_alive() for thread in threads),
            "states": sorted(
                Registration.objects.filter(event=event).values_list("state", flat=True)
            ),
            "people": Registration.objects.filter(event=event).values("user").distinct().count(),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
