"""A Swedish planner reads a French project in Swedish, opens the original, corrects one
paragraph of the translation; the French author sees the correction in the history."""

import pytest
from playwright.sync_api import expect

from languages.models import Translation, TranslationRevision

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CORRECTED = "Torget var en **parkeringsplats**, utpekad i PLU."


def test_read_in_swedish_open_the_original_correct_and_see_it_in_the_history(
    people, live_server, browser
):
    peer = browser.new_context(locale="sv-SE")
    sign_in(peer, live_server, people["peer"])
    page = peer.new_page()

    # In Swedish: the translation, in Swedish, with where it came from.
    page.goto(f"{live_server.url}/sv/projects/place-de-la-grille/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Försök på place de la Grille")
    expect(page.locator("article.project")).to_have_attribute("lang", "sv")
    expect(page.locator(".translation-note")).to_contain_text("Översatt från franska av Sofia Peer")

    # The original, in French, one link away.
    page.get_by_role("link", name="Visa originalet, på franska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Expérimentation place de la Grille")
    expect(page.locator("article.project")).to_have_attribute("lang", "fr")
    page.get_by_role("link", name="Visa den svenska översättningen").click()

    # Correct one paragraph, the original beside it.
    page.get_by_role("link", name="Förbättra översättningen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Översätt till svenska")
    description = page.get_by_role("group", name="Beskrivning")
    expect(description.locator(".original-text")).to_contain_text("La place était un parking")
    field = description.get_by_label("Beskrivning på svenska")
    expect(field).to_have_attribute("lang", "sv")
    text = field.input_value()
    field.fill(text.replace("Torget var en **parkering**, utpekad i PLU.", CORRECTED))
    page.get_by_role("button", name="Spara översättningen").click()

    expect(page.get_by_text("Tack! Översättningen är sparad.")).to_be_visible()
    expect(page.locator("#description")).to_contain_text("parkeringsplats")
    translation = Translation.objects.get(field="description", language="sv")
    assert translation.text.startswith(CORRECTED)
    assert TranslationRevision.objects.filter(translation=translation).count() == 2

    # The French author sees the correction, word by word, in the project's history.
    author = browser.new_context(locale="fr-FR")
    sign_in(author, live_server, people["member"])
    history = author.new_page()
    history.goto(f"{live_server.url}/fr/projects/place-de-la-grille/history/")
    changes = history.get_by_role("region", name="Modifications des traductions")
    newest = changes.get_by_role("listitem").first
    expect(newest).to_contain_text("Sofia Peer")
    expect(newest.locator("del")).to_have_text("**parkering**,")
    expect(newest.locator("ins")).to_have_text("**parkeringsplats**,")
    peer.close()
    author.close()
