"""`manage.py load_demo` loads example funding calls (never presented as real ones), the cities'
interest in two of them and a partner search with its answer, and translates the calls."""

import datetime
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from alliance_portal.management.commands.load_demo import PEOPLE
from cities.enums import Country
from funding import demo
from funding.demo_translations import TRANSLATIONS
from funding.enums import CallStatus, InterestLevel, Programme
from funding.models import CallDeadline, CallInterest, FundingCall, PartnerReply, PartnerSearch
from funding.selectors import status_of
from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRevision
from languages.permissions import can_translate
from projects.models import Project, ProjectMatch
from tests.test_french_typography import typography_problems

pytestmark = pytest.mark.django_db

EXAMPLE_WORDS = {"en": "example", "fr": "exemple", "sv": "exempel"}


@pytest.fixture
def demo_loaded(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())


def load_again() -> None:
    call_command("load_demo", stdout=StringIO())


def call_translations() -> dict[tuple[str, str, str], Translation]:
    """(slug, language, field) -> Translation, for every translation of a call."""
    slugs = dict(FundingCall.objects.values_list("pk", "slug"))
    return {
        (slugs[translation.object_id], translation.language, translation.field): translation
        for translation in Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(FundingCall)
        ).select_related("translated_by", "reviewed_by")
    }


def counts() -> tuple[int, ...]:
    return (
        FundingCall.objects.count(),
        CallDeadline.objects.count(),
        CallInterest.objects.count(),
        PartnerSearch.objects.count(),
        PartnerReply.objects.count(),
        Translation.objects.count(),
        TranslationRevision.objects.count(),
    )


def test_load_demo_loads_six_example_calls_from_six_programmes(demo_loaded):
    calls = FundingCall.objects.all()

    assert calls.count() == len(demo.CALLS) == 6
    assert not calls.filter(is_example=False).exists()
    assert set(calls.values_list("programme", flat=True)) == {
        Programme.URBACT,
        Programme.HORIZON_EUROPE,
        Programme.LIFE,
        Programme.EUI,
        Programme.INTERREG_EUROPE,
        Programme.VINNOVA,
    }
    for call in calls:
        assert call.identifier.startswith("EXAMPLE-"), call.identifier
        assert call.official_url.startswith("https://"), call.official_url
        assert "example" not in call.official_url
        assert call.themes.exists(), call.slug
        assert call.sdgs.exists(), call.slug
        assert call.created_by.email == demo.RECORDED_BY


def test_every_demo_call_says_it_is_an_example_in_every_language(demo_loaded):
    translations = call_translations()

    for call in FundingCall.objects.all():
        word = EXAMPLE_WORDS[call.content_language]
        assert word in call.title.lower(), call.title
        assert word in call.summary.lower(), call.summary
        for language in set(EXAMPLE_WORDS) - {call.content_language}:
            for field in ("title", "summary"):
                text = translations[(call.slug, language, field)].text
                assert EXAMPLE_WORDS[language] in text.lower(), (call.slug, language, field)


def test_the_urbact_example_is_open_on_the_day_of_loading_with_the_grille_theme(demo_loaded):
    call = FundingCall.objects.get(slug=demo.URBACT_SLUG)
    grille = Project.objects.get(slug="experimentation-place-de-la-grille")

    assert call.programme == Programme.URBACT
    assert status_of(call) == CallStatus.OPEN
    assert set(grille.themes.all()) & set(call.themes.all())
    assert call.open_to_france and call.open_to_sweden


def test_demo_calls_are_open_upcoming_and_closed_as_designed(demo_loaded):
    statuses = {call.slug: status_of(call) for call in FundingCall.objects.all()}

    assert statuses == {
        demo.URBACT_SLUG: CallStatus.OPEN,
        demo.HORIZON_SLUG: CallStatus.OPEN,
        "life-example-adaptation-nature-based-solutions": CallStatus.OPEN,
        "eui-example-innovative-actions": CallStatus.UPCOMING,
        "interreg-europe-example-rural-development": CallStatus.CLOSED,
        "vinnova-example-planning-grant-eu-proposal": CallStatus.OPEN,
    }


def test_demo_deadlines_are_at_17_in_brussels_and_the_last_closes_the_call(demo_loaded):
    for call in FundingCall.objects.prefetch_related("deadlines"):
        deadlines = list(call.deadlines.all())
        assert deadlines, call.slug
        for deadline in deadlines:
            local = timezone.localtime(deadline.at, demo.BRUSSELS)
            assert (local.hour, local.minute) == (17, 0), call.slug
            assert deadline.label
        assert call.closes_at == max(deadline.at for deadline in deadlines)
    horizon = FundingCall.objects.get(slug=demo.HORIZON_SLUG)
    assert horizon.deadlines.count() == 2


def test_the_national_example_is_open_to_its_own_country_only(demo_loaded):
    vinnova = FundingCall.objects.get(programme=Programme.VINNOVA)

    assert vinnova.open_to_sweden
    assert not vinnova.open_to_france
    assert FundingCall.objects.filter(open_to_france=True, open_to_sweden=True).count() == 5


def test_demo_cities_are_interested_in_the_urbact_and_horizon_examples(demo_loaded):
    for slug in (demo.URBACT_SLUG, demo.HORIZON_SLUG):
        interests = CallInterest.objects.filter(call__slug=slug).select_related("city")
        assert 3 <= interests.count() <= 4, slug
        assert interests.filter(level=InterestLevel.LEAD).count() == 1
        assert interests.filter(level=InterestLevel.PARTNER).exists()
        assert interests.filter(level=InterestLevel.WATCHING).exists()
        for interest in interests:
            assert interest.updated_by.memberships.filter(city=interest.city).exists()
            assert all(project.city_id == interest.city_id for project in interest.projects.all())
        assert any(interest.projects.exists() for interest in interests)
    assert not CallInterest.objects.exclude(call__slug__in=[demo.URBACT_SLUG, demo.HORIZON_SLUG])


