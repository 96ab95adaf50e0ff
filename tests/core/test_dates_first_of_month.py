"""The first of the month is « 1er » in French dates (« 1er décembre 2026 »), wherever the portal
prints a day and a month: Django's ``|date`` in every template, and ``core.dates.date_format``."""

import datetime

import pytest
from django.template import engines
from django.utils import translation

from core.dates import date_format
from core.enums import Visibility
from tests.factories import make_project

FIRST = datetime.date(2026, 12, 1)
SECOND = datetime.date(2026, 12, 2)


def render(template: str, **context) -> str:
    return engines["django"].from_string(template).render(context)


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", FIRST, "1er décembre 2026"),
        ("fr", SECOND, "2 décembre 2026"),
        ("sv", FIRST, "1 december 2026"),
    ],
)
def test_date_filter_prints_the_first_of_the_month_as_1er_in_french(language, value, expected):
    with translation.override(language):
        assert render('{{ day|date:"DATE_FORMAT" }}', day=value) == expected


def test_date_filter_without_argument_and_with_a_pattern_in_french():
    with translation.override("fr"):
        assert render("{{ day|date }}", day=FIRST) == "1er décembre 2026"
        assert render('{{ day|date:"l j F Y" }}', day=FIRST) == "mardi 1er décembre 2026"
        # Digits only: no « 1er » in 01/12/2026.
        assert render('{{ day|date:"d/m/Y" }}', day=FIRST) == "01/12/2026"


def test_local_date_filter_prints_1er_in_french():
    moment = datetime.datetime(2026, 3, 1, 10, 30, tzinfo=datetime.UTC)

    with translation.override("fr"):
        html = render('{% load dates %}{{ moment|local_date:"DATETIME_FORMAT" }}', moment=moment)

    assert html == "1er mars 2026 11:30"


def test_date_format_prints_1er_in_french_only():
    with translation.override("fr"):
        french = date_format(FIRST)
    with translation.override("en"):
        english = date_format(FIRST, "j F Y")

    assert (french, english) == ("1er décembre 2026", "1 December 2026")


def test_date_filter_keeps_an_empty_value_empty():
    with translation.override("fr"):
        assert render("[{{ day|date }}]", day=None) == "[]"


@pytest.mark.django_db
def test_project_page_prints_a_start_on_the_first_as_1er_in_french(anonymous_client):
    project = make_project(start_date=FIRST, visibility=Visibility.PUBLIC)

    html = anonymous_client.get(f"/fr/projects/{project.slug}/").content.decode()

    assert "<dt>Début</dt><dd>1er décembre 2026</dd>" in html
