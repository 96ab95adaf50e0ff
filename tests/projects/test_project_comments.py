"""Comments on projects: replies one level deep, edits, deletions, hiding, reports, e-mails."""

import re

import pytest
from django.core import mail

from projects.models import Comment, CommentReport
from tests.factories import make_comment, make_membership, make_project, make_user
from tests.markup import foreign_scripts

pytestmark = pytest.mark.django_db


def comment_article(html: str, comment: Comment) -> str:
    match = re.search(
        rf'<article class="comment[^"]*" id="comment-{comment.pk}".*?</article>', html, re.S
    )
    assert match, f"comment {comment.pk} is not on the page"
    return " ".join(match.group(0).split())


def post_comment(client, project, body: str, parent: Comment | None = None):
    data = {"body": body}
    if parent is not None:
        data["parent"] = str(parent.pk)
    return client.post(f"/en/projects/{project.slug}/comments/", data)


# --- Posting ---------------------------------------------------------------------------------


def test_comment_posted_shows_on_the_project(member_client, member, public_project):
    response = post_comment(member_client, public_project, "How did you count the users?")

    comment = Comment.objects.get()
    page = member_client.get(public_project.get_absolute_url()).content.decode()
    article = comment_article(page, comment)
    assert response["Location"] == f"/en/projects/{public_project.slug}/#comment-{comment.pk}"
    assert (comment.project, comment.author, comment.parent) == (public_project, member, None)
    assert "<strong>Yann Member</strong>" in article
    assert "<p>How did you count the users?</p>" in article
    assert "edited" not in article


def test_comment_body_is_escaped(member_client, public_project):
    post_comment(member_client, public_project, "<script>alert(1)</script> <b>hi</b>")

    html = member_client.get(public_project.get_absolute_url()).content.decode()

    assert foreign_scripts(html) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;hi&lt;/b&gt;" in html


def test_comment_empty_is_refused(member_client, public_project):
    response = post_comment(member_client, public_project, "   ")

    assert Comment.objects.count() == 0
    follow = member_client.get(response["Location"]).content.decode()
    assert "Your comment was not posted: write something first." in follow


def test_comment_too_long_is_refused(member_client, public_project):
    post_comment(member_client, public_project, "x" * 5001)

    assert Comment.objects.count() == 0


def test_comment_reply_is_shown_under_its_comment(member_client, member, comment, public_project):
    response = post_comment(member_client, public_project, "With a counter.", parent=comment)

    reply = Comment.objects.get(parent=comment)
    html = member_client.get(public_project.get_absolute_url()).content.decode()
    replies = re.search(r'<ol class="comment-replies"[^>]*>(.*?)</ol>', html, re.S).group(1)
    assert response.status_code == 302
    assert (reply.author, reply.project) == (member, public_project)
    assert f'id="comment-{reply.pk}"' in replies
    assert "With a counter." in replies


def test_comment_reply_to_a_reply_is_refused(member_client, comment, public_project, author):
    reply = make_comment(project=public_project, author=author, body="A reply", parent=comment)

    response = post_comment(member_client, public_project, "Deeper", parent=reply)

    assert Comment.objects.count() == 2
    follow = member_client.get(response["Location"]).content.decode()
    assert "You can reply to a comment, not to a reply." in follow


