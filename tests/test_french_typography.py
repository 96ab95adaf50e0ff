"""French typography in the French catalogue: a no-break space (U+00A0, or the narrow U+202F)
before « : ; ? ! » and inside « », as French readers expect.

None of these tests touches the database.
"""

import re

import pytest

from tests.test_translations import catalogue_path, live_entries, load_catalogue, translations

NO_BREAK = "\u00a0\u202f"

# What is not prose: HTML tags, printf and brace placeholders, addresses, times (10:30),
# e-mail addresses. They are blanked out (same length) before the punctuation is checked.
NOT_PROSE = re.compile(
    r"<[^>]*>"
    r"|%(?:\([^)]*\))?[#0\- +]*\d*(?:\.\d+)?[hlL]?[diouxXeEfFgGcrsa%]"
    r"|\{[^{}]*\}"
    r"|\b[a-z][a-z0-9+.-]*://\S*"
    r"|\bmailto:\S*"
    r"|\d:\d"
    r"|&#?\w+;"
)
HIGH_PUNCTUATION = ":;?!"


def typography_problems(text: str) -> list[str]:
    """Where ``text`` (a French translation) breaks the rule, quoted around the place."""
    text = text.replace("&nbsp;", "\u00a0").replace("&#160;", "\u00a0")
    prose = NOT_PROSE.sub(lambda match: "\x00" * len(match.group()), text)
    problems = []
    for index, char in enumerate(prose):
        before = prose[index - 1] if index else ""
        after = prose[index + 1] if index + 1 < len(prose) else ""
        if char in HIGH_PUNCTUATION:
            # "?!" : the no-break space goes before the first mark only.
            bad = before not in NO_BREAK and before not in HIGH_PUNCTUATION and before != "\x00"
            if before == "" or before == "\n":
                bad = False
        elif char == "«":
            bad = after not in NO_BREAK
        elif char == "»":
            bad = before not in NO_BREAK
        else:
            continue
        if bad:
            problems.append(repr(text[max(0, index - 15) : index + 5]))
    return problems


@pytest.mark.parametrize(
    "text",
    [
        "Lieu\u00a0: Paris",
        "Pourquoi\u202f?",
        "«\u00a0douces\u00a0»",
        "Rendez-vous à 10:30",
        "Voir https://example.org/a?b=c:d",
        "%(city)s\u00a0: %(count)s",
        'Déjà un compte\u00a0? <a href="%(url)s">Connectez-vous</a>.',
        "Vraiment\u00a0?!",
        "Lieu&nbsp;: Paris",
    ],
)
def test_typography_problems_accepts_french_typography(text):
    assert typography_problems(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Lieu : Paris",
        "Lieu: Paris",
        "Pourquoi ?",
        "Attention !",
        "un ; deux",
        "« douces »",
        "«\u00a0douces »",
        '<a href="/x">Déjà un compte ?</a>',
        "%(name)s : %(city)s",
    ],
)
def test_typography_problems_finds_ordinary_or_missing_spaces(text):
    assert typography_problems(text) != []


def test_french_translations_follow_french_typography():
    problems = [
        f"{entry.msgid[:60]!r}: {', '.join(places)}"
        for entry in live_entries(load_catalogue(catalogue_path("fr")))
        for _, text in translations(entry)
        if (places := typography_problems(text))
    ]

    assert problems == [], "French typography:\n" + "\n".join(problems)
