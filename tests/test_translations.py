"""The French and Swedish catalogues are complete, current with the source, and compiled.

None of these tests touches the database.
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"
LANGUAGES = ["fr", "sv"]
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "sv": "nplurals=2; plural=(n != 1);",
}
PORTAL_NAME = {"fr": "Portail de l'Alliance", "sv": "Alliansportalen"}

# What makemessages reads. Any other top-level Django app (a folder with an apps.py) is added
# automatically, so a new app cannot slip past the staleness check.
SOURCE_DIRS = [
    "accounts",
    "alliance_portal",
    "cities",
    "events",
    "projects",
    "themes",
    "templates",
    "locale",
]
SOURCE_FILES = ["manage.py"]
NOT_SOURCE = {".venv", "node_modules", ".git", "tests"}
MAKEMESSAGES_IGNORE = ["--ignore=.venv", "--ignore=node_modules", "--ignore=tests"]
GETTEXT_TOOLS = ["xgettext", "msguniq", "msgmerge"]

# printf-style placeholders (%(name)s, %s, %d, %.2f …); "%%" is a literal percent sign.
PYTHON_FORMAT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)
# str.format placeholders ({name}, {0}, {}); "{{" and "}}" are literal braces.
PYTHON_BRACE = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def load_catalogue(path: Path) -> polib.POFile:
    assert path.is_file(), f"{path} is missing: run makemessages (see tests/test_translations.py)"
    return polib.pofile(str(path))


def live_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def describe(entry: polib.POEntry) -> str:
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    plural = f" / {entry.msgid_plural!r}" if entry.msgid_plural else ""
    return f"{context}{entry.msgid!r}{plural}"


def translations(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs: the plural forms each pair with msgid or msgid_plural."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr_plural.items())
    ]


def is_translated(entry: polib.POEntry, nplurals: int = 2) -> bool:
    if entry.obsolete or entry.fuzzy:
        return False
    if entry.msgid_plural and len(entry.msgstr_plural) != nplurals:
        return False
    return all(text for _source, text in translations(entry))


def python_placeholders(text: str) -> tuple[Counter, list[str]]:
    named, positional = Counter(), []
    for match in PYTHON_FORMAT.finditer(text):
        if match.group(0) == "%%":
            continue
        if match.group("name") is not None:
            named[match.group(0)] += 1
        else:
            positional.append(match.group(0))
    return named, positional


def brace_placeholders(text: str) -> Counter:
    return Counter(
        m.group(0) for m in PYTHON_BRACE.finditer(text) if m.group(0) not in ("{{", "}}")
    )


def placeholder_problems(entry: polib.POEntry) -> list[str]:
    problems = []
    for source, text in translations(entry):
        if not text:
            continue
        if "python-format" in entry.flags and python_placeholders(source) != python_placeholders(
            text
        ):
            problems.append(f"python-format placeholders differ in {text!r}")
        if "python-brace-format" in entry.flags and brace_placeholders(
            source
        ) != brace_placeholders(text):
            problems.append(f"python-brace-format placeholders differ in {text!r}")
        for edge in (str.startswith, str.endswith):
            if edge(source, "\n") != edge(text, "\n"):
                problems.append(f"leading/trailing newline differs from the msgid in {text!r}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_header(lang):
    po = load_catalogue(catalogue_path(lang))
    assert not po.metadata_is_fuzzy, f"the header of {lang}/django.po is marked fuzzy"
    assert po.metadata.get("Language") == lang
    assert po.metadata.get("Plural-Forms") == PLURAL_FORMS[lang]
    assert "charset=UTF-8" in po.metadata.get("Content-Type", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated(lang):
    po = load_catalogue(catalogue_path(lang))
    entries = live_entries(po)
    assert entries, f"{lang}/django.po has no entries"
    problems = []
    for entry in entries:
        if entry.fuzzy:
            problems.append(f"fuzzy: {describe(entry)}")
        elif not is_translated(entry):
            problems.append(f"untranslated: {describe(entry)}")
        problems.extend(f"{issue}: {describe(entry)}" for issue in placeholder_problems(entry))
    if problems:
        pytest.fail(
            f"{len(problems)} problem(s) in locale/{lang}/LC_MESSAGES/django.po:\n"
            + "\n".join(problems),
            pytrace=False,
        )


def copy_sources(destination: Path) -> None:
    apps = {
        path.name
        for path in BASE_DIR.iterdir()
        if path.is_dir() and path.name not in NOT_SOURCE and (path / "apps.py").is_file()
    }
    for name in sorted(set(SOURCE_DIRS) | apps):
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(
                source,
                destination / name,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"),
            )
    for name in SOURCE_FILES:
        shutil.copy2(BASE_DIR / name, destination / name)


def test_catalogues_cover_the_current_source(tmp_path):
    """Re-extract the messages from a copy of the source: every one must already be translated."""
    missing_tools = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing_tools:
        pytest.fail(
            f"GNU gettext is not installed ({', '.join(missing_tools)} not found on PATH). "
            "Install gettext (e.g. `apt-get install gettext` or `brew install gettext`) "
            "to check the translation catalogues.",
            pytrace=False,
        )
    copy_sources(tmp_path)
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "alliance_portal.settings",
    }
    languages = [f"-l{lang}" for lang in LANGUAGES]
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "manage.py", "makemessages", *languages, "--no-location"]
        + MAKEMESSAGES_IGNORE,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"

    report = []
    for lang in LANGUAGES:
        fresh = live_entries(
            load_catalogue(tmp_path / "locale" / lang / "LC_MESSAGES" / "django.po")
        )
        assert fresh, f"makemessages extracted no messages for {lang}"
        committed = {
            key(entry): entry for entry in live_entries(load_catalogue(catalogue_path(lang)))
        }
        for entry in fresh:
            known = committed.get(key(entry))
            if known is None:
                report.append(f"{lang}: missing {describe(entry)}")
            elif known.msgid_plural != entry.msgid_plural:
                report.append(
                    f"{lang}: plural changed for {describe(entry)} "
                    f"(catalogue has {known.msgid_plural!r})"
                )
            elif not is_translated(known):
                report.append(f"{lang}: not translated yet {describe(entry)}")
    if report:
        pytest.fail(
            f"{len(report)} message(s) in the source are not translated in the catalogues. Run "
            "`DJANGO_DEBUG=1 python manage.py makemessages -l fr -l sv --no-location "
            + " ".join(MAKEMESSAGES_IGNORE)
            + "`, translate, then `make messages`:\n"
            + "\n".join(report),
            pytrace=False,
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(lang):
    mo_path = catalogue_path(lang).with_suffix(".mo")
    assert mo_path.is_file(), f"{mo_path} is missing: run `make messages` (compilemessages)"
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(mo_path))}
    stale = []
    for entry in live_entries(load_catalogue(catalogue_path(lang))):
        if not is_translated(entry):
            continue
        mo_entry = compiled.get(key(entry))
        if mo_entry is None or translations(mo_entry) != translations(entry):
            stale.append(describe(entry))
    if stale:
        pytest.fail(
            f"locale/{lang}/LC_MESSAGES/{mo_path.name} is older than django.po: "
            "run `make messages`:\n" + "\n".join(stale),
            pytrace=False,
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_portal_name_is_translated_at_runtime(lang):
    with translation.override(lang):
        assert translation.gettext("Alliance Portal") == PORTAL_NAME[lang]
    with translation.override("en"):
        assert translation.gettext("Alliance Portal") == "Alliance Portal"
