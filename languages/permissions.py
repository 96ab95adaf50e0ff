"""Who may translate what. The rules of membership live on a higher floor (cities/rules.py
registers ``languages.translate``: approved members and coordinators); reading the object is
its own app's permission, named by the model (``translation_permission``)."""

from django.utils.translation import gettext as _

TRANSLATE = "languages.translate"


def subject_of(obj):
    """The object whose permission decides who reads ``obj`` (an answer's question…)."""
    name = getattr(type(obj), "translation_subject", "")
    return getattr(obj, name) if name else obj


def can_read(user, obj) -> bool:
    return user.has_perm(type(obj).translation_permission, subject_of(obj))


def reads(user, language: str) -> bool:
    return language in (getattr(user, "languages_spoken", None) or [])


def refusal(user, obj, language: str) -> str | None:
    """Why ``user`` may not translate ``obj`` into ``language``, or None if they may."""
    if not user.is_authenticated or not user.has_perm(TRANSLATE):
        return _("Only approved members of the network can translate.")
    if not can_read(user, obj):
        return _("You cannot read this text.")
    missing = [code for code in (obj.content_language, language) if not reads(user, code)]
    if missing:
        return _(
            "To translate this text, its language and the translation's must both be among "
            "the languages you read: add them to your profile."
        )
    return None


def can_translate(user, obj, language: str) -> bool:
    return refusal(user, obj, language) is None


def can_request_machine(user, obj) -> bool:
    """Asking an engine needs no languages: any member who can read the text."""
    return user.is_authenticated and user.has_perm(TRANSLATE) and can_read(user, obj)


def translatable_ids(user, objects, language: str) -> set[int]:
    """The pks of those of ``objects`` that ``user`` may translate into ``language`` (the
    page's): the ones that get a "Translate" link. No query once the reader's memberships and
    the objects' parents are loaded."""
    return {
        obj.pk
        for obj in objects
        if obj.content_language != language and can_translate(user, obj, language)
    }
