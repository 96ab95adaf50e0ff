"""Moderation of comments: the moderation page, its decisions with reasons from the list, the
e-mails to the author and to the moderators concerned, the review an author may ask for.

Network coordinators and staff moderate everything; a city coordinator the comments on their
city's projects (docs/architecture.md, "Who may do what").
"""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from accounts.enums import ReportEmails
from cities.enums import ActivityKind
from cities.models import ActivityEntry
from projects.enums import ModerationReason, ReportResolution
from projects.models import Comment, CommentReport
from projects.services import comment_hide, comment_report, comment_review_request
from projects.tasks import mail_report_filed, send_report_digests
from tests.budgets import warm_content_types
from tests.factories import make_comment, make_membership, make_project, make_user

pytestmark = pytest.mark.django_db

PAGE = "/en/moderation/"
ROLES = [
    "anonymous",
    "other_city_member",
    "member",
    "city_coordinator",
    "other_city_coordinator",
    "network_coordinator",
    "staff",
]
# Who moderates a comment on a Saint-Brieuc project.
MODERATES = {"city_coordinator", "network_coordinator", "staff"}
# Who sees the moderation page at all (Umeå's coordinator sees Umeå's comments only).
SEES_PAGE = {*MODERATES, "other_city_coordinator"}
TEXT = "Call me at 06 12 34 56 78, Léa is useless."


@pytest.fixture
def writer(db):
    """A La Rochelle planner who reads the portal's e-mails in French: the comment's author."""
    user = make_user(
        email="chloe.writer@example.org", full_name="Chloé Writer", preferred_language="fr"
    )
    make_membership(user=user, city="la-rochelle")
    return user


@pytest.fixture
def written(public_project, writer):
    """Chloé's comment on Saint-Brieuc's public project."""
    return make_comment(project=public_project, author=writer, body=TEXT)


@pytest.fixture
def reported(written, member):
    return report(written, member, ModerationReason.PERSONAL_DATA)


def report(comment, reporter, reason=ModerationReason.SPAM, note="") -> CommentReport:
    return CommentReport.objects.create(
        comment=comment, reporter=reporter, reason=reason, note=note, notified_at=timezone.now()
    )


def hide(comment, moderator, reason=ModerationReason.INSULT, note="") -> Comment:
    comment_hide(comment=comment, moderator=moderator, reason_kind=reason, note=note)
    comment.refresh_from_db()
    return comment


def decide(client, comment, action, reason="spam", note="", **extra):
    return client.post(
        f"/en/moderation/comments/{comment.pk}/",
        {"action": action, "reason": reason, "note": note, **extra},
    )


def messages_after(client, response) -> str:
    """The page the redirect leads to, with the messages the decision left."""
    return client.get(response["Location"]).content.decode()


def assert_login_redirect(response, path: str):
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


# --- The page, role by role -----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_moderation_page_by_role(login, user_for_role, reported, role):
    response = login(user_for_role(role)).get(PAGE)

    if role == "anonymous":
        assert_login_redirect(response, PAGE)
        return
    if role not in SEES_PAGE:
        assert response.status_code == 403
        return
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Moderation</h1>" in html
    if role in MODERATES:
        assert TEXT in html
        assert "Yann Member" in html  # the reporter
        assert "Personal data" in html  # and why
        assert f'action="/en/moderation/comments/{reported.comment.pk}/"' in html
    else:
        assert TEXT not in html
        assert "No report is waiting." in html


def test_moderation_page_shows_reports_reviews_and_hidden_comments(
    login, network_coordinator, staff, public_project, reported, writer, member
):
    asking = hide(make_comment(project=public_project, author=writer, body="Please"), staff)
    comment_review_request(comment=asking, author=writer, message="It was a joke.")
    hidden = hide(
        make_comment(project=public_project, author=member, body="Gone"),
        staff,
        ModerationReason.OTHER,
        "Duplicate of an earlier comment.",
    )

    html = login(network_coordinator).get(PAGE).content.decode()

    reports, reviews, hidden_at = (
        html.index(f'<h2 id="{section}-heading">') for section in ("reports", "reviews", "hidden")
    )
    assert reports < html.index(TEXT) < reviews < html.index("It was a joke.") < hidden_at
    assert hidden_at < html.index("Gone")
    assert "Duplicate of an earlier comment." in html
    assert "by Portal Admin" in html  # who hid it
    assert html.count('name="action" value="hide"') == 1  # the reported comment only
    assert html.count('name="action" value="restore"') == 2  # the review and the hidden one
    assert hidden.hidden_at is not None


