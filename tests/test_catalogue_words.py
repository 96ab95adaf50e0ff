"""Words of the catalogues: people's roles in inclusive French (« Élu ou élue », never a woman
shown as « Élu »), and someone is « membre de » a city in French and « medlem i » in Swedish,
not the calques « membre pour » and « medlem för ».

None of these tests touches the database.
"""

import re

import pytest
from django.utils import translation

from cities.enums import MembershipRole
from tests.test_translations import catalogue_path, live_entries, load_catalogue, translations

FRENCH_ROLES = {
    MembershipRole.PLANNER: "Urbaniste / chargé ou chargée de projet",
    MembershipRole.EU_OFFICER: "Chargé ou chargée de projets européens ou d'innovation",
    MembershipRole.ELECTED: "Élu ou élue",
    MembershipRole.RESEARCHER: "Chercheur ou chercheuse",
    MembershipRole.ASSOCIATION: "Membre d'une association",
    MembershipRole.COORDINATOR: "Coordinateur ou coordinatrice de la ville",
}

CALQUES = {
    "fr": re.compile(r"\bmembres? (?:approuvés? |validés? )?pour\b", re.IGNORECASE),
    "sv": re.compile(r"\bmedlem(?:mar)? för\b", re.IGNORECASE),
}


def test_every_role_is_named_in_inclusive_french():
    with translation.override("fr"):
        labels = {role: str(role.label) for role in MembershipRole}

    assert labels == FRENCH_ROLES


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Léa Morel est désormais membre de Göteborg."),
        ("sv", "Léa Morel är nu medlem i Göteborg."),
    ],
)
def test_a_new_member_is_a_member_of_the_city(language, expected):
    with translation.override(language):
        text = translation.gettext("%(name)s is now a member of %(city)s.")

    assert text % {"name": "Léa Morel", "city": "Göteborg"} == expected


@pytest.mark.parametrize("language", ["fr", "sv"])
def test_no_translation_makes_someone_a_member_for_a_city(language):
    calques = [
        f"{entry.msgid[:60]!r}: {text!r}"
        for entry in live_entries(load_catalogue(catalogue_path(language)))
        for _, text in translations(entry)
        if CALQUES[language].search(text)
    ]

    assert calques == []
