"""Folding and alphabetical order of glossary terms, per reader's language."""

import unicodedata

# Swedish sorts å, ä, ö as letters of their own, after z; French and English ignore accents.
# The characters after "z" in code-point order stand for them.
SWEDISH_LETTERS = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}


def fold(text: str) -> str:
    """Lower case without accents: "Samråd" → "samrad", "Élu" → "elu"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sort_key(text: str, language: str) -> str:
    if language != "sv":
        return fold(text)
    return "".join(SWEDISH_LETTERS.get(char) or fold(char) for char in text.casefold())


def initial(text: str, language: str) -> str:
    """The letter a term is listed under: "Å" in Swedish, "E" for "Écoquartier", "#" for digits."""
    first = text.strip()[:1].casefold()
    if language == "sv" and first in ("å", "ä", "ö"):
        return first.upper()
    letter = fold(first)[:1].upper()
    return letter if letter.isalpha() else "#"
