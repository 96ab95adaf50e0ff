"""The machine-translation settings, read from the environment in a fresh interpreter."""

import json

from tests.test_settings import _run

PRINT = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps([settings.TRANSLATION_BACKEND, settings.TRANSLATION_URL,
                  settings.TRANSLATION_API_KEY, settings.TRANSLATION_TIMEOUT]))
"""


def test_translation_settings_default_to_no_engine():
    result = _run(PRINT, DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["", "", "", 15.0]


def test_translation_settings_from_the_environment():
    result = _run(
        PRINT,
        DJANGO_DEBUG="1",
        TRANSLATION_BACKEND="deepl",
        TRANSLATION_URL="https://deepl.example.org",
        TRANSLATION_API_KEY="key:fx",
        TRANSLATION_TIMEOUT="2.5",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["deepl", "https://deepl.example.org", "key:fx", 2.5]
