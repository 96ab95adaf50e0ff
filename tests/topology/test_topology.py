"""More than one app server (make test-topology): whatever a request needs is shared.

Two gunicorn app servers, one Celery worker, PostgreSQL, Redis and an S3-compatible object
store, all real processes on the loopback; the tests speak HTTP to them, as browsers do.
"""

import re
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from core.enums import Visibility
from events.enums import RegistrationState
from events.models import Registration
from projects.models import Project
from tests.factories import (
    PASSWORD,
    PDF_BYTES,
    make_event,
    make_member,
    picture_bytes,
    project_form_data,
)

from .conftest import MEDIA_BUCKET, PRIVATE_BUCKET, WAIT, Visitor

pytestmark = [
    pytest.mark.topology,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # what the file-based e-mail backend writes after each


@pytest.fixture(autouse=True)
def _empty_store_and_outboxes(topology):
    topology.store.empty()
    for folder in (topology.mail_dir, topology.app_mail_dir):
        for path in folder.iterdir():
            path.unlink()


def production_member(**fields):
    """An approved planner whose password the production settings' hasher can check (the test
    settings hash with MD5, which production does not accept)."""
    user = make_member(**fields)
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    user.save(update_fields=["password"])
    return user


def signed_in(server, user) -> Visitor:
    visitor = Visitor()
    visitor.sign_in(server, user.email, PASSWORD)
    return visitor


def create_project(visitor, server, *, title: str, visibility: str) -> Project:
    """A project with a gallery picture and a document, through the form, as its author would."""
    data = project_form_data(
        title=title,
        visibility=visibility,
        images=[{"alt_text": "The square on market day", "caption": ""}],
        documents=[{"title": "Plan guide"}],
    )
    files = {
        "images-0-image": ("square.png", picture_bytes((900, 600)), "image/png"),
        "documents-0-file": ("plan-guide.pdf", PDF_BYTES, "application/pdf"),
    }
    response = visitor.post_form(server, "/en/projects/new/", data, files)
    assert response.status_code == 302, response.text[:3000]
    return Project.objects.get(title=title)


def assert_signed_and_private(location: str, store, expected: bytes) -> requests.Response:
    """The address works, for a few minutes only, and the object without it is not readable."""
    assert location.startswith(f"{store.url}/{PRIVATE_BUCKET}/")
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    response = requests.get(location, timeout=10)
    assert response.status_code == 200
    assert response.content == expected
    unsigned = requests.get(location.split("?")[0], timeout=10)
    assert unsigned.status_code == 403
    return response


def wait_for_mail(folder, count: int) -> list[bytes]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log"))
        messages = [
            part for path in files for part in path.read_bytes().split(SEPARATOR) if part.strip()
        ]
        if len(messages) >= count and all(p.read_bytes().endswith(SEPARATOR) for p in files):
            return messages
        time.sleep(0.2)
    pytest.fail(f"expected {count} e-mail(s) from the worker within {WAIT} s")


def test_each_app_server_answers_its_health_probe_over_plain_http(topology):
    for server in topology.servers:
        response = requests.get(f"{server.url}/healthz", timeout=10)

        assert response.status_code == 200
        assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
        assert "no-store" in response.headers["Cache-Control"]


def test_signed_in_on_one_app_server_is_signed_in_on_the_other(topology):
    a, b = topology.servers
    lea = production_member(email="lea.martin@example.org", full_name="Lea Martin")

    visitor = signed_in(a, lea)
    response = visitor.get(b, "/en/accounts/profile/")

    assert response.status_code == 200
    assert "Lea Martin" in response.text
    assert Visitor().get(b, "/en/accounts/profile/").status_code == 302  # to the sign-in page


def test_a_public_projects_picture_uploaded_on_one_server_is_public_in_object_storage(topology):
    a, b = topology.servers
    store = topology.store
    author = signed_in(a, production_member(email="author@example.org"))

    project = create_project(author, a, title="Market square", visibility=Visibility.PUBLIC)

    picture = project.images.get()
    assert not picture.image.name.startswith("private/")
    assert picture.image.name in store.keys(MEDIA_BUCKET)
    assert picture.thumbnail.name in store.keys(MEDIA_BUCKET)
    page = Visitor().get(b, f"/en/projects/{project.slug}/")
    assert page.status_code == 200
    addresses = set(re.findall(rf"{re.escape(store.url)}/{MEDIA_BUCKET}/[\w/.-]+", page.text))
    assert addresses, "the page shows no picture from object storage"
    for address in addresses:
        response = requests.get(address, timeout=10)  # no signature: a public object
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("image/")
    # Browsers may load them: the Content-Security-Policy names the object store.
    assert store.url in page.headers["Content-Security-Policy"]

    # Documents are private even on public projects: signed, for anyone who may read it.
    document = project.documents.get()
    assert store.keys(MEDIA_BUCKET).count(document.file.name) == 0
    response = Visitor().get(b, f"/en/projects/{project.slug}/documents/{document.pk}/")
    assert response.status_code == 302
    assert response.headers["Cache-Control"] == "private, no-store"
    download = assert_signed_and_private(response.headers["Location"], store, PDF_BYTES)
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert 'filename="plan-guide.pdf"' in download.headers["Content-Disposition"]
    assert download.headers["Content-Type"] == "application/pdf"


def test_members_only_files_uploaded_on_one_server_are_signed_on_the_other(topology):
    a, b = topology.servers
    store = topology.store
    author = signed_in(a, production_member(email="author@example.org"))
    reader = signed_in(b, production_member(email="reader@example.org", city="gothenburg"))

    project = create_project(author, a, title="Members' courtyard", visibility=Visibility.MEMBERS)

    picture, document = project.images.get(), project.documents.get()
    assert picture.image.name.startswith("private/")
    key = picture.image.name.removeprefix("private/")
    assert key in store.keys(PRIVATE_BUCKET)
    assert store.keys(MEDIA_BUCKET) == []
    page = reader.get(b, f"/en/projects/{project.slug}/")
    assert page.status_code == 200
    assert f"{store.url}/" not in page.text  # only the permission-checked views' addresses
    picture_view = f"/en/projects/{project.slug}/pictures/{picture.pk}/"
    assert picture_view in page.text

    response = reader.get(b, picture_view)

    assert response.status_code == 302
    shown = assert_signed_and_private(
        response.headers["Location"], store, store.object(PRIVATE_BUCKET, key)
    )
    expected_type = "image/png" if key.endswith(".png") else "image/jpeg"  # as core.pictures
    assert shown.headers["Content-Type"] == expected_type
    response = reader.get(b, f"/en/projects/{project.slug}/documents/{document.pk}/")
    assert response.status_code == 302
    assert_signed_and_private(response.headers["Location"], store, PDF_BYTES)
    # Someone who may not read the project is told nothing exists, on either server.
    for server in topology.servers:
        assert Visitor().get(server, picture_view).status_code == 404
        path = f"/en/projects/{project.slug}/documents/{document.pk}/"
        assert Visitor().get(server, path).status_code == 404


def test_registrations_through_both_servers_at_once_fill_the_seats_exactly(topology):
    event = make_event(slug="courtyards-2027", title="Courtyards seminar", capacity=3)
    people = [production_member(email=f"planner{number}@example.org") for number in range(8)]
    servers = topology.servers
    visitors = [signed_in(servers[n % 2], person) for n, person in enumerate(people)]
    path = f"/en/events/{event.slug}/register/"
    tokens = []
    for n, visitor in enumerate(visitors):
        page = visitor.get(servers[n % 2], f"/en/events/{event.slug}/")
        assert page.status_code == 200
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1])
    start, statuses = threading.Barrier(len(visitors)), [None] * len(visitors)

    def register(n: int) -> None:
        start.wait()
        response = visitors[n].request(
            servers[n % 2],
            "POST",
            path,
            data={"action": "register", "needs": "", "csrfmiddlewaretoken": tokens[n]},
        )
        statuses[n] = response.status_code

    threads = [threading.Thread(target=register, args=(n,)) for n in range(len(visitors))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)

    assert statuses == [302] * len(visitors)
    states = list(Registration.objects.filter(event=event).values_list("state", flat=True))
    assert sorted(states).count(RegistrationState.CONFIRMED) == 3
    assert sorted(states).count(RegistrationState.WAITING) == 5
    # The confirmations left the requests: the worker sent them, not the app servers.
    messages = wait_for_mail(topology.mail_dir, 3)
    assert len(messages) == 3
    assert all(b"Courtyards seminar" in message for message in messages)
    assert list(topology.app_mail_dir.iterdir()) == []
    assert "events.tasks.mail_seats" in topology.worker.output()
