"""Methods and tools, their uses by projects, and method-form data for the tests."""

import itertools

from django.core.files.base import ContentFile
from taggit.utils import edit_string_for_tags

from accounts.models import User
from cities.models import City
from core.concurrency import VERSION_FIELD
from core.enums import Visibility
from methods.enums import MethodKind
from methods.forms import MethodForm
from methods.models import Method, MethodDocument
from methods.services import method_save
from projects.models import Project, ProjectMethod
from themes.models import Theme

from .cities import get_city
from .projects import PDF_BYTES, formset_data

_sequence = itertools.count(1)


def make_method(
    *,
    author: User | None = None,
    city: City | str | None = "saint-brieuc",
    themes: tuple[str, ...] = ("public-spaces",),
    tags: tuple[str, ...] = (),
    **fields,
) -> Method:
    """A method saved through the service, as the form saves it: with revision 1."""
    number = next(_sequence)
    data = {
        "title": f"Test method {number}",
        "purpose": f"What test method {number} is for.",
        "kind": MethodKind.METHOD,
        "content_language": "en",
        "visibility": Visibility.PUBLIC,
        "city": get_city(city) if isinstance(city, str) else city,
    }
    data.update(fields)
    return method_save(
        data=data, themes=Theme.objects.filter(slug__in=themes), tags=tags, user=author
    )


def make_method_document(
    *,
    method: Method,
    title: str = "Walk checklist",
    content: bytes = PDF_BYTES,
    original_name: str = "walk-checklist.pdf",
    content_type: str = "application/pdf",
    is_template: bool = False,
) -> MethodDocument:
    """An attachment stored in the private storage, as the service stores it."""
    document = MethodDocument(
        method=method,
        title=title,
        original_name=original_name,
        content_type=content_type,
        size=len(content),
        is_template=is_template,
    )
    document.file.save(original_name, ContentFile(content), save=False)
    document.save()
    return document


def make_method_use(
    *, project: Project, method: Method, account: str = "It went well.", added_by=None
) -> ProjectMethod:
    """A use written straight to the database (no permission check)."""
    return ProjectMethod.objects.create(
        project=project, method=method, account=account, added_by=added_by
    )


def bulk_methods(count: int, *, word: str = "bulk", **fields) -> list[Method]:
    """``count`` public methods in one query, each on the theme public spaces."""
    start = next(_sequence)
    methods = Method.objects.bulk_create(
        Method(
            title=f"{word.capitalize()} method {start * 10_000 + index:06d}",
            slug=f"{word}-method-{start * 10_000 + index}",
            purpose=f"What {word} method {index} is for.",
            content_language="en",
            **fields,
        )
        for index in range(count)
    )
    theme = Theme.objects.get(slug="public-spaces")
    Method.themes.through.objects.bulk_create(
        Method.themes.through(method_id=method.pk, theme_id=theme.pk) for method in methods
    )
    return methods


def method_form_data(*, documents: list[dict] = (), initial: int = 0, **fields) -> dict:
    """POST data of /methods/new/ (or edit) with the attachments formset, valid unless
    overridden."""
    data = {
        "city": str(get_city("saint-brieuc").pk),
        "title": "Gender-aware safety walk",
        "kind": MethodKind.METHOD,
        "purpose": "Walk a neighbourhood with the women who live there and note what to change.",
        "content_language": "en",
        "visibility": Visibility.PUBLIC,
        "themes": [str(Theme.objects.get(slug="public-spaces").pk)],
        "tags": "gender, safety",
        "steps": "1. Invite residents.\n2. Walk at night.\n3. Map what you saw.",
        "time_needed": "Two evenings",
        "cost": "Staff time only",
        "participants": "Residents, the police, the lighting service.",
        "pitfalls": "Walking only in daylight.",
    }
    data.update(fields)
    data.update(formset_data("documents", list(documents), initial=initial))
    return {key: value for key, value in data.items() if value is not None}


def method_edit_version(method: Method) -> str:
    """The version token the edit page gives ``method`` as it is stored now."""
    stored = Method.objects.get(pk=method.pk)
    form = MethodForm(
        instance=stored, user=stored.author, cities=City.objects.filter(pk=stored.city_id)
    )
    return form[VERSION_FIELD].value()


def method_edit_data(method: Method, **fields) -> dict:
    """POST data of …/edit/ as the form shows ``method`` (no attachment rows), ``fields``
    changed."""
    values = {
        VERSION_FIELD: method_edit_version(method),
        "city": str(method.city_id) if method.city_id else "",
        "title": method.title,
        "kind": method.kind,
        "purpose": method.purpose,
        "content_language": method.content_language,
        "visibility": method.visibility,
        "themes": [str(pk) for pk in method.themes.values_list("pk", flat=True)],
        "tags": edit_string_for_tags(list(method.tags.all())),
        "steps": method.steps,
        "time_needed": method.time_needed,
        "cost": method.cost,
        "participants": method.participants,
        "pitfalls": method.pitfalls,
    }
    values.update(fields)
    return method_form_data(**values)