def test_moderation_page_for_a_city_coordinator_shows_only_their_citys_comments(
    login, city_coordinator, reported, other_city_member
):
    gothenburg = make_project(city="gothenburg", author=other_city_member, title="Hisingen")
    elsewhere = make_comment(project=gothenburg, author=other_city_member, body="Far away")
    report(elsewhere, city_coordinator)

    html = login(city_coordinator).get(PAGE).content.decode()

    assert TEXT in html
    assert "Far away" not in html
    assert "Comments on the projects of the cities you coordinate: Saint-Brieuc." in html


# --- Decisions, role by role ----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_hide_from_the_moderation_page_by_role(login, user_for_role, reported, role):
    comment = reported.comment
    client = login(user_for_role(role))

    response = decide(client, comment, "hide", "personal_data", "Phone number")

    comment.refresh_from_db()
    reported.refresh_from_db()
    if role == "anonymous":
        assert_login_redirect(response, f"/en/moderation/comments/{comment.pk}/")
    elif role in MODERATES:
        assert response.status_code == 302
        assert (comment.hidden_by, comment.hidden_reason, comment.hidden_note) == (
            user_for_role(role),
            ModerationReason.PERSONAL_DATA,
            "Phone number",
        )
        assert (reported.resolution, reported.resolved_by) == (
            ReportResolution.HIDDEN,
            user_for_role(role),
        )
        assert "The comment is now hidden; its author was told why." in messages_after(
            client, response
        )
    elif role == "other_city_coordinator":
        assert response.status_code == 302
        assert "this comment is on a project of another city" in messages_after(client, response)
    else:
        assert response.status_code == 403
    if role not in MODERATES:
        assert (comment.hidden_at, reported.resolved_at) == (None, None)


@pytest.mark.parametrize("role", ROLES)
def test_restore_from_the_moderation_page_by_role(login, user_for_role, written, staff, role):
    hide(written, staff)
    client = login(user_for_role(role))

    response = decide(client, written, "restore", "other", "Reviewed: it is fair criticism.")

    written.refresh_from_db()
    if role in MODERATES:
        assert response.status_code == 302
        assert (written.hidden_at, written.hidden_reason, written.hidden_note) == (None, "", "")
        assert "The comment is shown again; its author was told." in messages_after(
            client, response
        )
    else:
        assert written.hidden_at is not None
        assert response.status_code == {"anonymous": 302, "other_city_coordinator": 302}.get(
            role, 403
        )


@pytest.mark.parametrize("role", ROLES)
def test_dismiss_from_the_moderation_page_by_role(login, user_for_role, reported, role):
    client = login(user_for_role(role))

    response = decide(client, reported.comment, "dismiss", "off_topic")

    reported.refresh_from_db()
    if role in MODERATES:
        assert (reported.resolution, reported.resolution_reason, reported.resolved_by) == (
            ReportResolution.DISMISSED,
            ModerationReason.OFF_TOPIC,
            user_for_role(role),
        )
        assert "1 report was dismissed; the comment stays as it is." in messages_after(
            client, response
        )
    else:
        assert reported.resolved_at is None
    reported.comment.refresh_from_db()
    assert reported.comment.hidden_at is None


def test_city_coordinator_hides_a_comment_on_their_citys_project_from_its_page(
    login, city_coordinator, written
):
    response = login(city_coordinator).post(
        f"/en/projects/{written.project.slug}/comments/{written.pk}/hide/",
        {"reason": "insult", "note": ""},
    )

    written.refresh_from_db()
    assert response.status_code == 302
    assert (written.hidden_by, written.hidden_reason) == (city_coordinator, "insult")


def test_city_coordinator_cannot_hide_a_comment_on_another_citys_project(
    login, city_coordinator, other_city_member, writer
):
    gothenburg = make_project(city="gothenburg", author=other_city_member, title="Hisingen")
    comment = make_comment(project=gothenburg, author=writer, body="Hej")
    client = login(city_coordinator)

    on_page = client.post(
        f"/en/projects/{gothenburg.slug}/comments/{comment.pk}/hide/", {"reason": "spam"}
    )
    from_moderation = decide(client, comment, "hide")

    comment.refresh_from_db()
    assert on_page.status_code == 403
    assert from_moderation.status_code == 302
    assert comment.hidden_at is None
    page = client.get(gothenburg.get_absolute_url()).content.decode()
    assert f"/comments/{comment.pk}/hide/" not in page