def test_comment_reply_to_a_comment_of_another_project_is_refused(
    member_client, public_project, author
):
    elsewhere = make_comment(project=make_project(author=author), author=author, body="Other")

    response = post_comment(member_client, public_project, "Reply", parent=elsewhere)

    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_comment_reply_to_an_unknown_comment_is_refused(member_client, public_project):
    response = member_client.post(
        f"/en/projects/{public_project.slug}/comments/", {"body": "Hi", "parent": "999999"}
    )

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_comment_reply_with_a_bad_parent_is_refused(member_client, public_project):
    response = member_client.post(
        f"/en/projects/{public_project.slug}/comments/", {"body": "Hi", "parent": "abc"}
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_comment_form_is_shown_to_approved_members_only(
    anonymous_client, login, member, outsider, public_project
):
    member_page = login(member).get(public_project.get_absolute_url()).content.decode()
    outsider_page = login(outsider).get(public_project.get_absolute_url()).content.decode()
    visitor_page = anonymous_client.get(public_project.get_absolute_url()).content.decode()

    action = f'action="/en/projects/{public_project.slug}/comments/"'
    assert action in member_page
    assert action not in outsider_page
    assert "Approved members of a member city can comment." in outsider_page
    assert action not in visitor_page
    assert "Sign in as a member of the network to read and take part" in visitor_page


# --- Who reads comments ---------------------------------------------------------------------


def test_comments_are_not_shown_to_anonymous_visitors(anonymous_client, comment, public_project):
    # The permission table: comments are read by approved members.
    html = anonymous_client.get(public_project.get_absolute_url()).content.decode()

    assert "How did you count the users?" not in html
    assert "Sofia Gothenburg" not in html


def test_comments_are_not_shown_to_a_signed_in_non_member(login, outsider, comment, public_project):
    html = login(outsider).get(public_project.get_absolute_url()).content.decode()

    assert "How did you count the users?" not in html


@pytest.mark.parametrize(
    "role", ["member", "other_city_coordinator", "city_coordinator", "network_coordinator", "staff"]
)
def test_comments_are_shown_to_members_and_moderators(
    user_for_role, login, comment, public_project, role
):
    html = login(user_for_role(role)).get(public_project.get_absolute_url()).content.decode()

    assert "How did you count the users?" in comment_article(html, comment)


def test_comments_of_a_members_only_project_never_reach_visitors(
    anonymous_client, login, outsider, members_project, other_city_member
):
    make_comment(project=members_project, author=other_city_member, body="Secret comment")

    for client in (anonymous_client, login(outsider)):
        response = client.get(members_project.get_absolute_url())
        assert response.status_code == 404
        assert "Secret comment" not in response.content.decode()


# --- Editing and deleting one's own ---------------------------------------------------------


def test_comment_edit_by_its_author_is_shown_as_edited(login, other_city_member, comment):
    client = login(other_city_member)

    response = client.post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/edit/",
        {"body": "How did you count the users at night?"},
    )

    comment.refresh_from_db()
    html = client.get(comment.project.get_absolute_url()).content.decode()
    article = comment_article(html, comment)
    assert response["Location"] == f"/en/projects/{comment.project.slug}/#comment-{comment.pk}"
    assert comment.body == "How did you count the users at night?"
    assert comment.edited_at is not None
    assert '<span class="muted">edited</span>' in article
    assert "<p>How did you count the users at night?</p>" in article


def test_comment_edit_to_empty_is_refused(login, other_city_member, comment):
    response = login(other_city_member).post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/edit/", {"body": ""}
    )

    comment.refresh_from_db()
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert (comment.body, comment.edited_at) == ("How did you count the users?", None)


def test_comment_delete_by_its_author_keeps_it_shown_as_deleted(
    login, other_city_member, member, comment
):
    reply = make_comment(
        project=comment.project, author=member, body="We used a counter.", parent=comment
    )

    login(other_city_member).post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/delete/"
    )

    comment.refresh_from_db()
    html = login(member).get(comment.project.get_absolute_url()).content.decode()
    article = comment_article(html, comment)
    assert comment.deleted_at is not None
    assert comment.body == "How did you count the users?"  # kept in the database
    assert "This comment was deleted by its author." in article
    assert "How did you count the users?" not in html
    assert "We used a counter." in comment_article(html, reply)


def test_comment_deleted_cannot_be_edited_again(login, other_city_member, comment):
    client = login(other_city_member)
    client.post(f"/en/projects/{comment.project.slug}/comments/{comment.pk}/delete/")

    response = client.post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/edit/", {"body": "Back"}
    )

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.body == "How did you count the users?"


def test_comment_edit_and_delete_links_only_on_ones_own(login, member, other_city_member, comment):
    mine = make_comment(project=comment.project, author=member, body="Mine")

    html = login(member).get(comment.project.get_absolute_url()).content.decode()

    assert f"/comments/{mine.pk}/edit/" in comment_article(html, mine)
    assert f"/comments/{mine.pk}/delete/" in comment_article(html, mine)
    assert f"/comments/{comment.pk}/edit/" not in comment_article(html, comment)
    assert f"/comments/{comment.pk}/delete/" not in comment_article(html, comment)


# --- Moderation -------------------------------------------------------------------------------


def test_comment_hide_keeps_it_shown_as_hidden_with_the_reason(
    login, network_coordinator, member, comment
):
    CommentReport.objects.create(comment=comment, reporter=member, reason="insult")

    login(network_coordinator).post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/hide/",
        {"reason": "insult", "note": "Calls a colleague names."},
    )

    comment.refresh_from_db()
    html = login(member).get(comment.project.get_absolute_url()).content.decode()
    article = comment_article(html, comment)
    assert comment.hidden_by == network_coordinator
    assert comment.body == "How did you count the users?"
    assert "This comment was hidden by a moderator: Insult or personal attack" in article
    assert "Calls a colleague names." not in html  # the note is for the author
    assert "How did you count the users?" not in html
    assert 'class="comment comment-hidden"' in article
    assert comment.reports.get().resolved_at == comment.hidden_at


