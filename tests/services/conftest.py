"""A real Celery worker process on the local Redis, for the tests marked ``services``.

The worker reads the test's PostgreSQL database (so the tests commit: transaction=True) and
writes e-mails to files (the file-based backend), which the tests wait for.
"""

import email
import email.policy
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from alliance_portal.celery import app
from tests.languages.servers import FakeLibreTranslate
from tests.live import database_url

BROKER_URL = os.environ.get("CELERY_SERVICES_BROKER_URL", "redis://127.0.0.1:6379/5")
WAIT = 30  # seconds, at most, for the worker to start and for the e-mails to arrive
SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # what the file-based backend writes after each message


def _use_broker(url: str, *, eager: bool) -> None:
    app.conf.broker_url = url
    app.conf.task_always_eager = eager
    # Connections are pooled per app: drop the pool so that the next task goes to ``url``.
    app._pool = None
    app.amqp._producer_pool = None


class Worker:
    def __init__(self, process: subprocess.Popen, log: Path, mail_dir: Path):
        self.process, self.log, self.mail_dir = process, log, mail_dir

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_mail(self, count: int) -> list[email.message.EmailMessage]:
        """The ``count`` e-mails the worker wrote, once they are all there (or fail)."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            messages = [
                part
                for path in sorted(self.mail_dir.glob("*.log"))
                for part in path.read_bytes().split(SEPARATOR)
                if part.strip()
            ]
            complete = all(
                path.read_bytes().endswith(SEPARATOR) for path in self.mail_dir.glob("*.log")
            )
            if len(messages) >= count and complete:
                return [email.message_from_bytes(m, policy=email.policy.default) for m in messages]
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        pytest.fail(f"expected {count} e-mail(s) within {WAIT} s; worker log:\n{self.output()}")


@pytest.fixture(scope="session")
def translation_engine():
    """A LibreTranslate server on the loopback, the engine of the worker (and of the tests)."""
    with FakeLibreTranslate() as server:
        yield server


@pytest.fixture(scope="session")
def _worker_process(django_db_setup, tmp_path_factory, translation_engine):
    """``celery -A alliance_portal worker`` on Redis, against the test database; it stops
    before the database is dropped."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker needs the test database on PostgreSQL (DATABASE_URL)")
    try:
        broker = redis.Redis.from_url(BROKER_URL)
        broker.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {BROKER_URL}")
    broker.flushdb()  # our own database number: nothing of anyone else's
    folder = tmp_path_factory.mktemp("celery-worker")
    mail_dir, log = folder / "mail", folder / "worker.log"
    mail_dir.mkdir()
    celery = shutil.which("celery", path=str(Path(sys.executable).parent)) or "celery"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "alliance_portal.settings",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "PORTAL_BASE_URL": settings.PORTAL_BASE_URL,
        "TRANSLATION_BACKEND": "libretranslate",
        "TRANSLATION_URL": translation_engine.url,
    }
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - the venv's celery, our app
            [
                celery,
                "-A",
                "alliance_portal",
                "worker",
                "-l",
                "info",
                "--pool",
                "solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"services-{os.getpid()}@%h",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    worker = Worker(process, log, mail_dir)
    eager, broker_url = app.conf.task_always_eager, app.conf.broker_url
    try:
        deadline = time.monotonic() + WAIT
        while " ready." not in worker.output():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the worker did not start; its log:\n{worker.output()}")
            time.sleep(0.2)
        _use_broker(BROKER_URL, eager=False)
        yield worker
    finally:
        _use_broker(broker_url, eager=eager)
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        broker.flushdb()


@pytest.fixture
def celery_worker(_worker_process):
    """The running worker, with no e-mail written yet."""
    for path in _worker_process.mail_dir.iterdir():
        path.unlink()
    return _worker_process