def test_hide_form_on_the_project_page_lists_the_reasons(login, city_coordinator, written):
    html = login(city_coordinator).get(written.project.get_absolute_url()).content.decode()

    assert f'<select id="hide-{written.pk}-reason" name="reason" required>' in html
    assert '<option value="personal_data">Personal data</option>' in html
    assert f'name="note" maxlength="500" aria-describedby="hide-{written.pk}-note-help"' in html


# --- Bad input changes nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "hide", "reason": "rude"}, "Choose a reason from the list."),
        ({"action": "hide", "reason": ""}, "Choose a reason from the list."),
        ({"action": "hide", "reason": "other", "note": "  "}, "Say in the note what the other"),
        ({"action": "delete", "reason": "spam"}, "Choose what to do with the comment."),
        ({"action": "restore", "reason": "spam"}, "This comment is not hidden."),
    ],
)
def test_moderation_refuses_bad_input_and_changes_nothing(
    login, network_coordinator, reported, data, message
):
    client = login(network_coordinator)

    response = client.post(f"/en/moderation/comments/{reported.comment.pk}/", data)

    assert response.status_code == 302
    assert message in messages_after(client, response)
    reported.refresh_from_db()
    reported.comment.refresh_from_db()
    assert (reported.comment.hidden_at, reported.resolved_at) == (None, None)
    assert ActivityEntry.objects.count() == 0
    assert mail.outbox == []


def test_hiding_a_hidden_comment_again_changes_nothing(login, staff, written):
    hide(written, staff, ModerationReason.SPAM)
    client = login(staff)

    response = decide(client, written, "hide", "insult")

    assert "This comment is already hidden." in messages_after(client, response)
    written.refresh_from_db()
    assert written.hidden_reason == ModerationReason.SPAM
    assert ActivityEntry.objects.filter(kind=ActivityKind.CONTENT_HIDDEN).count() == 1


def test_moderation_returns_to_the_page_it_came_from_only_on_this_site(login, staff, reported):
    client = login(staff)

    inside = decide(client, reported.comment, "dismiss", next="/en/moderation/?page=2")
    other = report(make_comment(project=reported.comment.project, author=staff), reported.reporter)
    outside = decide(client, other.comment, "dismiss", next="https://evil.example/")

    assert inside["Location"] == "/en/moderation/?page=2"
    assert outside["Location"] == "/en/moderation/"


# --- Reporting ------------------------------------------------------------------------------


def report_path(comment) -> str:
    return f"/en/projects/{comment.project.slug}/comments/{comment.pk}/report/"


def test_report_records_the_reason_and_the_text(login, member, written):
    response = login(member).post(
        report_path(written), {"reason": "other", "note": "Names a colleague."}
    )

    made = CommentReport.objects.get()
    assert response.status_code == 302
    assert (made.reporter, made.reason, made.note) == (member, "other", "Names a colleague.")


def test_report_of_ones_own_comment_is_refused(login, writer, written):
    page = login(writer).get(written.project.get_absolute_url()).content.decode()

    response = login(writer).post(report_path(written), {"reason": "spam"})

    assert response.status_code == 403
    assert CommentReport.objects.count() == 0
    assert report_path(written) not in page  # no report button for the author
    with pytest.raises(Exception, match="You cannot report your own comment."):
        comment_report(comment=written, reporter=writer, reason_kind="spam")


def test_report_twice_is_refused_with_a_message_and_no_new_row(login, member, written):
    client = login(member)
    client.post(report_path(written), {"reason": "spam"})

    second = client.post(report_path(written), {"reason": "insult"}, follow=True)

    assert second.status_code == 200
    assert "You have already reported this comment." in second.content.decode()
    assert list(CommentReport.objects.values_list("reason", flat=True)) == ["spam"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "rude"}, "Choose a reason from the list."),
        ({"reason": "other", "note": ""}, "Say in the note what the other reason is."),
    ],
)
def test_report_with_a_bad_reason_is_refused(login, member, written, data, message):
    client = login(member)

    response = client.post(report_path(written), data, follow=True)

    assert f"The comment was not reported: {message}" in response.content.decode()
    assert CommentReport.objects.count() == 0


