"""The translation pages: the side-by-side editor and the request for a machine draft. Any
translatable text is addressed by its model's label and id (``projects.project/42``)."""

from http import HTTPStatus

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.enums import ContentLanguage
from core.links import safe_next

from . import permissions, services
from .forms import TranslationForm
from .machine import get_backend
from .models import GlossaryEntry, Translation, text_digest
from .phrases import phrase
from .terms import term_index
from .translatable import get_translatable, key_of, present_fields


def _target(obj, language: str) -> str:
    if language not in ContentLanguage.values:
        raise Http404
    return language


def _back(request, obj) -> str:
    """Where to return: the page the person came from (the project's, the event's…)."""
    return safe_next(request, permissions.subject_of(obj).get_absolute_url())


def _glossary(obj, language: str) -> list[dict]:
    """The glossary entries the original names, with their names in both languages."""
    index = term_index()
    found = {}
    for name in present_fields(obj):
        for slug, words in index.found_in(getattr(obj, name) or ""):
            found.setdefault(slug, words)
    if not found:
        return []
    entries = GlossaryEntry.objects.published().filter(slug__in=found).order_by("slug")
    return [
        {
            "entry": entry,
            "source": found[entry.slug],
            "target": getattr(entry, f"term_{language}", ""),
            "no_equivalent": getattr(entry, f"no_equivalent_{language}", False),
        }
        for entry in entries
    ]


@require_http_methods(["GET", "POST"])
def translation_edit(request, model, pk, language):
    obj = get_translatable(model, pk)
    if not permissions.can_read(request.user, obj):
        raise Http404
    _target(obj, language)
    if language == obj.content_language:
        raise Http404
    refusal = permissions.refusal(request.user, obj, language)
    if refusal:
        raise PermissionDenied(refusal)
    content_type_id, object_id = key_of(obj)
    existing = {
        translation.field: translation
        for translation in Translation.objects.filter(
            content_type_id=content_type_id, object_id=object_id, language=language
        ).select_related("translated_by", "reviewed_by")
    }
    data = request.POST if request.method == "POST" else None
    form = TranslationForm(data, obj=obj, language=language, existing=existing)
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.save_translation(
                    obj=obj,
                    language=language,
                    texts=form.texts(),
                    by=request.user,
                    confirmed=form.confirmed(),
                    bases=form.bases(),
                )
            except ValidationError as error:
                form = _after_conflict(form, error, obj=obj, language=language, existing=existing)
                _add_errors(form, error)
            else:
                if saved:
                    messages.success(request, _("Thank you: the translation is saved."))
                else:
                    messages.info(request, _("Nothing changed in the translation."))
                return redirect(_back(request, obj))
        status = HTTPStatus.BAD_REQUEST
        if any(error.code == "edit_conflict" for error in form.errors.as_data().get("__all__", [])):
            status = HTTPStatus.CONFLICT
    return render(
        request,
        "languages/translation_edit.html",
        {
            "obj": obj,
            "subject": permissions.subject_of(obj),
            "language": language,
            "language_name": ContentLanguage(language).label,
            "source_name": ContentLanguage(obj.content_language).label,
            "form": form,
            "glossary": _glossary(obj, language),
            "next": _back(request, obj),
        },
        status=status,
    )


def _after_conflict(form, error: ValidationError, *, obj, language: str, existing: dict):
    """After an edit conflict, the form shows each field someone else changed as it now reads
    and starts from it, so that saving again (after checking) is not refused again."""
    conflicts = [
        name
        for name, errors in getattr(error, "error_dict", {}).items()
        if any(item.code == "edit_conflict" for item in errors)
    ]
    if not conflicts:
        return form
    data = form.data.copy()
    for name in conflicts:
        current = existing.get(name)
        data[f"text_{name}"] = current.text if current else ""
        data[f"base_{name}"] = text_digest(current.text) if current else ""
    form = TranslationForm(data, obj=obj, language=language, existing=existing)
    form.is_valid()
    return form


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = f"text_{name}" if f"text_{name}" in form.fields else None
            for item in errors:
                form.add_error(field, item)
                if item.code == "edit_conflict":
                    form.add_error(None, ValidationError(item.messages[0], code="edit_conflict"))
    else:
        form.add_error(None, error)


@require_POST
def machine_request(request, model, pk, language):
    obj = get_translatable(model, pk)
    if not permissions.can_read(request.user, obj):
        raise Http404
    _target(obj, language)
    if get_backend() is None:
        raise Http404
    if not permissions.can_request_machine(request.user, obj):
        raise PermissionDenied
    try:
        services.request_machine_translation(obj=obj, language=language, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(request, obj))
    messages.success(request, phrase("machine_on_its_way", language))
    return redirect(_back(request, obj))
