"""Glossary terms in member texts link to their entry, marked on the server from a cached index."""

import pytest
from django.template import Context, Template
from django.utils import translation

from languages import services
from languages.enums import EntryState
from languages.templatetags.glossary import glossary_terms
from languages.terms import VERSION_KEY, term_index, terms_version
from tests.factories import make_project
from tests.factories.glossary import make_entry

pytestmark = pytest.mark.django_db

PLU = '<a class="glossary-term" href="/en/glossary/plu/"><abbr title="{}">PLU</abbr></a>'
PERMIT = '<a class="glossary-term" href="/en/glossary/building-permit/">{}</a>'


def render(text: str) -> str:
    return Template("{% load portal glossary %}{{ text|markdown|glossary_terms }}").render(
        Context({"text": text})
    )


def test_glossary_terms_links_a_french_term_to_its_entry():
    assert render("Un permis de construire suffit.") == (
        f"<p>Un {PERMIT.format('permis de construire')} suffit.</p>"
    )


def test_glossary_terms_links_a_swedish_term_whatever_its_case():
    assert render("Bygglov krävs.") == f"<p>{PERMIT.format('Bygglov')} krävs.</p>"


def test_glossary_terms_links_an_english_term_across_a_line_break():
    link = PERMIT.format("building\npermit")

    assert render("A building\npermit.") == f"<p>A {link}.</p>"


def test_glossary_terms_gives_an_acronym_its_expansion_in_the_readers_language():
    with translation.override("fr"):
        html = render("Le PLU change.")

    assert html == (
        '<p>Le <a class="glossary-term" href="/fr/glossary/plu/">'
        '<abbr title="plan local d&#x27;urbanisme">PLU</abbr></a> change.</p>'
    )


def test_glossary_terms_matches_acronyms_with_their_case_only():
    assert render("A plu, a Plu, a PLUS, an APLU, a pluie.") == (
        "<p>A plu, a Plu, a PLUS, an APLU, a pluie.</p>"
    )


def test_glossary_terms_marks_the_first_mention_of_an_entry_only():
    html = render("The PLU, then the PLU again, then the local land-use plan.")

    assert html == (
        f"<p>The {PLU.format('local land-use plan')}, then the PLU again, then the local"
        " land-use plan.</p>"
    )


def test_glossary_terms_leaves_links_code_and_headings_alone():
    text = "# The PLU\n\n[a PLU](https://example.org/) `PLU`\n\n    PLU\n\nA building permit."

    assert render(text) == (
        "<h3>The PLU</h3>\n"
        '<p><a href="https://example.org/" rel="nofollow noopener noreferrer">a PLU</a>'
        " <code>PLU</code></p>\n"
        "<pre><code>PLU\n</code></pre>\n"
        f"<p>A {PERMIT.format('building permit')}.</p>"
    )


def test_glossary_terms_keeps_the_text_escaped():
    assert render("1 < 2 & a PLU & <b>x</b>") == (
        f"<p>1 &lt; 2 &amp; a {PLU.format('local land-use plan')} &amp; <b>x</b></p>"
    )


def test_glossary_terms_escapes_what_an_entry_brings():
    make_entry(slug="ztest", term_fr="", term_sv="", term_en='<i onmouseover="x">zone (ZTEST)')

    html = render("The ZTEST.")

    assert html == (
        '<p>The <a class="glossary-term" href="/en/glossary/ztest/"><abbr title="&lt;i'
        ' onmouseover=&quot;x&quot;&gt;zone">ZTEST</abbr></a>.</p>'
    )


def test_glossary_terms_escapes_a_text_not_yet_marked_safe():
    assert glossary_terms("<script>PLU</script>") == (
        f"&lt;script&gt;{PLU.format('local land-use plan')}&lt;/script&gt;"
    )


def test_glossary_terms_leaves_proposed_and_rejected_entries_unmarked():
    make_entry(slug="zproposed", term_en="zproposed", state=EntryState.PROPOSED)
    make_entry(slug="zrejected", term_en="zrejected", state=EntryState.REJECTED)

    assert render("zproposed zrejected") == "<p>zproposed zrejected</p>"


def test_publishing_an_entry_changes_the_version_and_marks_its_term(
    member, network_coordinator, django_capture_on_commit_callbacks
):
    assert render("A zebra crossing.") == "<p>A zebra crossing.</p>"
    before = terms_version()
    proposal = services.entry_propose(
        proposed_by=member,
        content={
            "term_en": "zebra crossing",
            "system": "both",
            "definition_en": "A crossing.",
            "sources": [{"title": "Source", "url": "https://example.org/"}],
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.entry_approve(entry=proposal, decided_by=network_coordinator)

    assert terms_version() != before
    assert render("A zebra crossing.") == (
        f'<p>A <a class="glossary-term" href="/en/glossary/{proposal.slug}/">zebra crossing</a>'
        ".</p>"
    )


def test_rejecting_a_proposal_changes_the_version(member, network_coordinator):
    proposal = services.entry_propose(
        proposed_by=member, content={"term_en": "zig", "system": "both"}
    )
    before = terms_version()

    services.entry_reject(entry=proposal, decided_by=network_coordinator)

    assert terms_version() != before


def test_glossary_terms_runs_no_query_once_warm(django_assert_num_queries):
    term_index()

    with django_assert_num_queries(0):
        html = glossary_terms(render("The PLU and a building permit."))

    assert "glossary/plu/" in html


def test_glossary_terms_reads_the_entries_once_per_version(django_assert_num_queries):
    with django_assert_num_queries(1):
        term_index()
        term_index()
    # Another process finds the entries in the cache: only its own memo is empty.
    from languages import terms

    terms._memo = None
    with django_assert_num_queries(0):
        term_index()


def test_glossary_terms_rereads_the_entries_when_the_cache_lost_the_version(
    django_assert_num_queries,
):
    from django.core.cache import cache

    term_index()
    cache.delete(VERSION_KEY)
    make_entry(slug="zlost", term_en="zlost")

    with django_assert_num_queries(1):
        assert "zlost" in term_index().words


def test_project_page_links_a_plu_mention_to_the_glossary(anonymous_client):
    project = make_project(description="We revised our PLU in 2024.")

    response = anonymous_client.get(project.get_absolute_url())

    assert PLU.format("local land-use plan") in response.content.decode()


def test_project_page_runs_no_more_queries_with_glossary_terms(
    anonymous_client, django_assert_num_queries
):
    plain = make_project(description="We revised our plan.")
    marked = make_project(description="We revised our PLU, with a building permit.")
    anonymous_client.get(plain.get_absolute_url())  # warms the index and the content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        anonymous_client.get(plain.get_absolute_url())

    with django_assert_num_queries(len(queries)):
        response = anonymous_client.get(marked.get_absolute_url())

    assert "glossary/building-permit/" in response.content.decode()
