"""Fair seats under load on SQLite, as `make run` serves them: nobody gets a 500 for
"database is locked" when people register at the same moment."""

import json
import os
import subprocess
import sys

from django.conf import settings

from events.enums import RegistrationState
from tests.events import sqlite_crowd


def test_registration_register_concurrently_on_a_sqlite_file_gives_the_seats_and_queues_the_rest(
    tmp_path,
):
    # Always its own file, whatever database the suite runs on: the settings under test are
    # the ones for SQLite.
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "alliance_portal.settings_test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'crowd.sqlite3'}",
    }

    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tests.events.sqlite_crowd"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["options"] == {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    assert outcome["journal_mode"] == "wal"
    assert outcome["errors"] == []
    assert outcome["alive"] == 0
    assert outcome["people"] == sqlite_crowd.PEOPLE
    assert outcome["states"] == sorted(
        [RegistrationState.CONFIRMED] * sqlite_crowd.SEATS
        + [RegistrationState.WAITING] * (sqlite_crowd.PEOPLE - sqlite_crowd.SEATS)
    )