def test_the_urbact_interests_leave_room_for_a_french_consortium_from_stored_matches(demo_loaded):
    interests = CallInterest.objects.filter(call__slug=demo.URBACT_SLUG)
    named = Project.objects.filter(call_interests__in=interests)
    grille = Project.objects.get(slug="experimentation-place-de-la-grille")

    # Swedish cities only, so far: the suggested consortium is French, and Saint-Brieuc's
    # square is among the stored peer matches of the projects they named.
    assert set(interests.values_list("city__country", flat=True)) == {Country.SWEDEN}
    assert ProjectMatch.objects.filter(project__in=named, match=grille).exists()


def test_one_open_partner_search_on_the_horizon_example_with_a_french_answer(demo_loaded):
    search = PartnerSearch.objects.get()
    reply = search.replies.get()

    assert search.call.slug == demo.HORIZON_SLUG
    assert search.city.country == Country.SWEDEN
    assert search.project.city_id == search.city_id
    assert search.author.memberships.filter(city=search.city).exists()
    assert search.closes_on >= demo.brussels_today()
    assert PartnerSearch.objects.open(demo.brussels_today()).filter(pk=search.pk).exists()
    assert reply.city.country == Country.FRANCE
    assert reply.author.memberships.filter(city=reply.city).exists()
    assert not PartnerSearch.objects.filter(call__slug=demo.URBACT_SLUG).exists()


def test_load_demo_translates_every_call_into_the_two_other_languages(demo_loaded):
    translations = call_translations()
    expected = {
        (call.slug, language, field)
        for call in FundingCall.objects.all()
        for language in set(EXAMPLE_WORDS) - {call.content_language}
        for field in FundingCall.translated_fields
    }

    assert set(translations) == expected
    for (slug, language, field), saved in translations.items():
        assert saved.text == TRANSLATIONS[slug][language].texts[field]
        assert saved.source_language == FundingCall.objects.get(slug=slug).content_language
        assert not saved.is_out_of_date(getattr(FundingCall.objects.get(slug=slug), field))


def test_demo_call_translations_carry_their_provenance(demo_loaded):
    translations = call_translations()

    for (slug, language, _field), saved in translations.items():
        version = TRANSLATIONS[slug][language]
        if version.machine:
            assert saved.origin == TranslationOrigin.MACHINE
            assert saved.reviewed_by.email == version.by
        else:
            assert saved.origin == TranslationOrigin.HUMAN
            assert saved.translated_by.email == version.by
    versions = [
        version for by_language in TRANSLATIONS.values() for version in by_language.values()
    ]
    assert 1 <= sum(version.machine for version in versions) < len(versions) / 2


def test_demo_call_translators_read_both_languages_and_may_translate(demo_loaded):
    languages = {email: set(spoken) for email, _, _, _, _, _, spoken, _, _ in PEOPLE}
    calls = {call.slug: call for call in FundingCall.objects.all()}

    for slug, versions in TRANSLATIONS.items():
        for language, version in versions.items():
            assert {calls[slug].content_language, language} <= languages[version.by]
            person = calls[slug].created_by.__class__.objects.get(email=version.by)
            assert can_translate(person, calls[slug], language), (slug, language)


def test_demo_call_texts_in_french_follow_french_typography():
    texts = [
        text
        for data in demo.CALLS
        if data["language"] == "fr"
        for text in (data["title"], data["summary"], data["eligibility"])
    ]
    texts += [
        text
        for versions in TRANSLATIONS.values()
        for language, version in versions.items()
        if language == "fr"
        for text in version.texts.values()
    ]

    assert len(texts) == 3 * 6
    problems = [place for text in texts for place in typography_problems(text)]
    assert problems == []


def test_load_demo_twice_creates_no_duplicate_and_changes_no_translation(demo_loaded):
    before = counts()
    deadlines = list(CallDeadline.objects.order_by("pk").values_list("pk", "at"))
    translations = list(Translation.objects.order_by("pk").values())

    load_again()

    assert counts() == before
    assert list(CallDeadline.objects.order_by("pk").values_list("pk", "at")) == deadlines
    assert list(Translation.objects.order_by("pk").values()) == translations


def test_load_demo_again_later_moves_the_dates_so_the_calls_stay_as_designed(demo_loaded):
    # A database loaded 200 days ago: every call would now be closed.
    ago = datetime.timedelta(days=200)
    for call in FundingCall.objects.all():
        FundingCall.objects.filter(pk=call.pk).update(
            opens_on=call.opens_on - ago, closes_at=call.closes_at - ago
        )
    for deadline in CallDeadline.objects.all():
        CallDeadline.objects.filter(pk=deadline.pk).update(at=deadline.at - ago)
    PartnerSearch.objects.update(closes_on=demo.brussels_today() - ago)
    deadline_ids = set(CallDeadline.objects.values_list("pk", flat=True))
    before = counts()

    load_again()

    urbact = FundingCall.objects.get(slug=demo.URBACT_SLUG)
    assert status_of(urbact) == CallStatus.OPEN
    assert status_of(FundingCall.objects.get(slug="eui-example-innovative-actions")) == (
        CallStatus.UPCOMING
    )
    assert PartnerSearch.objects.open(demo.brussels_today()).exists()
    assert set(CallDeadline.objects.values_list("pk", flat=True)) == deadline_ids
    assert counts() == before