def test_report_of_a_hidden_comment_is_refused(login, member, staff, written):
    hide(written, staff)

    response = login(member).post(report_path(written), {"reason": "spam"})

    assert response.status_code == 403
    assert CommentReport.objects.count() == 0


# --- E-mails --------------------------------------------------------------------------------


def test_author_is_told_in_their_language_with_the_reason_and_the_review_link(
    login, city_coordinator, written, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decide(login(city_coordinator), written, "hide", "personal_data", "Un numéro de téléphone")

    (message,) = emails_to("chloe.writer@example.org")
    with translation.override("fr"):
        label = str(ModerationReason.PERSONAL_DATA.label)
    assert f"{label}\n" in message.body
    assert "Un numéro de téléphone" in message.body
    assert TEXT in message.body
    review = f"http://testserver/fr/projects/{written.project.slug}/comments/{written.pk}/review/"
    assert review in message.body
    assert "Portail de l'Alliance" in message.body  # the signature, in French
    assert mail.outbox == [message]  # nobody else: a hiding concerns its author


def test_author_is_told_when_the_comment_is_shown_again(
    login, staff, written, django_capture_on_commit_callbacks
):
    hide(written, staff)

    with django_capture_on_commit_callbacks(execute=True):
        decide(login(staff), written, "restore", "other", "Relu : rien à redire.")

    (message,) = emails_to("chloe.writer@example.org")
    assert "Relu : rien à redire." in message.body
    assert f"http://testserver/fr/projects/{written.project.slug}/#comment-{written.pk}" in (
        message.body
    )


def test_author_is_not_told_of_a_dismissed_report(
    login, staff, reported, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decide(login(staff), reported.comment, "dismiss", "off_topic")

    assert mail.outbox == []


def test_new_report_mails_the_moderators_concerned_once(
    login,
    member,
    written,
    city_coordinator,
    other_city_coordinator,
    network_coordinator,
    staff,
    task_queue,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        login(member).post(report_path(written), {"reason": "personal_data"})
    made = CommentReport.objects.get()

    ran = task_queue.run_all()
    with django_capture_on_commit_callbacks(execute=True):
        again = mail_report_filed.apply(args=[made.pk]).get()  # a retried task
    ran += task_queue.run_all()

    assert ran == ["projects.tasks.mail_report_filed", *["core.tasks.deliver_email"] * 2]
    assert again == 0
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anne.coordinator@example.org",
        "claire.network@example.org",
    ]
    message = emails_to("anne.coordinator@example.org")[0]
    assert message.subject == "[Alliance] A comment was reported on “Place de la Grille experiment”"
    assert "Yann Member reported a comment by Chloé Writer" in message.body
    assert "Reason: Personal data" in message.body
    assert TEXT in message.body
    assert "http://testserver/en/moderation/" in message.body
    made.refresh_from_db()
    assert made.notified_at is not None


def test_moderators_who_chose_the_daily_e_mail_get_one_digest(
    member,
    other_city_member,
    written,
    city_coordinator,
    network_coordinator,
    django_capture_on_commit_callbacks,
):
    city_coordinator.report_emails = ReportEmails.DAILY
    city_coordinator.save(update_fields=["report_emails"])
    with django_capture_on_commit_callbacks(execute=True):
        comment_report(comment=written, reporter=member, reason_kind="spam")
    assert [message.to for message in mail.outbox] == [["claire.network@example.org"]]
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(minutes=5)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_report_digests(now=later)
        sent_again = send_report_digests(now=later + datetime.timedelta(hours=1))

    assert (sent, sent_again) == (1, 0)
    (digest,) = mail.outbox
    assert digest.to == ["anne.coordinator@example.org"]
    assert digest.subject == "[Alliance] 1 new report of a comment"
    assert "“Place de la Grille experiment” (Saint-Brieuc), a comment by Chloé Writer" in (
        digest.body
    )
    assert "Reason: Spam or advertising" in digest.body
    mail.outbox.clear()
    second = comment_report(comment=written, reporter=other_city_member, reason_kind="insult")
    second.created_at = later + datetime.timedelta(hours=2)
    second.save(update_fields=["created_at"])

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_report_digests(now=later + datetime.timedelta(days=1, minutes=1))

    assert sent == 1
    assert "Insult or personal attack" in mail.outbox[0].body
    assert "Spam or advertising" not in mail.outbox[0].body  # sent the day before


# --- Review ---------------------------------------------------------------------------------


def review_path(comment) -> str:
    return f"/en/projects/{comment.project.slug}/comments/{comment.pk}/review/"


@pytest.mark.parametrize("role", [*ROLES, "writer"])
def test_review_page_is_for_the_author_only(login, user_for_role, staff, written, role):
    hide(written, staff, ModerationReason.OTHER, "Out of place here.")

    response = login(user_for_role(role)).get(review_path(written))

    if role == "anonymous":
        assert_login_redirect(response, review_path(written))
    elif role == "writer":
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1>Your hidden comment</h1>" in html
        assert "Out of place here." in html
        assert 'name="message"' in html
    else:
        assert response.status_code == 403


def test_review_request_is_sent_once_to_the_moderators_concerned(
    login,
    writer,
    staff,
    written,
    city_coordinator,
    other_city_coordinator,
    network_coordinator,
    django_capture_on_commit_callbacks,
):
    hide(written, staff)
    client = login(writer)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(review_path(written), {"message": "I removed nothing personal."})
    second = client.post(review_path(written), {"message": "Again"}, follow=True)

    written.refresh_from_db()
    assert first.status_code == 302
    assert written.review_message == "I removed nothing personal."
    assert written.review_requested_at is not None
    assert "You have already asked for a review of this comment." in second.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anne.coordinator@example.org",
        "claire.network@example.org",
    ]
    assert "I removed nothing personal." in mail.outbox[0].body
    page = login(network_coordinator).get(PAGE).content.decode()
    assert "I removed nothing personal." in page


def test_review_request_of_a_shown_comment_is_refused(login, writer, written):
    client = login(writer)

    response = client.post(review_path(written), {"message": "Please"}, follow=True)

    assert "This comment is not hidden: there is nothing to review." in response.content.decode()
    written.refresh_from_db()
    assert written.review_requested_at is None


def test_review_declined_keeps_the_comment_hidden_and_tells_the_author(
    login, writer, staff, written, django_capture_on_commit_callbacks
):
    hide(written, staff)
    comment_review_request(comment=written, author=writer, message="Please")

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(login(staff), written, "dismiss", "insult", "Still insulting.")

    written.refresh_from_db()
    assert response.status_code == 302
    assert written.hidden_at is not None
    assert written.review_declined_at is not None
    (message,) = emails_to("chloe.writer@example.org")
    assert "Still insulting." in message.body
    html = login(writer).get(review_path(written)).content.decode()
    assert "kept it hidden" in html
    assert 'name="message"' not in html


# --- Activity log ---------------------------------------------------------------------------


def test_hide_restore_and_dismiss_are_kept_in_the_activity_log(login, staff, reported, member):
    client = login(staff)
    comment = reported.comment
    other = report(make_comment(project=comment.project, author=member, body="B"), staff)

    decide(client, comment, "hide", "personal_data", "Phone number")
    decide(client, comment, "restore", "other", "Number removed by the author")
    decide(client, other.comment, "dismiss", "off_topic")

    entries = list(ActivityEntry.objects.order_by("pk"))
    assert [(entry.kind, entry.reason) for entry in entries] == [
        (ActivityKind.CONTENT_HIDDEN, "Personal data – Phone number"),
        (ActivityKind.CONTENT_RESTORED, "Number removed by the author"),
        (ActivityKind.REPORT_DISMISSED, "Off topic"),
    ]
    assert {entry.city.slug for entry in entries} == {"saint-brieuc"}
    assert {entry.actor for entry in entries} == {staff}
    assert [entry.target_id for entry in entries] == [
        str(comment.pk),
        str(comment.pk),
        str(other.comment.pk),
    ]
    assert {entry.target_type for entry in entries} == {"projects.comment"}


# --- The profile ----------------------------------------------------------------------------


def test_profile_links_moderators_to_the_page_with_the_open_count(
    login, city_coordinator, member, reported
):
    coordinator = login(city_coordinator).get("/en/accounts/profile/").content.decode()
    plain = login(member).get("/en/accounts/profile/").content.decode()

    assert '<a href="/en/moderation/">Reported and hidden comments</a>:' in coordinator
    assert "1 open report" in coordinator
    assert 'name="report_emails"' in coordinator
    assert "/en/moderation/" not in plain
    assert 'name="report_emails"' not in plain


def test_profile_saves_the_daily_report_e_mail_for_a_moderator(login, city_coordinator):
    response = login(city_coordinator).post(
        "/en/accounts/profile/",
        {"full_name": "Anne Coordinator", "preferred_language": "en", "report_emails": "daily"},
    )

    city_coordinator.refresh_from_db()
    assert response.status_code == 302
    assert city_coordinator.report_emails == ReportEmails.DAILY


# --- Query counts ---------------------------------------------------------------------------


def bulk_reports(project, reporter, count: int) -> None:
    """``count`` comments, each reported once, in two queries."""
    authors = [project.author] * count
    comments = Comment.objects.bulk_create(
        Comment(project=project, author=author, body=f"Reported {n}", content_language="en")
        for n, author in enumerate(authors)
    )
    CommentReport.objects.bulk_create(
        CommentReport(comment=comment, reporter=reporter, reason=ModerationReason.SPAM)
        for comment in comments
    )


@pytest.mark.parametrize("count", [1, 500])
def test_moderation_page_query_count(
    login, network_coordinator, staff, public_project, member, django_assert_num_queries, count
):
    bulk_reports(public_project, member, count)
    hide(make_comment(project=public_project, author=member, body="Hidden"), staff)
    client = login(network_coordinator)
    warm_content_types()

    # measured: 8 — the session, its user, the Coordinators group, the open reports' count, the
    # page of reported comments, their newest reports, the review requests, the hidden comments.
    with django_assert_num_queries(8):
        response = client.get(PAGE)

    html = response.content.decode()
    assert html.count('name="action" value="hide"') == min(count, 20)
    assert f"Open reports</a> ({count})" in html


@pytest.mark.parametrize("count", [1, 500])
def test_moderation_page_query_count_for_a_city_coordinator(
    login, city_coordinator, public_project, member, django_assert_num_queries, count
):
    bulk_reports(public_project, member, count)
    client = login(city_coordinator)
    warm_content_types()

    # measured: 10 — the 8 of a network coordinator, their memberships and their cities' names.
    with django_assert_num_queries(10):
        response = client.get(PAGE)

    assert response.content.decode().count('name="action" value="dismiss"') == min(count, 20)


# --- The data migration -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_moves_free_text_reasons_into_notes_of_the_kind_other(public_project, writer):
    """Hidden comments and reports written before the list keep their words as the note."""
    before = [("projects", "0010_project_cover_thumbnail")]
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    try:
        OldComment = old.get_model("projects", "Comment")
        OldReport = old.get_model("projects", "CommentReport")
        now = timezone.now()
        hidden = OldComment.objects.create(
            project_id=public_project.pk,
            author_id=writer.pk,
            body="Buy our benches",
            content_language="en",
            hidden_at=now,
            hidden_by_id=writer.pk,
            hidden_reason="Advertising",
        )
        shown = OldComment.objects.create(
            project_id=public_project.pk, author_id=writer.pk, body="Fine", content_language="en"
        )
        OldReport.objects.create(
            comment_id=hidden.pk, reporter_id=writer.pk, reason="An advert", resolved_at=now
        )
        OldReport.objects.create(comment_id=shown.pk, reporter_id=writer.pk, reason="Rude?")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(latest)

    comment = Comment.objects.get(pk=hidden.pk)
    assert (comment.hidden_reason, comment.hidden_note) == ("other", "Advertising")
    assert Comment.objects.get(pk=shown.pk).hidden_reason == ""
    closed = CommentReport.objects.get(comment_id=hidden.pk)
    assert (closed.reason, closed.note, closed.resolution) == ("other", "An advert", "hidden")
    assert (closed.resolution_reason, closed.resolution_note) == ("other", "Advertising")
    assert closed.resolved_by == writer
    still_open = CommentReport.objects.get(comment_id=shown.pk)
    assert (still_open.reason, still_open.note, still_open.resolved_at) == ("other", "Rude?", None)
    assert still_open.notified_at is not None  # old reports are not e-mailed now
