"""Sentences that name a language. Each language is its own sentence, not a name slotted into
one, so that French can say "du français", "de l'anglais" and Swedish "från franska"."""

from django.utils.translation import gettext_lazy as _

PHRASES = {
    "translate_into": {
        "fr": _("Translate into French"),
        "sv": _("Translate into Swedish"),
        "en": _("Translate into English"),
    },
    "machine_into": {
        "fr": _("Translate into French by machine"),
        "sv": _("Translate into Swedish by machine"),
        "en": _("Translate into English by machine"),
    },
    "written_in": {
        "fr": _("Written in French, not translated yet."),
        "sv": _("Written in Swedish, not translated yet."),
        "en": _("Written in English, not translated yet."),
    },
    "reading_original": {
        "fr": _("You are reading the original, in French."),
        "sv": _("You are reading the original, in Swedish."),
        "en": _("You are reading the original, in English."),
    },
    "show_original": {
        "fr": _("Show the original, in French"),
        "sv": _("Show the original, in Swedish"),
        "en": _("Show the original, in English"),
    },
    "show_translation": {
        "fr": _("Show the French translation"),
        "sv": _("Show the Swedish translation"),
        "en": _("Show the English translation"),
    },
    "original_in": {
        "fr": _("Original, in French"),
        "sv": _("Original, in Swedish"),
        "en": _("Original, in English"),
    },
    "field_in": {
        "fr": _("%(field)s in French"),
        "sv": _("%(field)s in Swedish"),
        "en": _("%(field)s in English"),
    },
    "translated_from": {
        "fr": _("Translated from French"),
        "sv": _("Translated from Swedish"),
        "en": _("Translated from English"),
    },
    "human_made": {
        "fr": _("Translated from French by %(person)s on %(date)s."),
        "sv": _("Translated from Swedish by %(person)s on %(date)s."),
        "en": _("Translated from English by %(person)s on %(date)s."),
    },
    "machine_made": {
        "fr": _("Machine-translated from French by %(engine)s on %(date)s."),
        "sv": _("Machine-translated from Swedish by %(engine)s on %(date)s."),
        "en": _("Machine-translated from English by %(engine)s on %(date)s."),
    },
    "machine_on_its_way": {
        "fr": _("A machine translation into French is on its way: it will appear here soon."),
        "sv": _("A machine translation into Swedish is on its way: it will appear here soon."),
        "en": _("A machine translation into English is on its way: it will appear here soon."),
    },
}


def phrase(kind: str, language: str, **values) -> str:
    text = str(PHRASES[kind][language])
    return text % values if values else text
