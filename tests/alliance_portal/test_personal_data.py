"""A person's own data: the registry, the export, the account deletion, the privacy page."""

import io
import json
import os
import re
import time
import zipfile
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone

from accounts.models import User
from alliance_portal import personal_data
from alliance_portal.tasks import export_token
from cities.enums import ActivityKind, MembershipRole
from cities.models import ActivityEntry
from cities.services import activity_record
from events.models import CalendarFeedToken, Registration
from funding.models import (
    CallDeadline,
    CallInterest,
    FundingCall,
    PartnerReply,
    PartnerSearch,
    PartnerSheet,
)
from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRequest, TranslationRevision
from methods.models import Method, MethodDocument, MethodRevision
from notifications.enums import NotificationKind
from notifications.models import Follow, Notification
from projects.enums import ModerationReason, ReportResolution
from projects.models import (
    Comment,
    CommentReport,
    Project,
    ProjectDocument,
    ProjectLink,
    ProjectMethod,
)
from questions.models import Answer
from tests.factories.accounts import PASSWORD, make_user
from tests.factories.cities import make_membership
from tests.factories.events import make_agenda_item, make_event, make_registration
from tests.factories.glossary import make_entry
from tests.factories.projects import make_comment, make_project
from tests.factories.questions import make_answer, make_question, make_useful_mark

pytestmark = pytest.mark.django_db

ROLES = [
    "other_city_member",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
]


