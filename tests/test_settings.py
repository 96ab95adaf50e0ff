"""Settings read from the environment, checked in fresh interpreters."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

SECRET = "a-secret-key-long-enough-for-the-deploy-check-0123456789-abcdefghij"  # noqa: S105

PRINT_SETTINGS = """
import json, django
import pytest
from django.conf import settings
from django.db import connection
django.setup()
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": settings.DATABASES["default"]["NAME"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "session_engine": settings.SESSION_ENGINE,
    "email_backend": settings.EMAIL_BACKEND,
    "email_file_path": settings.EMAIL_FILE_PATH,
    "debug": settings.DEBUG,
    "ssl_redirect": getattr(settings, "SECURE_SSL_REDIRECT", False),
}))
"""


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    ignored = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    clean.update({"DJANGO_SETTINGS_MODULE": "alliance_portal.settings", **env})
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _settings(**env: str) -> dict:
    result = _run(PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_default_to_sqlite_local_cache_and_console_mail():
    values = _settings(DJANGO_DEBUG="1")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["session_engine"] == "django.contrib.sessions.backends.db"
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert values["debug"] is True


def test_settings_use_postgresql_redis_and_file_mail_from_the_environment(tmp_path):
    values = _settings(
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://portal:pw@db.internal:5432/alliance",
        REDIS_URL="redis://127.0.0.1:6379/3",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "alliance"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/3"
    assert values["session_engine"] == "django.contrib.sessions.backends.cache"
    assert values["email_backend"] == "django.core.mail.backends.filebased.EmailBackend"
    assert values["email_file_path"] == str(tmp_path)


def test_settings_refuse_production_without_secret_key():
    code = "import django; from django.conf import settings; django.setup(); settings.SECRET_KEY"
    result = _run(code, DJANGO_DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_production_check_fails_without_secret_key():
    code = (
        "import django; from django.core.management import call_command; django.setup(); "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = _run(code, DJANGO_DEBUG="0", SECRET_KEY="", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_migrations_can_be_checked_without_secret_key():
    code = (
        "import django; from django.core.management import call_command; django.setup(); "
        "call_command('makemigrations', check=True, dry_run=True)"
    )
    result = _run(code, DJANGO_DEBUG="0", SECRET_KEY="")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_production_settings_pass_check_deploy_without_warning():
    code = (
        "import django; from django.core.management import call_command; django.setup(); "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = _run(code, DJANGO_DEBUG="0", SECRET_KEY=SECRET, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_connections_compile_no_plan():
    # JIT compiling a search's plan cost 100 ms a page at 100,000 projects (the benchmark).
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