def test_comment_hide_needs_a_reason(login, staff, comment):
    client = login(staff)

    response = client.post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/hide/",
        {"reason": "other", "note": " "},
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.hidden_at is None
    follow = client.get(response["Location"])
    assert (
        "The comment was not hidden: Say in the note what the other reason is."
        in follow.content.decode()
    )


def test_comment_hidden_cannot_be_edited_by_its_author(login, staff, other_city_member, comment):
    login(staff).post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/hide/", {"reason": "spam"}
    )

    response = login(other_city_member).post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/edit/", {"body": "Sneaky"}
    )

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.body == "How did you count the users?"


def test_comment_hide_form_is_shown_to_moderators_only(login, member, staff, comment):
    hide = f"/comments/{comment.pk}/hide/"

    assert hide in login(staff).get(comment.project.get_absolute_url()).content.decode()
    assert hide not in login(member).get(comment.project.get_absolute_url()).content.decode()


def test_comment_report_is_kept_once_per_person(login, member, comment):
    client = login(member)
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/report/"

    first = client.post(path, {"reason": "spam"})
    second = client.post(path, {"reason": "other", "note": "Still spam"}, follow=True)

    report = CommentReport.objects.get()
    assert first.status_code == 302
    assert (report.reporter, report.reason, report.resolved_at) == (member, "spam", None)
    assert "You have already reported this comment." in second.content.decode()


def test_comment_report_by_two_people_is_kept_twice(login, member, city_coordinator, comment):
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/report/"

    login(member).post(path, {"reason": "spam"})
    login(city_coordinator).post(path, {"reason": "off_topic"})

    assert sorted(CommentReport.objects.values_list("reason", flat=True)) == ["off_topic", "spam"]


def test_comment_report_needs_a_reason(login, member, comment):
    response = login(member).post(
        f"/en/projects/{comment.project.slug}/comments/{comment.pk}/report/", {"reason": ""}
    )

    assert response.status_code == 302
    assert CommentReport.objects.count() == 0


# --- E-mails ----------------------------------------------------------------------------------


def test_comment_e_mails_the_author_and_contacts_but_not_the_commenter(
    login, member, author, public_project, django_capture_on_commit_callbacks
):
    colleague = make_user(email="marie.colleague@example.org", full_name="Marie Colleague")
    make_membership(user=colleague, city="saint-brieuc")
    public_project.contacts.set([author, colleague, member])

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(login(member), public_project, "How did you count the users?")

    comment = Comment.objects.get()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "lea.author@example.org",
        "marie.colleague@example.org",
    ]
    assert all(len(message.to) == 1 for message in mail.outbox)
    message = next(m for m in mail.outbox if m.to == ["lea.author@example.org"])
    assert message.subject == "[Alliance] New comment on “Place de la Grille experiment”"
    assert "Hello Léa Author," in message.body
    assert "Yann Member commented on the project “Place de la Grille experiment”" in message.body
    assert "How did you count the users?" in message.body
    assert (
        f"http://testserver/en/projects/{public_project.slug}/#comment-{comment.pk}" in message.body
    )


def test_comment_by_the_projects_author_e_mails_nobody_else(
    login, author, public_project, django_capture_on_commit_callbacks
):
    public_project.contacts.set([author])

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(login(author), public_project, "An update from us.")

    assert Comment.objects.count() == 1
    assert mail.outbox == []


def test_comment_e_mail_skips_inactive_people(
    login, member, author, public_project, django_capture_on_commit_callbacks
):
    author.is_active = False
    author.save()

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(login(member), public_project, "Hello?")

    assert mail.outbox == []


def test_comment_reply_e_mails_the_project_people_too(
    login, member, author, comment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(login(member), comment.project, "A reply.", parent=comment)

    assert [message.to for message in mail.outbox] == [["lea.author@example.org"]]


def test_comment_refused_sends_no_e_mail(
    login, outsider, public_project, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(login(outsider), public_project, "Let me in")

    assert response.status_code == 403
    assert mail.outbox == []


def test_comment_e_mail_is_in_the_recipients_language(
    login, member, author, public_project, django_capture_on_commit_callbacks
):
    author.preferred_language = "fr"
    author.save()

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(login(member), public_project, "Bonjour")

    assert f"/fr/projects/{public_project.slug}/#comment-" in mail.outbox[0].body
