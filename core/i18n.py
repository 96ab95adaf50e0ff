"""Content stored in the three portal languages, shown in the reader's."""

from django.utils.translation import get_language


def localized(obj, field: str) -> str:
    """Return ``obj.<field>_<lang>`` for the active language, falling back to English."""
    language = (get_language() or "en").split("-")[0]
    value = getattr(obj, f"{field}_{language}", "") or ""
    return value or getattr(obj, f"{field}_en", "")
