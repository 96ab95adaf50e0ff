"""/healthz, the load balancer's probe: the database, the cache and the storage, each named."""

import time

import pytest
from botocore.config import Config
from django.db import DatabaseError

pytestmark = pytest.mark.django_db

# Nothing listens on port 1 of the loopback: a connection there is refused at once.
NOWHERE = "127.0.0.1:1"
BROKEN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://{NOWHERE}/0",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
}


def broken_object_storage() -> dict:
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "alliance-media",
            "endpoint_url": f"http://{NOWHERE}",
            "region_name": "us-east-1",
            "access_key": "healthz-test",
            "secret_key": "healthz-test",
            "client_config": Config(connect_timeout=2, retries={"total_max_attempts": 1}),
        },
    }


def test_healthz_answers_ok_as_json_with_each_service(anonymous_client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = anonymous_client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_naming_the_database_when_it_fails(anonymous_client, monkeypatch):
    class BrokenConnection:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr("alliance_portal.health.connection", BrokenConnection())

    response = anonymous_client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "failed", "cache": "ok", "storage": "ok"}


def test_healthz_answers_503_naming_the_cache_when_redis_is_away(anonymous_client, settings):
    settings.CACHES = BROKEN_CACHE
    started = time.monotonic()

    response = anonymous_client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failed", "storage": "ok"}
    assert time.monotonic() - started < 5


def test_healthz_answers_503_naming_the_storage_when_object_storage_is_away(
    anonymous_client, settings
):
    settings.STORAGES = {**settings.STORAGES, "default": broken_object_storage()}
    started = time.monotonic()

    response = anonymous_client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "failed"}
    assert time.monotonic() - started < 5


def test_healthz_answers_503_when_the_private_storage_is_away(anonymous_client, settings):
    settings.STORAGES = {**settings.STORAGES, "private": broken_object_storage()}

    response = anonymous_client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["storage"] == "failed"


def test_healthz_is_not_redirected_to_https_for_plain_http_probes(anonymous_client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert anonymous_client.get("/en/").status_code == 301
    assert anonymous_client.get("/healthz").status_code == 200


def test_healthz_refuses_post(anonymous_client):
    response = anonymous_client.post("/healthz")

    assert response.status_code == 405
