"""What changed between two revisions of a project, for the history page."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .services import SNAPSHOT_FIELDS


@dataclass
class Change:
    field: str
    label: str
    diff: SafeString | None = None  # text fields: the words removed and added
    added: list[str] | None = None  # relations and tags
    removed: list[str] | None = None


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


def changes(old: dict, new: dict, labels: dict[str, str], names: dict[str, dict]) -> list[Change]:
    """``names`` maps a relation (themes, sdgs, contacts) to {pk: display name}."""
    result = []
    for field in new:
        if field == "city" or (old.get(field) or None) == (new.get(field) or None):
            continue
        label = labels.get(field, field)
        if field in SNAPSHOT_FIELDS and field not in ("images", "documents", "links"):
            result.append(
                Change(
                    field,
                    label,
                    diff=text_diff(str(old.get(field) or ""), str(new.get(field) or "")),
                )
            )
        else:
            before, after = set(old.get(field) or []), set(new.get(field) or [])
            lookup = names.get(field, {})
            result.append(
                Change(
                    field,
                    label,
                    added=sorted(str(lookup.get(v, v)) for v in after - before),
                    removed=sorted(str(lookup.get(v, v)) for v in before - after),
                )
            )
    return result
