"""Machine translation off the request, retried while the engine is away."""

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.utils.module_loading import import_string

from languages.machine import TranslationRefused, TranslationUnavailable, get_backend

logger = logging.getLogger(__name__)


class TranslationTask(DjangoTask):
    """The app's task class (alliance_portal/celery.py: ``delay_on_commit``), which also tells
    ``on_failed`` when the task gives up."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Given up (a refusal, or every retry spent): tell ``on_failed``, so that the page
        stops saying "pending" and offers to ask again."""
        on_failed = kwargs.get("on_failed", "")
        logger.warning("Machine translation %s failed for good: %s", task_id, exc)
        if on_failed:
            import_string(on_failed)(kwargs.get("context") or {})


# An engine that is down, slow or overloaded may be back in a minute: try again, waiting twice
# as long each time (30 s … 10 minutes, with jitter), about half an hour in all. A refusal
# (wrong key, unsupported language, quota used up) will not change: the task fails at once.
@shared_task(
    base=TranslationTask,
    autoretry_for=(TranslationUnavailable,),
    dont_autoretry_for=(TranslationRefused,),
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
)
def machine_translate(
    texts: list[str],
    source: str,
    target: str,
    glossary: dict[str, str] | None = None,
    on_done: str = "",
    context: dict | None = None,
    on_failed: str = "",
) -> dict | None:
    """Translate ``texts`` (Markdown) from ``source`` to ``target`` with the configured engine.

    The result is ``{"texts", "source", "target", "backend", "version", "context"}``: the
    translations in order, the languages, the engine's name and API version (provenance) and
    ``context`` unchanged (JSON-safe data telling the callback what was translated, e.g. the
    object's id). Results are not stored by Celery (CELERY_TASK_IGNORE_RESULT), so whoever
    needs them passes ``on_done``, the dotted path of a function called with the result once
    the translation exists; the task returns it too (for eager runs and tests).

    Without an engine configured nothing happens and the task returns None. When every retry
    failed (or the engine refused) the error is logged and ``on_failed``, a dotted path too,
    is called with ``context``: the original text simply stays alone.
    """
    backend = get_backend()
    if backend is None:
        logger.info("Machine translation is off (TRANSLATION_BACKEND is empty)")
        if on_failed:
            import_string(on_failed)(context or {})
        return None
    # Import first: a wrong path must fail now, not after paying the engine for the work.
    callback = import_string(on_done) if on_done else None
    translations = backend.translate(texts, source=source, target=target, glossary=glossary)
    result = {
        "texts": translations,
        "source": source,
        "target": target,
        "backend": backend.name,
        "version": backend.version,
        "context": context or {},
    }
    if callback is not None:
        callback(result)
    return result
