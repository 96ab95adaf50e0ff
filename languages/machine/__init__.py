"""Machine translation, pluggable and never blocking: the engine named by TRANSLATION_BACKEND
(LibreTranslate or DeepL), or none. Callers go through ``languages.tasks.machine_translate``,
off the request; an engine that fails raises TranslationUnavailable and the task tries later.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from languages.machine.base import TranslationBackend
from languages.machine.deepl import DeepLBackend
from languages.machine.errors import TranslationRefused, TranslationUnavailable
from languages.machine.libretranslate import LibreTranslateBackend

BACKENDS: dict[str, type[TranslationBackend]] = {
    backend.name: backend for backend in (LibreTranslateBackend, DeepLBackend)
}

__all__ = [
    "BACKENDS",
    "DeepLBackend",
    "LibreTranslateBackend",
    "TranslationBackend",
    "TranslationRefused",
    "TranslationUnavailable",
    "get_backend",
]


def get_backend() -> TranslationBackend | None:
    """The configured engine, or None when machine translation is off (the default)."""
    name = settings.TRANSLATION_BACKEND
    if not name:
        return None
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"TRANSLATION_BACKEND must be empty or one of {', '.join(sorted(BACKENDS))},"
            f" not {name!r}"
        )
    if name == DeepLBackend.name and not settings.TRANSLATION_API_KEY:
        raise ImproperlyConfigured("DeepL needs TRANSLATION_API_KEY")
    if name == LibreTranslateBackend.name and not settings.TRANSLATION_URL:
        raise ImproperlyConfigured("LibreTranslate needs TRANSLATION_URL (the self-hosted server)")
    return BACKENDS[name](
        url=settings.TRANSLATION_URL,
        api_key=settings.TRANSLATION_API_KEY,
        timeout=settings.TRANSLATION_TIMEOUT,
    )
