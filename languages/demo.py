"""Demo translations for `make run`, saved through the translation services as members and
the engine would have made them: the demo content of each app says who made which (``human``,
``machine``), ``save_demo_translations`` saves them once."""

from typing import NamedTuple

from .models import text_digest
from .selectors import translations_for
from .services import save_machine_translation, save_translation
from .translatable import present_fields, target_languages

ENGINE = "libretranslate"
ENGINE_VERSION = "1.6"


class Version(NamedTuple):
    """One translation of a demo text into one language, field by field. ``by`` wrote it, or,
    when ``machine`` is set, reviewed the engine's translation and kept it as it is, except
    the fields of ``made_from``: the engine translated that earlier wording of the original,
    the author changed it before the review, and the field is left out of date."""

    by: str
    texts: dict[str, str]
    machine: bool = False
    made_from: dict[str, str] | None = None


def human(by: str, **texts: str) -> Version:
    return Version(by=by, texts=texts)


def machine(reviewed_by: str, made_from: dict[str, str] | None = None, **texts: str) -> Version:
    return Version(by=reviewed_by, texts=texts, machine=True, made_from=made_from)


def save_demo_translations(obj, versions: dict[str, Version], users: dict, **values: str) -> None:
    """Save ``obj``'s demo translations (``versions`` by language; ``users`` by e-mail;
    ``values`` fill the texts' ``{placeholders}``). A language it already has a translation
    into is left alone: loading the demo again changes nothing and keeps what members
    corrected."""
    fields = present_fields(obj)
    for language in target_languages(obj):
        version = versions.get(language)
        if version is None or version.by not in users:
            continue
        if translations_for([obj], language):
            continue
        texts = {
            field: text.format(**values) if values else text
            for field, text in version.texts.items()
            if field in fields
        }
        if not version.machine:
            save_translation(obj=obj, language=language, texts=texts, by=users[version.by])
            continue
        made_from = version.made_from or {}
        save_machine_translation(
            obj=obj,
            language=language,
            texts=texts,
            engine=ENGINE,
            engine_version=ENGINE_VERSION,
            digests={field: text_digest(earlier) for field, earlier in made_from.items()} or None,
        )
        # The reviewer read it beside the original and kept it as the engine wrote it.
        reviewed = {field: text for field, text in texts.items() if field not in made_from}
        save_translation(
            obj=obj,
            language=language,
            texts=reviewed,
            by=users[version.by],
            confirmed=set(reviewed),
        )
