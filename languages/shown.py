"""A text as a reader sees it: in their language when a translation exists, else the original,
each field knowing which language it is in (for its ``lang`` attribute) and where it came from.
"""

from functools import cached_property

from .phrases import phrase
from .translatable import fields_of


class Shown(str):
    """A field's text as shown: a ``str`` (so filters and templates take it as is) that also
    knows its language, its translation if it is one, and the original."""

    lang: str
    translation = None
    original: str = ""

    def __new__(cls, text: str, *, lang: str, translation=None, original: str = ""):
        shown = super().__new__(cls, text)
        shown.lang = lang
        shown.translation = translation
        shown.original = original
        return shown

    @property
    def is_translated(self) -> bool:
        return self.translation is not None

    @property
    def out_of_date(self) -> bool:
        return self.translation is not None and self.translation.is_out_of_date(self.original)


class ShownVersion:
    """``obj`` as a reader of ``language`` sees it: ``shown.title``, ``shown.summary``… are
    Shown texts; ``shown.note`` is the translation whose provenance the page states."""

    def __init__(self, obj, language: str, translations: dict, *, original: bool = False):
        self.obj = obj
        self.language = language
        self.source_language = obj.content_language
        # Asked for the original, or already in the reader's language: nothing translated.
        self.translations = {} if original or language == obj.content_language else translations
        self.showing_original = original and bool(translations)
        self.available = bool(translations) and language != obj.content_language

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in fields_of(self.obj):
            raise AttributeError(name)
        return self.field(name)

    def field(self, name: str) -> Shown:
        """The field as shown, made once (then an attribute: ``shown.title``)."""
        made = self.__dict__.get(name)
        if made is not None:
            return made
        original = getattr(self.obj, name) or ""
        translation = self.translations.get(name)
        if translation is None:
            made = Shown(original, lang=self.source_language, original=original)
        else:
            made = Shown(
                translation.text,
                lang=translation.language,
                translation=translation,
                original=original,
            )
        self.__dict__[name] = made
        return made

    @property
    def lang(self) -> str:
        """The language of the first field (the title), as shown."""
        return self.field(fields_of(self.obj)[0]).lang

    @property
    def translated(self) -> bool:
        return bool(self.translations)

    @property
    def translated_from(self) -> str:
        return phrase("translated_from", self.source_language) if self.translations else ""

    @cached_property
    def note(self):
        """The translation the provenance line describes: the first field's, else any."""
        for name in fields_of(self.obj):
            if name in self.translations:
                return self.translations[name]
        return None

    @cached_property
    def out_of_date(self) -> bool:
        return any(self.field(name).out_of_date for name in self.translations)

    @cached_property
    def reviewers(self) -> list:
        """Everyone who wrote or reviewed the shown translation, once each."""
        people = {}
        for translation in self.translations.values():
            for person in (translation.translated_by, translation.reviewed_by):
                if person is not None:
                    people.setdefault(person.pk, person)
        return list(people.values())
