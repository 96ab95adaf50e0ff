"""The Celery app as a worker and beat load it, checked in fresh interpreters."""

import functools
import json
import os
import subprocess
import sys

from django.conf import settings

PRINT_CELERY = """
import json, django
django.setup()
from django.conf import settings
from alliance_portal.celery import app
app.loader.import_default_modules()  # what `celery worker` does: autodiscover the tasks
print(json.dumps({
    "broker": app.conf.broker_url,
    "eager": app.conf.task_always_eager,
    "email_timeout": settings.EMAIL_TIMEOUT,
    "beat": {
        name: [entry["task"], repr(entry["schedule"])]
        for name, entry in app.conf.beat_schedule.items()
    },
    "tasks": sorted(name for name in app.tasks if not name.startswith("celery.")),
}))
"""


def celery_settings(**env: str) -> dict:
    ignored = {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "EMAIL_TIMEOUT"}
    clean = {key: value for key, value in os.environ.items() if key not in ignored}
    clean.update({"DJANGO_SETTINGS_MODULE": "alliance_portal.settings", "DJANGO_DEBUG": "1"})
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", PRINT_CELERY],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@functools.cache
def default_settings() -> dict:
    return celery_settings()


def test_celery_without_a_broker_runs_tasks_in_process():
    values = default_settings()

    assert values["eager"] is True
    assert values["email_timeout"] == 10


def test_celery_uses_the_broker_and_mail_timeout_from_the_environment():
    values = celery_settings(CELERY_BROKER_URL="redis://127.0.0.1:6379/5", EMAIL_TIMEOUT="3")

    assert values["broker"] == "redis://127.0.0.1:6379/5"
    assert values["eager"] is False
    assert values["email_timeout"] == 3


def test_celery_beat_sends_the_digests_and_purges_pending_uploads_every_hour():
    values = default_settings()

    assert values["beat"] == {
        "send-due-digests": [
            "notifications.tasks.send_digests",
            "<crontab: 0 * * * * (m/h/dM/MY/d)>",
        ],
        "purge-pending-uploads": [
            "projects.tasks.purge_pending_uploads",
            "<crontab: 30 * * * * (m/h/dM/MY/d)>",
        ],
        "send-report-digests": [
            "projects.tasks.send_report_digests",
            "<crontab: 45 * * * * (m/h/dM/MY/d)>",
        ],
        "apply-retention": [
            "alliance_portal.tasks.apply_retention",
            "<crontab: 15 3 * * * (m/h/dM/MY/d)>",
        ],
    }


def test_celery_worker_finds_every_task_of_the_apps():
    values = default_settings()

    assert values["tasks"] == [
        "alliance_portal.tasks.apply_retention",
        "alliance_portal.tasks.prepare_data_export",
        "cities.tasks.mail_membership_requested",
        "core.tasks.deliver_email",
        "events.tasks.mail_event_cancelled",
        "events.tasks.mail_seats",
        "funding.tasks.make_partner_sheet",
        "languages.tasks.machine_translate",
        "notifications.tasks.send_at_once",
        "notifications.tasks.send_digests",
        "projects.tasks.mail_comment_posted",
        "projects.tasks.mail_report_filed",
        "projects.tasks.mail_review_requested",
        "projects.tasks.purge_pending_uploads",
        "projects.tasks.refresh_list_summaries",
        "projects.tasks.send_report_digests",
        "projects.tasks.update_matches",
    ]
