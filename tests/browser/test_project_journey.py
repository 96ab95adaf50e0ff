"""A Saint-Brieuc planner posts a project with a picture and a PDF, finds it by its theme; a
Gothenburg planner comments; the author reads the comment."""

import io

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from projects.models import Comment, Project

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Rue scolaire apaisée"
THEME = "Redesigning public spaces for every use and many uses"


def _files(tmp_path):
    picture = tmp_path / "rue.png"
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (40, 120, 200)).save(buffer, format="PNG")
    picture.write_bytes(buffer.getvalue())
    pdf = tmp_path / "bilan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    return picture, pdf


def test_post_find_comment_and_read(people, live_server, browser, tmp_path):
    picture, pdf = _files(tmp_path)
    author = browser.new_context(locale="en-GB")
    sign_in(author, live_server, people["member"])
    page = author.new_page()

    page.goto(f"{live_server.url}/en/projects/new/")
    page.get_by_role("group", name="The project").get_by_label("Title:").fill(TITLE)
    page.get_by_label("Summary:").fill(
        "Une rue devant l'école fermée aux voitures aux heures d'entrée."
    )
    page.get_by_label("Lead organisation:").fill("Ville de Saint-Brieuc")
    page.get_by_label("Language of the text:").select_option("fr")
    page.get_by_label(THEME).check()
    page.locator("#id_images-0-image").set_input_files(str(picture))
    page.locator("#id_images-0-alt_text").fill("La rue devant l'école, avec des bacs à fleurs.")
    page.locator("#id_documents-0-file").set_input_files(str(pdf))
    page.locator("#id_documents-0-title").fill("Bilan de la première année")
    page.get_by_role("button", name="Save the project").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    project = Project.objects.get(title=TITLE)
    assert project.images.count() == 1
    assert project.documents.get().content_type == "application/pdf"
    expect(
        page.get_by_role("img", name="La rue devant l'école, avec des bacs à fleurs.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Bilan de la première année")).to_be_visible()

    # Found in the list filtered by its theme.
    page.goto(f"{live_server.url}/en/projects/")
    page.get_by_label("Theme:").select_option(label=THEME)
    page.get_by_role("button", name="Show projects").click()
    expect(page).to_have_url(
        f"{live_server.url}/en/projects/?q=&theme=public-spaces&city=&country=&status=&sdg=&tag="
    )
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    # A member from the other country comments.
    peer = browser.new_context(locale="en-GB")
    sign_in(peer, live_server, people["peer"])
    peer_page = peer.new_page()
    peer_page.goto(f"{live_server.url}/en/projects/{project.slug}/")
    peer_page.get_by_label("Your comment").fill(
        "In Gothenburg we tried school streets too: how did parents react?"
    )
    peer_page.get_by_role("button", name="Post the comment").click()
    expect(peer_page.get_by_role("status")).to_contain_text("Your comment was posted.")
    assert Comment.objects.filter(project=project, author=people["peer"]).count() == 1
    assert people["member"].email in [message.to[0] for message in mail.outbox]
    peer.close()

    # The author sees it.
    page.goto(f"{live_server.url}/en/projects/{project.slug}/")
    comments = page.locator(".comments")
    expect(comments).to_contain_text("Sofia Peer")
    expect(comments).to_contain_text("how did parents react?")
    author.close()
