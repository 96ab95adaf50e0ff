"""The Nu HTML checker (vnu.jar, on the machine's Java) finds no error on any registered page."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.pages import expected_status, page_urls, resolve

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_registered_page_is_valid_html(people, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: apt-get install default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test-browser does).")

    files = {}
    for name, language, path, who in page_urls():
        client = Client()
        if people[who] is not None:
            client.force_login(people[who])
        path = resolve(path, people)
        response = client.get(path)
        assert response.status_code == expected_status(name), path
        target = tmp_path / f"{name}-{language}.html"
        target.write_bytes(response.content)
        files[str(target)] = f"{path} as {who}"

    result = subprocess.run(  # noqa: S603 - fixed command on files we wrote
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert len(files) == len(page_urls())
