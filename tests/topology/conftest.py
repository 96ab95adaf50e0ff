"""The production topology on the loopback, for the tests marked ``topology``.

An S3-compatible object store (moto's standalone server, a process of its own) with a public
and a private bucket; two app servers under gunicorn with the production settings; one
``celery -A alliance_portal worker``; all on the test's PostgreSQL database (so the tests
commit: transaction=True) and the local Redis (cache and sessions in database 6, the task
queue in database 7). The tests talk to them over HTTP only, as browsers behind a load
balancer that ends TLS (X-Forwarded-Proto: https).
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import boto3
import pytest
import redis
import requests
from django.conf import settings
from django.db import connection

CACHE_URL = os.environ.get("TOPOLOGY_REDIS_URL", "redis://127.0.0.1:6379/6")
BROKER_URL = os.environ.get("TOPOLOGY_BROKER_URL", "redis://127.0.0.1:6379/7")
MEDIA_BUCKET = "alliance-media"
PRIVATE_BUCKET = "alliance-private"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "topology-test", "AWS_SECRET_ACCESS_KEY": "topology-test"}
REGION = "us-east-1"
WAIT = 60  # seconds, at most, for a process to start or an e-mail to arrive
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


class Process:
    """A child process whose output goes to a log file, stopped by ``stop``."""

    def __init__(self, name: str, command: list[str], env: dict, log: Path):
        self.name, self.log = name, log
        with log.open("wb") as output:
            self.popen = subprocess.Popen(  # noqa: S603 - the venv's own programs
                command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_until(self, ready, what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not ready():
            if self.popen.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{self.name}: {what} did not happen; its log:\n{self.output()}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def _answers(url: str) -> bool:
    try:
        requests.get(url, timeout=5)
    except requests.RequestException:
        return False
    return True


@dataclass
class ObjectStore:
    url: str
    client: object  # a boto3 S3 client with the portal's keys

    def object(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def keys(self, bucket: str) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def empty(self) -> None:
        for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
            for key in self.keys(bucket):
                self.client.delete_object(Bucket=bucket, Key=key)


@pytest.fixture(scope="session")
def object_store(tmp_path_factory):
    """moto's S3-compatible server on a port of its own, with the two buckets."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    folder = tmp_path_factory.mktemp("object-store")
    server = Process(
        "moto",
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        {**os.environ, **S3_KEYS},
        folder / "moto.log",
    )
    try:
        server.wait_until(lambda: _answers(url), "answering")
        client = boto3.client(
            "s3",
            endpoint_url=url,
            region_name=REGION,
            aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
        )
        for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
            client.create_bucket(Bucket=bucket)
        yield ObjectStore(url, client)
    finally:
        server.stop()


def s3_environment(store: ObjectStore) -> dict[str, str]:
    return {
        "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
        "AWS_PRIVATE_BUCKET_NAME": PRIVATE_BUCKET,
        "AWS_S3_ENDPOINT_URL": store.url,
        "AWS_S3_REGION_NAME": REGION,
        **S3_KEYS,
    }


@dataclass
class AppServer:
    name: str
    port: int
    process: Process

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> str:
        """What the browser sees, through the load balancer."""
        return f"https://127.0.0.1:{self.port}"


@dataclass
class Topology:
    servers: list[AppServer]
    worker: Process
    store: ObjectStore
    mail_dir: Path  # the worker's outbox
    app_mail_dir: Path  # the app servers' (which must stay empty: mail leaves the request)


@pytest.fixture(scope="session")
def topology(django_db_setup, django_db_blocker, tmp_path_factory, object_store):
    if connection.vendor != "postgresql":
        pytest.skip("the topology needs the test database on PostgreSQL (DATABASE_URL)")
    brokers = [redis.Redis.from_url(url) for url in (CACHE_URL, BROKER_URL)]
    try:
        for broker in brokers:
            broker.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {CACHE_URL}")
    for broker in brokers:
        broker.flushdb()  # our own database numbers: nothing of anyone else's
    folder = tmp_path_factory.mktemp("topology")
    mail_dir, app_mail_dir = folder / "worker-mail", folder / "app-mail"
    mail_dir.mkdir()
    app_mail_dir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "alliance_portal.settings",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": _database_url(),
        "CONN_MAX_AGE": "60",
        "REDIS_URL": CACHE_URL,
        "CELERY_BROKER_URL": BROKER_URL,
        "STATIC_ROOT": str(folder / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(app_mail_dir),
        "PORTAL_BASE_URL": "https://portal.example.org",
        "LOG_LEVEL": "WARNING",
        **s3_environment(object_store),
    }
    subprocess.run(  # noqa: S603 - the deployment's one-off step
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    processes = []
    try:
        celery = shutil.which("celery", path=str(Path(sys.executable).parent)) or "celery"
        worker = Process(
            "worker",
            [
                celery,
                "-A",
                "alliance_portal",
                "worker",
                "-l",
                "info",
                "--concurrency",
                "2",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"topology-{os.getpid()}@%h",
            ],
            {**env, "EMAIL_FILE_PATH": str(mail_dir), "LOG_LEVEL": "INFO"},
            folder / "worker.log",
        )
        processes.append(worker)
        servers = []
        for name in ("A", "B"):
            port = free_port()
            process = Process(
                f"app server {name}",
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "alliance_portal.wsgi:application",
                    f"--bind=127.0.0.1:{port}",
                    "--workers=2",
                    "--timeout=60",
                    "--log-level=warning",
                ],
                env,
                folder / f"app-{name}.log",
            )
            processes.append(process)
            servers.append(AppServer(name, port, process))
        for server in servers:
            server.process.wait_until(lambda s=server: _answers(f"{s.url}/healthz"), "answering")
        worker.wait_until(lambda: " ready." in worker.output(), "getting ready")
        yield Topology(servers, worker, object_store, mail_dir, app_mail_dir)
    finally:
        for process in reversed(processes):
            process.stop()
        for broker in brokers:
            broker.flushdb()


@dataclass
class Visitor:
    """A browser: its cookies, sent to whichever app server the load balancer picks."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, server: AppServer, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"X-Forwarded-Proto": "https", **kwargs.pop("headers", {})}
        if method != "GET":
            headers["Origin"] = server.origin
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method,
            server.url + path,
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        # The cookies are Secure: this client keeps them, as a browser does over HTTPS.
        for cookie in response.cookies:
            if cookie.value:
                self.cookies[cookie.name] = cookie.value
            else:
                self.cookies.pop(cookie.name, None)
        return response

    def get(self, server: AppServer, path: str, **kwargs) -> requests.Response:
        return self.request(server, "GET", path, **kwargs)

    def post_form(
        self, server: AppServer, path: str, data: dict, files: dict | None = None
    ) -> requests.Response:
        """The form at ``path``, filled in with ``data`` (and its CSRF token) and sent."""
        page = self.get(server, path)
        assert page.status_code == 200, f"{path}: HTTP {page.status_code}"
        token = TOKEN.search(page.text)
        assert token, f"no CSRF token in {path}"
        return self.request(
            server,
            "POST",
            path,
            data={**data, "csrfmiddlewaretoken": token.group(1)},
            files=files,
        )

    def sign_in(self, server: AppServer, email: str, password: str) -> None:
        response = self.post_form(
            server, "/en/accounts/login/", {"login": email, "password": password}
        )
        assert response.status_code == 302, response.text[:2000]
