"""Themes and SDGs: the data migration, language-aware names, constraints, badge colours.

static/css/sdg.css names this module as the check that keeps it in step with the database.
"""

import re

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import make_theme
from themes.enums import ThemeKind
from themes.models import SustainableDevelopmentGoal, Theme, contrast_ratio

pytestmark = pytest.mark.django_db

ALLIANCE_THEMES = {
    "renovation-energy-efficiency",
    "innovation",
    "climate-equity-justice",
    "citizen-participation",
    "indicators-sdgs",
}
SAINT_BRIEUC_TOPICS = {"public-spaces", "rural-development", "town-centre-renewal"}
SDG_RULE = re.compile(
    r"\.sdg-(\d+)\s*\{\s*background:\s*(#[0-9A-Fa-f]{6});\s*color:\s*(#[0-9A-Fa-f]{6});\s*\}"
)


def test_migration_loads_the_five_alliance_themes():
    slugs = set(Theme.objects.filter(kind=ThemeKind.ALLIANCE).values_list("slug", flat=True))

    assert slugs == ALLIANCE_THEMES
    assert not Theme.objects.filter(kind=ThemeKind.ALLIANCE, proposed_by__isnull=False).exists()


def test_migration_loads_saint_brieucs_three_topics():
    topics = Theme.objects.filter(kind=ThemeKind.PROPOSED).select_related("proposed_by")

    assert {topic.slug for topic in topics} == SAINT_BRIEUC_TOPICS
    assert {topic.proposed_by.slug for topic in topics} == {"saint-brieuc"}
    assert Theme.objects.count() == 8


def test_migration_dates_the_renovation_theme_2015_2016():
    theme = Theme.objects.get(slug="renovation-energy-efficiency")

    assert (theme.year_start, theme.year_end) == (2015, 2016)
    assert theme.years == "2015–2016"


def test_every_theme_has_names_and_descriptions_in_three_languages():
    for theme in Theme.objects.all():
        for field in ("name", "description"):
            for language in ("en", "fr", "sv"):
                assert getattr(theme, f"{field}_{language}").strip(), (theme.slug, field, language)


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_theme_name_follows_the_active_language(language):
    theme = Theme.objects.get(slug="public-spaces")

    with translation.override(language):
        name, description, text = theme.name, theme.description, str(theme)

    assert name == getattr(theme, f"name_{language}")
    assert description == getattr(theme, f"description_{language}")
    assert text == name


def test_theme_name_in_french_is_the_french_name():
    theme = Theme.objects.get(slug="innovation")

    with translation.override("fr"):
        assert theme.name == "L'innovation sous toutes ses formes"
    with translation.override("sv"):
        assert theme.name == "Innovation i alla dess former"


def test_theme_name_falls_back_to_english_when_the_translation_is_empty():
    theme = make_theme(name_en="Mobility", name_sv="")

    with translation.override("sv"):
        assert theme.name == "Mobility"


def test_theme_name_falls_back_to_english_for_a_regional_or_unknown_language():
    theme = Theme.objects.get(slug="innovation")

    with translation.override("fr-ca"):
        assert theme.name == "L'innovation sous toutes ses formes"
    with translation.override("de"):
        assert theme.name == "Innovation in all its forms"


@pytest.mark.parametrize(
    ("year_start", "year_end", "years"),
    [(2015, 2016, "2015–2016"), (2019, 2019, "2019"), (2020, None, "2020"), (None, None, "")],
)
def test_theme_years_label(year_start, year_end, years):
    theme = Theme(year_start=year_start, year_end=year_end)

    assert theme.years == years


def test_theme_years_out_of_order_are_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(year_start=2020, year_end=2019)

    assert not Theme.objects.filter(year_start=2020).exists()


def test_theme_start_year_before_1900_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(year_start=1850)


def test_theme_slug_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(slug="innovation")


def test_migration_loads_the_17_goals_numbered_1_to_17():
    numbers = list(SustainableDevelopmentGoal.objects.values_list("number", flat=True))

    assert numbers == list(range(1, 18))


def test_every_goal_has_names_in_three_languages_and_a_hex_colour():
    for goal in SustainableDevelopmentGoal.objects.all():
        assert goal.name_en.strip() and goal.name_fr.strip() and goal.name_sv.strip(), goal.number
        assert re.fullmatch(r"#[0-9A-F]{6}", goal.colour), goal.number


def test_goal_11_is_sustainable_cities_in_each_language():
    goal = SustainableDevelopmentGoal.objects.get(number=11)

    with translation.override("fr"):
        assert str(goal) == "11. Villes et communautés durables"
    with translation.override("sv"):
        assert goal.name == "Hållbara städer och samhällen"
    assert goal.colour == "#FD9D24"


def test_every_goal_text_colour_reaches_wcag_aa_contrast():
    for goal in SustainableDevelopmentGoal.objects.all():
        assert goal.text_colour in {"#FFFFFF", "#000000"}
        assert contrast_ratio(goal.colour, goal.text_colour) >= 4.5, goal.number


def test_goal_number_outside_1_to_17_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SustainableDevelopmentGoal.objects.create(
            number=18, name_en="x", name_fr="x", name_sv="x", colour="#000000"
        )


def test_goal_colour_that_is_not_hex_is_refused_by_the_database():
    SustainableDevelopmentGoal.objects.filter(number=17).delete()

    with pytest.raises(IntegrityError), transaction.atomic():
        SustainableDevelopmentGoal.objects.create(
            number=17, name_en="x", name_fr="x", name_sv="x", colour="blue"
        )


def test_sdg_stylesheet_matches_the_database_for_every_goal():
    css = (settings.BASE_DIR / "static/css/sdg.css").read_text(encoding="utf-8")

    rules = {
        int(number): (background.upper(), colour.upper())
        for number, background, colour in SDG_RULE.findall(css)
    }

    expected = {
        goal.number: (goal.colour.upper(), goal.text_colour.upper())
        for goal in SustainableDevelopmentGoal.objects.all()
    }
    assert rules == expected


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#000000", 21.0), ("#777777", "#777777", 1.0)],
)
def test_contrast_ratio_of_known_pairs(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio)


def test_contrast_ratio_of_wcag_grey_threshold():
    # #767676 on white is the classic lightest grey that passes AA (4.54:1).
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
