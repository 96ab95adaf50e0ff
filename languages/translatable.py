"""What the languages floor knows of the texts it translates, without importing their apps.

A translatable model declares ``translated_fields`` (its text fields, in the order a reader
meets them; the first one is its title or body and cannot be translated empty),
``translation_permission`` (the permission to read one, checked on the object) and has a
``content_language``. Projects, events and their agenda items, questions, answers and comments
do.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404

from core.enums import ContentLanguage


def is_translatable(model) -> bool:
    return bool(getattr(model, "translated_fields", ())) and hasattr(model, "content_language")


def translatable_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if is_translatable(model)]


def fields_of(obj) -> tuple[str, ...]:
    return tuple(type(obj).translated_fields)


def present_fields(obj) -> list[str]:
    """The translated fields this object has something in (an empty field needs no
    translation), the first one always."""
    fields = fields_of(obj)
    return [name for index, name in enumerate(fields) if index == 0 or (getattr(obj, name) or "")]


def field_label(obj, name: str) -> str:
    return str(obj._meta.get_field(name).verbose_name)


def target_languages(obj) -> list[str]:
    """The languages a text can be translated into: the two it was not written in."""
    return [code for code in ContentLanguage.values if code != obj.content_language]


def key_of(obj) -> tuple[int, int]:
    return ContentType.objects.get_for_model(obj).pk, obj.pk


def get_translatable(model_label: str, pk) -> models.Model:
    """The object behind an editor's address (``projects.project``, 42), or 404."""
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        raise Http404 from None
    if not is_translatable(model):
        raise Http404
    manager = model._default_manager
    if hasattr(manager, "alive"):
        manager = manager.alive()
    try:
        return manager.get(pk=int(pk))
    except (model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
