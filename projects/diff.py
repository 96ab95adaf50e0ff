"""What changed between two revisions of a project, for the history page."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from core.diff import text_diff

from .services import SNAPSHOT_FIELDS


@dataclass
class Change:
    field: str
    label: str
    diff: SafeString | None = None  # text fields: the words removed and added
    added: list[str] | None = None  # relations and tags
    removed: list[str] | None = None


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
