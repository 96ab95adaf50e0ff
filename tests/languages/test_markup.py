"""Markdown keeps its structure through an engine: only the words reach it."""

import pytest

from languages.machine.markup import LostMarkup, MarkdownText
from tests.languages.servers import capitals

HARD_BREAK = "  "  # two spaces ending a line

DESCRIPTION = f"""## Les *Rives* de Lyon

Une **maîtrise d'ouvrage** : voir [le site](https://example.org/rives "Rives") et `tram_t1`.

- premier point, __gras__ et _souligné_
- second : https://lyon.fr/rives.
  1. imbriqué ~~barré~~ \\*étoile\\*

> citation & fin{HARD_BREAK}
> suite

```python
print("pas traduit")
```

    code indenté

| Ville | Budget |
|---|:-:|
| Lyon | 3 M€ |

---
"""

TRANSLATED = f"""## LES *RIVES* DE LYON

UNE **MAÎTRISE D'OUVRAGE** : VOIR [LE SITE](https://example.org/rives "Rives") ET `tram_t1`.

- PREMIER POINT, __GRAS__ ET _SOULIGNÉ_
- SECOND : https://lyon.fr/rives.
  1. IMBRIQUÉ ~~BARRÉ~~ \\*ÉTOILE\\*

> CITATION & FIN{HARD_BREAK}
> SUITE

```python
print("pas traduit")
```

    code indenté

| VILLE | BUDGET |
|---|:-:|
| LYON | 3 M€ |

---
"""


def through_engine(text: str, **kwargs) -> str:
    document = MarkdownText(text, **kwargs)
    return document.rebuild([capitals(segment.html) for segment in document.segments])


def test_markdown_structure_survives_an_engine():
    assert through_engine(DESCRIPTION) == TRANSLATED


def test_markdown_unchanged_by_an_engine_that_changes_nothing():
    document = MarkdownText(DESCRIPTION)

    assert document.rebuild([segment.html for segment in document.segments]) == DESCRIPTION


def test_markdown_sends_no_code_urls_or_markup():
    sent = " ".join(segment.html for segment in MarkdownText(DESCRIPTION).segments)

    assert "print(" not in sent
    assert "code indenté" not in sent
    assert "##" not in sent and "**" not in sent and "](" not in sent
    assert "https://example.org/rives" not in sent


def test_markdown_plain_text_is_one_segment():
    document = MarkdownText("Un quartier sans voitures.")

    assert [segment.html for segment in document.segments] == ["Un quartier sans voitures."]


def test_markdown_glossary_term_replaced_whatever_the_engine_did_to_it():
    text = "La maîtrise d'ouvrage et la Maîtrise d'ouvrage déléguée."

    result = through_engine(text, terms={"maîtrise d'ouvrage": "byggherre"})

    assert result == "LA byggherre ET LA Byggherre DÉLÉGUÉE."


def test_markdown_glossary_term_alone_is_not_sent():
    document = MarkdownText("Maîtrise d'ouvrage", terms={"maîtrise d'ouvrage": "byggherre"})

    assert document.segments == []
    assert document.rebuild([]) == "Byggherre"


def test_markdown_glossary_term_inside_a_word_is_left():
    assert through_engine("tramways", terms={"tram": "spårväg"}) == "TRAMWAYS"


def test_markdown_spaces_an_engine_moves_inside_emphasis_go_outside():
    document = MarkdownText("un **mot** fort")

    assert document.rebuild(["EN<b> ORD </b>STARKT"]) == "EN **ORD** STARKT"


def test_markdown_answer_without_a_placeholder_is_refused():
    document = MarkdownText("voir `code` ici")

    with pytest.raises(LostMarkup):
        document.rebuild(["SE HÄR"])


def test_markdown_angle_brackets_and_ampersands_come_back_as_written():
    assert through_engine("a < b & <br> ici") == "A < B & <BR> ICI"
