"""What changed between two revisions of a method, for the history page."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from core.diff import text_diff

from .services import SNAPSHOT_FIELDS


@dataclass
class Change:
    field: str
    label: str
    diff: SafeString | None = None  # texts: the words removed and added
    added: list[str] | None = None  # themes, tags, attachments
    removed: list[str] | None = None


def changes(old: dict, new: dict, labels: dict[str, str], names: dict[str, dict]) -> list[Change]:
    """``names`` maps a relation (themes) to {pk: display name}; ``labels`` a field to its
    name."""
    result = []
    for field in new:
        if field == "city" or (old.get(field) or None) == (new.get(field) or None):
            continue
        label = labels.get(field, field)
        if field in SNAPSHOT_FIELDS:
            before, after = str(old.get(field) or ""), str(new.get(field) or "")
            names_of = names.get(field)
            if names_of:  # a choice: its label, not its stored value
                before, after = names_of.get(before, before), names_of.get(after, after)
            result.append(Change(field, label, diff=text_diff(before, after)))
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
