"""axe-core (WCAG 2.2 AA tags) finds no violation on any registered page, in every language."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import page_urls, resolve

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test-browser does).")
    return AXE.read_text()


def _violations(page, axe_source):
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


@pytest.mark.parametrize(("name", "language", "path", "who"), page_urls())
def test_page_has_no_axe_violation(
    name, language, path, who, people, live_server, context, axe_source
):
    if people[who] is not None:
        sign_in(context, live_server, people[who])
    page = context.new_page()
    path = resolve(path, people)
    response = page.goto(live_server.url + path)
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200), path
    assert page.get_attribute("html", "lang") == language
    violations = _violations(page, axe_source)
    assert violations == [], f"{path} as {who}:\n{json.dumps(violations, indent=2)}"
