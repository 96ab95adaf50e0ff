"""Word-level differences between two versions of a text, for history pages."""

import difflib

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def text_diff(old: str, new: str) -> SafeString:
    old_words, new_words = (old or "").split(), (new or "").split()
    pieces = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            words = old_words[a1:a2]
            text = " ".join(words if len(words) <= 12 else [*words[:5], "…", *words[-5:]])
            pieces.append(escape(text))
            continue
        if a2 > a1:
            pieces.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            pieces.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(pieces))  # noqa: S308 - every word escaped
