"""The glossary entry's invariants, held by the database, and its reading helpers."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from languages.enums import EntryState, PlanningSystem
from languages.models import GlossaryEntry, validate_sources
from languages.text import fold, initial, sort_key
from tests.factories.glossary import make_entry

pytestmark = pytest.mark.django_db

SOURCE = [{"title": "Boverket", "url": "https://boverket.se/"}]


def create(**fields):
    """Insert without full_clean, so that only the database's constraints stand in the way."""
    values = {
        "slug": "x",
        "system": PlanningSystem.SWEDEN,
        "term_sv": "detaljplan",
        "sources": SOURCE,
        "state": EntryState.PUBLISHED,
    }
    values.update(fields)
    with transaction.atomic():
        return GlossaryEntry.objects.create(**values)


def test_entry_without_any_term_is_refused_by_the_database():
    with pytest.raises(IntegrityError, match="glossary_entry_has_a_term"):
        create(term_sv="")


def test_entry_with_a_term_and_no_equivalent_in_one_language_is_refused():
    with pytest.raises(IntegrityError, match="glossary_entry_term_or_no_equivalent"):
        create(no_equivalent_sv=True)


def test_two_entries_with_one_slug_are_refused():
    create(slug="x-plan")

    with pytest.raises(IntegrityError):
        create(slug="x-plan")


def test_a_correction_may_repeat_the_slug_of_its_entry():
    entry = create(slug="x-plan")

    correction = create(slug="x-plan", corrects=entry, state=EntryState.PROPOSED)

    assert correction.slug == entry.slug


def test_unknown_state_is_refused():
    # Two constraints refuse it (state_known, state_fits_kind); databases name either.
    with pytest.raises(IntegrityError, match="glossary_entry_state_"):
        create(state="archived")


def test_unknown_system_is_refused():
    with pytest.raises(IntegrityError, match="glossary_entry_system_known"):
        create(system="DE")


def test_published_entry_without_a_source_is_refused():
    with pytest.raises(IntegrityError, match="glossary_entry_published_has_a_source"):
        create(sources=[])


def test_proposed_entry_without_a_source_is_allowed():
    entry = create(sources=[], state=EntryState.PROPOSED)

    assert entry.sources == []


def test_a_correction_is_never_published_itself():
    entry = create(slug="x-plan")

    with pytest.raises(IntegrityError, match="glossary_entry_state_fits_kind"):
        create(slug="x-plan", corrects=entry, state=EntryState.PUBLISHED)


def test_a_new_entry_is_never_applied():
    with pytest.raises(IntegrityError, match="glossary_entry_state_fits_kind"):
        create(state=EntryState.APPLIED)


@pytest.mark.parametrize(
    ("sources", "code"),
    [
        ("https://boverket.se/", "sources_not_list"),
        ([{"title": "Boverket"}], "source_shape"),
        ([{"title": "Boverket", "url": "https://boverket.se/", "note": "x"}], "source_shape"),
        ([{"title": " ", "url": "https://boverket.se/"}], "source_title"),
        ([{"title": "Boverket", "url": "boverket.se"}], "source_url"),
        ([{"title": "Boverket", "url": "javascript:alert(1)"}], "source_url"),
    ],
)
def test_validate_sources_refuses_bad_shapes_and_addresses(sources, code):
    with pytest.raises(ValidationError) as error:
        validate_sources(sources)

    assert error.value.code == code


def test_term_is_the_readers_then_the_systems_own_language():
    entry = make_entry(
        system=PlanningSystem.SWEDEN,
        term_fr="",
        no_equivalent_fr=True,
        term_sv="samråd",
        term_en="consultation",
    )

    assert entry.term("en") == ("consultation", "en")
    assert entry.term("fr") == ("samråd", "sv")
    with translation.override("sv"):
        assert str(entry) == "samråd"


def test_terms_lists_the_three_languages_with_their_flags():
    entry = make_entry(term_sv="", no_equivalent_sv=True, term_fr="PLU", term_en="local plan")

    assert entry.terms() == [
        {"code": "fr", "term": "PLU", "no_equivalent": False},
        {"code": "sv", "term": "", "no_equivalent": True},
        {"code": "en", "term": "local plan", "no_equivalent": False},
    ]


def test_definition_is_read_in_the_readers_language():
    entry = make_entry(definition_fr="Définition", definition_sv="Definition på svenska")

    with translation.override("sv"):
        assert entry.definition == "Definition på svenska"
    with translation.override("fr"):
        assert entry.definition == "Définition"


def test_fold_removes_accents_and_case():
    assert fold("Samråd Écoquartier Översiktsplan") == "samrad ecoquartier oversiktsplan"


def test_swedish_order_puts_a_ring_a_umlaut_o_umlaut_after_z():
    words = ["översiktsplan", "zon", "ändring", "åtgärd", "aktör", "écoquartier"]

    assert sorted(words, key=lambda w: sort_key(w, "sv")) == [
        "aktör",
        "écoquartier",
        "zon",
        "åtgärd",
        "ändring",
        "översiktsplan",
    ]
    assert sorted(words, key=lambda w: sort_key(w, "fr")) == [
        "aktör",
        "ändring",
        "åtgärd",
        "écoquartier",
        "översiktsplan",
        "zon",
    ]


def test_initial_letter_per_language():
    assert initial("Översiktsplan", "sv") == "Ö"
    assert initial("Översiktsplan", "fr") == "O"
    assert initial("écoquartier", "fr") == "E"
    assert initial("2030 contract", "en") == "#"
