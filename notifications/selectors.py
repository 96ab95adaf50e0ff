"""Reads of notifications: each line as its reader sees it."""

from django.db.models import Q

from languages.models import Translation
from languages.shown import Shown

from .models import Notification


def title_field(notification: Notification) -> str | None:
    """The field of the subject that is its title (the first translated one), if any."""
    if notification.subject_type_id is None:
        return None
    model = notification.subject_type.model_class()
    fields = getattr(model, "translated_fields", ())
    return fields[0] if fields else None


def attach_shown_titles(notifications, language: str | None = None) -> list[Notification]:
    """Give each notification ``shown_title``: the translation of its subject's title into
    ``language`` (by default each recipient's e-mail language) when one exists, else the title
    it was made with; a ``Shown`` text whose ``lang`` is the language of what is shown ("" for
    a notification from before texts knew their language).

    Titles are resolved when shown, not when notified: a translation made after the
    notification (a machine translation arrives later) is shown too. One query for the whole
    list, none when every title is already in its reader's language. The notifications need
    their ``subject_type`` (and, without ``language``, their ``recipient``) joined, so that
    nothing more is looked up.
    """
    notifications = list(notifications)

    def reader_language(notification: Notification) -> str:
        return language or notification.recipient.preferred_language

    wanted: dict[tuple[int, str], set[int]] = {}
    languages = set()
    for notification in notifications:
        field = title_field(notification)
        if field is not None and notification.title_language != reader_language(notification):
            wanted.setdefault((notification.subject_type_id, field), set()).add(
                notification.subject_id
            )
            languages.add(reader_language(notification))
    found: dict[tuple[int, int, str], Translation] = {}
    if wanted:
        condition = Q()
        for (content_type_id, field), ids in wanted.items():
            condition |= Q(content_type_id=content_type_id, field=field, object_id__in=ids)
        rows = Translation.objects.filter(condition, language__in=languages).only(
            "content_type_id", "object_id", "field", "language", "text", "source_digest"
        )
        for translation in rows:
            key = (translation.content_type_id, translation.object_id, translation.language)
            found[key] = translation
    for notification in notifications:
        key = (notification.subject_type_id, notification.subject_id, reader_language(notification))
        translation = found.get(key)
        if translation is None or notification.title_language == key[2]:
            notification.shown_title = Shown(
                notification.title, lang=notification.title_language, original=notification.title
            )
        else:
            notification.shown_title = Shown(
                translation.text[:250],
                lang=translation.language,
                translation=translation,
                original=notification.title,
            )
    return notifications
