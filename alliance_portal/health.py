"""What /healthz checks: everything a request needs that lives outside the app server."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection

from projects.storage import private_storage

logger = logging.getLogger(__name__)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    """A key of its own goes in and comes back (sessions and rate limits live there)."""
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def check_storage() -> None:
    """Both storages answer a question about a file (in object storage, one request each)."""
    default_storage.exists("healthz")
    private_storage.exists("healthz")


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def health() -> dict[str, str]:
    """ "ok" or "failed" for each service; each service's own timeout keeps it short."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check: the %s failed.", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    return results
