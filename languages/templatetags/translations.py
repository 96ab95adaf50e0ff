"""``{% translation_note obj %}``: under a translated text, where it came from and a link to
the original; under an untranslated one, the ways to translate it (for those who may)."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from core.enums import ContentLanguage
from languages import permissions
from languages.machine import get_backend
from languages.phrases import phrase
from languages.selectors import pending_translation

register = template.Library()


def edit_url(obj, language: str, next_url: str = "") -> str:
    url = reverse(
        "translations:edit",
        kwargs={"model": obj._meta.label_lower, "pk": obj.pk, "language": language},
    )
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@register.inclusion_tag("languages/includes/translation_note.html", takes_context=True)
def translation_note(context, obj, anchor: str = ""):
    """``obj`` has been through ``attach_translations``. ``anchor`` is the id of the text on
    the page, for the links that come back to it."""
    request = context["request"]
    user = request.user
    reader = get_language()
    shown = obj.shown
    here = request.path
    targets = [code for code in ContentLanguage.values if code != obj.content_language]
    translatable = [
        {"code": code, "name": phrase("translate_into", code), "url": edit_url(obj, code, here)}
        for code in targets
        if permissions.can_translate(user, obj, code)
    ]
    machine = None
    pending = None
    if (
        reader != obj.content_language
        and not shown.available
        and get_backend() is not None
        and permissions.can_request_machine(user, obj)
    ):
        pending = pending_translation(obj, reader)
        machine = reverse(
            "translations:machine",
            kwargs={"model": obj._meta.label_lower, "pk": obj.pk, "language": reader},
        )
    return {
        "obj": obj,
        "shown": shown,
        "reader": reader,
        "source_name": ContentLanguage(obj.content_language).label,
        "reader_name": ContentLanguage(reader).label if reader in ContentLanguage.values else "",
        "original_url": f"{here}?original=1{'#' + anchor if anchor else ''}",
        "translated_url": f"{here}{'#' + anchor if anchor else ''}",
        "translatable": translatable,
        "improve": next((item for item in translatable if item["code"] == reader), None),
        "machine_url": machine,
        "pending": pending if pending is not None and pending.failed_at is None else None,
        "failed": pending is not None and pending.failed_at is not None,
        "next": here,
    }


@register.filter
def phrase_for(language: str, kind: str) -> str:
    """``{{ language|phrase_for:"translate_into" }}``: a sentence naming ``language``."""
    return phrase(kind, language)