def fields_pointing_at_the_user() -> set[str]:
    """Every concrete foreign key, one-to-one or many-to-many field that points at a person."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.related_model is not user_model:
                continue
            if field.concrete or (field.many_to_many and not field.auto_created):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_that_points_at_a_person_is_exported_or_erased():
    covered = personal_data.covered_fields() | set(personal_data.NOT_EXPORTED)
    missing = fields_pointing_at_the_user() - covered
    assert not missing, f"Add these to alliance_portal/personal_data.py: {sorted(missing)}"


def test_the_registry_reads_no_field_that_does_not_exist():
    """A section that names a field the model has lost would break the export."""
    real = fields_pointing_at_the_user() | {"accounts.User.pk"}
    assert personal_data.covered_fields() <= real


@pytest.fixture
def rich_person(db, network_coordinator):
    """Someone with a row behind every field the registry reads."""
    person = make_user(email="lea.full@example.org", full_name="Léa Full", job_title="Urbaniste")
    person.avatar.save("lea.png", ContentFile(b"\x89PNG avatar bytes"), save=True)
    make_membership(user=person, city="saint-brieuc", role=MembershipRole.PLANNER)
    decided = make_membership(city="saint-brieuc", decided_by=person)
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "x"})
    project = make_project(author=person, contacts=(person,), title="Place de la Grille")
    other = make_project(city="gothenburg", title="Frihamnen")
    Project.objects.filter(pk=other.pk).update(deleted_by=person)
    ProjectLink.objects.create(from_project=project, to_project=other, created_by=person)
    ProjectDocument.objects.create(
        project=project,
        file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"),
        title="Plan",
        original_name="plan.pdf",
        content_type="application/pdf",
        size=13,
        uploaded_by=person,
    )
    comment = make_comment(project=other, author=person, body="Très inspirant pour nous.")
    their_comment = make_comment(project=project, author=network_coordinator)
    Comment.objects.filter(pk=their_comment.pk).update(hidden_by=person)
    CommentReport.objects.create(
        comment=their_comment, reporter=person, reason=ModerationReason.OFF_TOPIC
    )
    CommentReport.objects.create(
        comment=comment,
        reporter=network_coordinator,
        reason=ModerationReason.SPAM,
        resolved_at=timezone.now(),
        resolved_by=person,
        resolution=ReportResolution.DISMISSED,
        resolution_reason=ModerationReason.OFF_TOPIC,
    )
    question = make_question(author=person)
    peer_question = make_question(city="gothenburg")
    answer = make_answer(question=peer_question, author=person, city="saint-brieuc", body="Oui.")
    make_useful_mark(answer=make_answer(question=question), user=person)
    event = make_event(created_by=person, organisers=(person,))
    make_registration(event=event, user=person, needs="Végétarien, fauteuil roulant")
    make_agenda_item(event=event, speakers=(person,))
    CalendarFeedToken.objects.create(user=person)
    Follow.objects.create(
        user=person, content_type=ContentType.objects.get_for_model(Project), object_id=other.pk
    )
    Notification.objects.create(
        recipient=person, kind=NotificationKind.NEW_COMMENT, title="Nouveau", path="/x/"
    )
    Notification.objects.create(
        recipient=network_coordinator,
        actor=person,
        kind=NotificationKind.NEW_COMMENT,
        title="Lu",
        path="/y/",
    )
    translation = Translation.objects.create(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        field="body",
        language="sv",
        source_language="fr",
        text="Mycket inspirerande.",
        origin=TranslationOrigin.HUMAN,
        translated_by=person,
        reviewed_by=person,
        reviewed_at=timezone.now(),
    )
    TranslationRevision.objects.create(
        translation=translation,
        text="Mycket inspirerande.",
        origin=TranslationOrigin.HUMAN,
        translated_by=person,
        reviewed_by=person,
        saved_by=person,
        source_digest="0" * 64,
    )
    TranslationRequest.objects.create(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        language="en",
        requested_by=person,
    )
    make_entry(proposed_by=person, decided_by=person)
    method = Method.objects.create(
        title="Marche sensible",
        slug="marche-sensible",
        purpose="Voir la ville autrement.",
        content_language="fr",
        author=person,
    )
    MethodRevision.objects.create(method=method, number=1, author=person, snapshot={})
    MethodDocument.objects.create(
        method=method,
        file="methods/x.pdf",
        title="Trame",
        original_name="trame.pdf",
        content_type="application/pdf",
        size=10,
        uploaded_by=person,
    )
    ProjectMethod.objects.create(project=project, method=method, account="Bien.", added_by=person)
    call = FundingCall.objects.create(
        programme="urbact",
        identifier="EX-1",
        title="Appel",
        slug="appel",
        summary="Résumé",
        opens_on=timezone.localdate(),
        official_url="https://urbact.eu/",
        content_language="fr",
        created_by=person,
    )
    CallDeadline.objects.create(call=call, at=timezone.now())
    CallInterest.objects.create(call=call, city=project.city, level="lead", updated_by=person)
    search = PartnerSearch.objects.create(
        call=call,
        city=other.city,
        author=person,
        title="Partenaires",
        roles_sought="Ville",
        content_language="fr",
        closes_on=timezone.localdate(),
    )
    PartnerReply.objects.create(search=search, city=project.city, author=person, role="Partenaire")
    PartnerSheet.objects.create(call=call, city=project.city, language="fr", requested_by=person)
    activity_record(kind=ActivityKind.MEMBERSHIP_APPROVED, actor=person, target=decided)
    LogEntry.objects.log_actions(
        user_id=person.pk, queryset=Project.objects.filter(pk=project.pk), action_flag=ADDITION
    )
    return {"person": person, "comment": comment, "answer": answer, "project": project}


def unzip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_export_holds_a_file_per_kind_with_every_row_and_the_uploaded_files(rich_person):
    person = rich_person["person"]
    files = unzip(personal_data.build_export(person))

    assert {f"{kind.key}.json" for kind in personal_data.KINDS} <= set(files)
    assert "README.txt" in files
    assert files["files/avatar/" + person.avatar.name.rsplit("/", 1)[-1]] == b"\x89PNG avatar bytes"
    document = ProjectDocument.objects.get(uploaded_by=person)
    assert files[f"files/documents/{document.pk}-plan.pdf"] == b"%PDF-1.4 plan"
    for kind in personal_data.KINDS:
        data = json.loads(files[f"{kind.key}.json"])
        for section in kind.sections:
            model = apps.get_model(section.model)
            lookup = {"pk": person.pk} if section.field == "pk" else {section.field: person}
            expected = model.objects.filter(**lookup).count()
            assert expected > 0, f"the fixture has no {section.model}.{section.field}"
            assert len(data[section.name]) == expected, section.name
    account = json.loads(files["account.json"])
    assert account["profile"][0]["full_name"] == "Léa Full"
    assert "secret" not in files["account.json"].decode()
    events = json.loads(files["events.json"])
    assert events["registrations"][0]["needs"] == "Végétarien, fauteuil roulant"


def test_every_kind_on_the_privacy_page_is_a_file_of_the_export(anonymous_client, settings):
    settings.RETENTION_REGISTRATION_NEEDS_DAYS = 45
    page = anonymous_client.get("/en/privacy/").content.decode()
    for kind in personal_data.KINDS:
        assert str(kind.label) in page
        assert str(kind.purpose).replace("'", "&#x27;") in page
    assert "Your needs are erased 45 days after the event" in page
    assert "Read notifications are deleted after 1 year." in page
    assert "5 years, with your name" in page
    for language in ("fr", "sv"):
        assert anonymous_client.get(f"/{language}/privacy/").status_code == 200


# --- Asking for the export and downloading it ---------------------------------------------


def ask_for_export(client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/en/accounts/data/")


def link_in(message) -> str:
    return re.search(r"http://testserver(/en/accounts/data/[^/\s]+/)", message.body).group(1)


@pytest.mark.parametrize("role", ROLES)
def test_anyone_signed_in_gets_their_own_export_by_email(role, user_for_role, login):
    user = user_for_role(role)
    client = login(user)
    response = ask_for_export(client)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    [message] = mail.outbox
    assert message.to == [user.email]
    assert "7 days" in message.body
    download = client.get(link_in(message))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert "attachment" in download["Content-Disposition"]
    files = unzip(b"".join(download.streaming_content))
    assert json.loads(files["account.json"])["profile"][0]["email"] == user.email
    entry = ActivityEntry.objects.get(kind=ActivityKind.DATA_EXPORTED)
    assert entry.actor == user


def test_a_visitor_is_sent_to_sign_in(anonymous_client, member):
    response = anonymous_client.post("/en/accounts/data/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    token = export_token(member, f"exports/{member.pk}/x.zip")
    response = anonymous_client.get(f"/en/accounts/data/{token}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_someone_elses_export_is_refused(member_client, other_city_member, login):
    ask_for_export(login(other_city_member))
    link = link_in(mail.outbox[0])

    response = member_client.get(link)

    assert response.status_code == 403
    assert "can be downloaded only by the person it is about" in response.content.decode()


def test_a_tampered_link_is_not_found(member_client, member):
    ask_for_export(member_client)
    link = link_in(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[-1]
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    assert member_client.get(f"/en/accounts/data/{tampered}/").status_code == 404
    # A signature made for another file of the same person does not open it either.
    forged = export_token(member, "exports/other/secret.zip")
    assert member_client.get(f"/en/accounts/data/{forged}/").status_code == 410


def test_an_expired_link_says_so(member_client, settings):
    ask_for_export(member_client)
    link = link_in(mail.outbox[0])
    eight_days_later = time.time() + 8 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=eight_days_later):
        response = member_client.get(link)

    assert response.status_code == 410
    assert "This download link has expired" in response.content.decode()


def test_asking_twice_in_ten_minutes_builds_one_export(member_client):
    ask_for_export(member_client)
    response = ask_for_export(member_client)

    assert len(mail.outbox) == 1
    assert "already being prepared" in member_client.get(response["Location"]).content.decode()


def test_only_a_post_asks_for_an_export(member_client):
    assert member_client.get("/en/accounts/data/").status_code == 405
    assert not mail.outbox


# --- Deleting the account -------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_everyone_signed_in_may_open_the_deletion_page(
    role, user_for_role, login, django_assert_num_queries
):
    client = login(user_for_role(role))
    with django_assert_num_queries(2):  # the session and the person
        response = client.get("/en/accounts/delete/")
    assert response.status_code == 200
    assert 'autocomplete="current-password"' in response.content.decode()


def test_the_wrong_password_deletes_nothing(member_client, member):
    response = member_client.post("/en/accounts/delete/", {"password": "not it"})

    assert response.status_code == 200
    assert "This is not your password" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert not mail.outbox


def delete_account(client, **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/en/accounts/delete/", {"password": PASSWORD, **data})


def nothing_points_at(pk: int) -> list[str]:
    """Every field pointing at a person that still holds ``pk``."""
    left = []
    for label in fields_pointing_at_the_user():
        app_model, field = label.rsplit(".", 1)
        model = apps.get_model(app_model)
        if model.objects.filter(**{f"{field}__pk": pk}).exists():
            left.append(label)
    return left


def test_deleting_keeps_what_was_written_for_the_network_without_a_name(rich_person, login):
    person = rich_person["person"]
    pk, avatar = person.pk, person.avatar.path
    client = login(person)
    ask_for_export(client)
    mail.outbox.clear()

    response = delete_account(client)

    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    assert nothing_points_at(pk) == []
    assert not EmailAddress.objects.filter(email="lea.full@example.org").exists()
    assert not Registration.objects.filter(needs__contains="fauteuil").exists()
    comment = Comment.objects.get(pk=rich_person["comment"].pk)
    assert comment.author is None and comment.body == "Très inspirant pour nous."
    answer = Answer.objects.get(pk=rich_person["answer"].pk)
    assert answer.author is None and answer.removed_at is None
    project = Project.objects.get(pk=rich_person["project"].pk)
    assert project.author is None and project.city.slug == "saint-brieuc"
    assert not personal_data.exports_of(pk)
    assert not os.path.exists(avatar)
    [farewell] = mail.outbox
    assert farewell.to == ["lea.full@example.org"]
    assert "has been deleted" in farewell.body
    deletion = ActivityEntry.objects.get(kind=ActivityKind.ACCOUNT_DELETED)
    assert deletion.actor is None and deletion.actor_name == "" and deletion.target_label == ""
    assert "Léa" not in str(deletion)
    # Signed out: the next page is a visitor's.
    assert client.get("/en/accounts/profile/").status_code == 302


def test_deleting_can_remove_the_comments_and_answers_too(rich_person, login):
    person = rich_person["person"]
    delete_account(login(person), erase_writing="on")

    comment = Comment.objects.get(pk=rich_person["comment"].pk)
    assert comment.deleted_at is not None
    assert comment.body == personal_data.REMOVED_TEXT
    assert not comment.translations.exists()
    answer = Answer.objects.get(pk=rich_person["answer"].pk)
    assert answer.removed_at is not None and answer.body == personal_data.REMOVED_TEXT
    page = login(make_user()).get(answer.question.get_absolute_url())
    assert "This answer was removed by its author." in page.content.decode()
    assert Project.objects.filter(pk=rich_person["project"].pk).exists()


def test_the_deletion_page_tells_what_goes_and_what_stays_in_each_language(member_client):
    for language, words in (
        ("en", "a former member"),
        ("fr", "Supprimer mon compte"),
        ("sv", "Radera mitt konto"),
    ):
        assert words in member_client.get(f"/{language}/accounts/delete/").content.decode()
