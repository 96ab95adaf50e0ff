"""The glossary the portal starts with (migration 0002)."""

import pytest

from languages.enums import GLOSSARY_LANGUAGES, EntryState, PlanningSystem
from languages.models import GlossaryEntry, validate_sources

pytestmark = pytest.mark.django_db


def test_migration_publishes_at_least_forty_entries():
    assert GlossaryEntry.objects.published().count() == 46
    assert GlossaryEntry.objects.exclude(state=EntryState.PUBLISHED).count() == 0


def test_every_migrated_entry_is_valid_with_two_terms_and_a_source():
    for entry in GlossaryEntry.objects.all():
        entry.full_clean()
        terms = [getattr(entry, f"term_{code}") for code in GLOSSARY_LANGUAGES]
        assert sum(bool(term) for term in terms) >= 2, entry.slug
        assert entry.sources, entry.slug
        validate_sources(entry.sources)
        assert all(source["url"].startswith("https://") for source in entry.sources)


def test_every_migrated_entry_is_defined_in_the_three_languages():
    for entry in GlossaryEntry.objects.all():
        for code in GLOSSARY_LANGUAGES:
            assert getattr(entry, f"definition_{code}").strip(), (entry.slug, code)


def test_a_language_without_a_term_says_it_has_no_exact_equivalent():
    for entry in GlossaryEntry.objects.all():
        for code in GLOSSARY_LANGUAGES:
            assert bool(getattr(entry, f"term_{code}")) != getattr(entry, f"no_equivalent_{code}")


def test_migrated_slugs_are_unique():
    slugs = list(GlossaryEntry.objects.values_list("slug", flat=True))

    assert len(slugs) == len(set(slugs))


def test_migration_covers_both_systems_and_the_shared_terms():
    systems = dict(
        (system, GlossaryEntry.objects.filter(system=system).count())
        for system in PlanningSystem.values
    )

    assert systems == {PlanningSystem.FRANCE: 22, PlanningSystem.SWEDEN: 20, PlanningSystem.BOTH: 4}
    permit = GlossaryEntry.objects.get(slug="building-permit")
    assert (permit.term_fr, permit.term_sv, permit.term_en) == (
        "permis de construire",
        "bygglov",
        "building permit",
    )
    plu = GlossaryEntry.objects.get(slug="plu")
    assert plu.no_equivalent_sv and plu.term_sv == ""
