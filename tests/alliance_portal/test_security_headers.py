"""Every response, whatever its status, carries the security headers (settings.py, django-csp)."""

import pytest

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


RESPONSES = [
    ("anonymous", "get", "/en/", 200),
    ("anonymous", "get", "/en/cities/saint-brieuc/", 200),
    ("anonymous", "get", "/en/accounts/login/", 200),
    ("anonymous", "get", "/en/accounts/profile/", 302),
    ("anonymous", "get", "/", 302),
    ("anonymous", "get", "/en/no-such-page/", 404),
    ("anonymous", "get", "/healthz", 200),
    ("member", "get", "/en/accounts/profile/", 200),
    ("member", "get", "/en/cities/saint-brieuc/memberships/", 403),
    ("member", "get", "/en/cities/saint-brieuc/memberships/1/decision/", 405),
]


@pytest.mark.parametrize(("role", "method", "path", "status"), RESPONSES)
def test_response_carries_a_strict_content_security_policy(
    user_for_role, login, role, method, path, status
):
    client = login(user_for_role(role))

    response = getattr(client, method)(path)

    assert response.status_code == status
    directives = csp_directives(response)
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(("role", "method", "path", "status"), RESPONSES)
def test_response_carries_the_other_security_headers(
    user_for_role, login, role, method, path, status
):
    client = login(user_for_role(role))

    response = getattr(client, method)(path)

    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_page_forbids_framing_twice(anonymous_client):
    response = anonymous_client.get("/en/themes/")

    assert response["X-Frame-Options"] == "DENY"
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]
