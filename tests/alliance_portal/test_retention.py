"""Retention: what has outlived its period is erased by a daily task, safe to run twice."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from accounts.models import User
from alliance_portal import personal_data
from alliance_portal.retention import apply_retention
from alliance_portal.tasks import apply_retention as apply_retention_task
from cities.enums import ActivityKind, MembershipStatus
from cities.models import ActivityEntry, Membership
from cities.services import activity_record
from events.models import Registration
from funding.models import PartnerSheet
from funding.sheets import sheet_make
from notifications.enums import NotificationKind
from notifications.models import Notification
from tests.factories.accounts import make_user
from tests.factories.cities import make_membership
from tests.factories.events import make_event, make_registration
from tests.factories.sheets import make_sheet, sheet_call

pytestmark = pytest.mark.django_db

NOTHING = {
    "registration_needs": 0,
    "membership_requests": 0,
    "read_notifications": 0,
    "unconfirmed_accounts": 0,
    "exports": 0,
    "partner_sheets": 0,
    "activity_entries": 0,
}


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def run():
    with TestCase.captureOnCommitCallbacks(execute=True):
        return apply_retention()


def test_needs_are_erased_thirty_days_after_the_event_and_not_before():
    old = make_event(starts_at=days_ago(32), ends_at=days_ago(31))
    recent = make_event(starts_at=days_ago(29), ends_at=days_ago(28))
    gone = make_registration(event=old, needs="Sans gluten")
    kept = make_registration(event=recent, needs="Boucle magnétique")

    assert run()["registration_needs"] == 1
    assert run() == NOTHING

    assert Registration.objects.get(pk=gone.pk).needs == ""
    assert Registration.objects.get(pk=gone.pk).state == gone.state  # the registration stays
    assert Registration.objects.get(pk=kept.pk).needs == "Boucle magnétique"


def test_the_period_is_a_setting(settings):
    settings.RETENTION_REGISTRATION_NEEDS_DAYS = 60
    old = make_event(starts_at=days_ago(32), ends_at=days_ago(31))
    kept = make_registration(event=old, needs="Sans gluten")

    assert run()["registration_needs"] == 0
    assert Registration.objects.get(pk=kept.pk).needs == "Sans gluten"


def test_an_undecided_request_expires_after_ninety_days_and_the_person_is_told():
    person = make_user(full_name="Hugo Waiting", preferred_language="fr")
    old = make_membership(user=person, city="saint-brieuc", status=MembershipStatus.PENDING)
    Membership.objects.filter(pk=old.pk).update(created_at=days_ago(91))
    recent = make_membership(city="umea", status=MembershipStatus.PENDING)
    Membership.objects.filter(pk=recent.pk).update(created_at=days_ago(89))
    decided = make_membership(city="gothenburg")
    Membership.objects.filter(pk=decided.pk).update(created_at=days_ago(400))

    assert run()["membership_requests"] == 1
    assert run() == NOTHING

    assert not Membership.objects.filter(pk=old.pk).exists()
    assert Membership.objects.filter(pk__in=[recent.pk, decided.pk]).count() == 2
    [message] = mail.outbox
    assert message.to == [person.email]
    assert "Saint-Brieuc" in message.subject
    assert message.body.startswith("Bonjour Hugo Waiting")
    assert "90" in message.body
    assert "/fr/accounts/membership/" in message.body


def test_read_notifications_go_after_a_year_unread_ones_stay():
    person = make_user()
    old_read = Notification.objects.create(
        recipient=person,
        kind=NotificationKind.NEW_PROJECT,
        title="Old",
        path="/a/",
        read_at=days_ago(366),
    )
    old_unread = Notification.objects.create(
        recipient=person, kind=NotificationKind.NEW_PROJECT, title="Unread", path="/b/"
    )
    Notification.objects.filter(pk=old_unread.pk).update(created_at=days_ago(800))
    recent_read = Notification.objects.create(
        recipient=person,
        kind=NotificationKind.NEW_PROJECT,
        title="Recent",
        path="/c/",
        read_at=days_ago(30),
    )

    assert run()["read_notifications"] == 1
    assert run() == NOTHING
    assert set(Notification.objects.values_list("pk", flat=True)) == {
        old_unread.pk,
        recent_read.pk,
    }
    assert old_read.pk not in Notification.objects.values_list("pk", flat=True)


def test_unconfirmed_sign_ups_go_after_thirty_days():
    stale = make_user(verified=False)
    User.objects.filter(pk=stale.pk).update(date_joined=days_ago(31))
    fresh = make_user(verified=False)
    User.objects.filter(pk=fresh.pk).update(date_joined=days_ago(29))
    confirmed = make_user()
    User.objects.filter(pk=confirmed.pk).update(date_joined=days_ago(400))
    # Made by a command or by staff, with no address to confirm: not a sign-up.
    made = User.objects.create_user(email="made@example.org", password="x")
    User.objects.filter(pk=made.pk).update(date_joined=days_ago(400))

    assert run()["unconfirmed_accounts"] == 1
    assert run() == NOTHING
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[fresh.pk, confirmed.pk, made.pk]).count() == 3
    # An account deletion is recorded, without the person.
    assert ActivityEntry.objects.get(kind=ActivityKind.ACCOUNT_DELETED).target_label == ""


def test_exports_go_after_their_seven_days(member, settings):
    personal_data.export_save(member)
    [name] = personal_data.exports_of(member.pk)

    assert run()["exports"] == 0
    later = timezone.now() + datetime.timedelta(days=8)
    assert apply_retention(now=later)["exports"] == 1
    assert personal_data.exports_of(member.pk) == []
    assert apply_retention(now=later)["exports"] == 0


def test_the_activity_log_is_kept_five_years():
    activity_record(kind=ActivityKind.EVENT_PUBLISHED, actor=None, target_label="Old")
    later = timezone.now() + datetime.timedelta(days=5 * 365 + 1)
    assert apply_retention(now=later)["activity_entries"] == 1
    assert not ActivityEntry.objects.exists()


def test_the_task_and_the_command_run_the_same_steps(capsys):
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert apply_retention_task() == NOTHING
    call_command("apply_retention")
    assert "registration_needs: 0" in capsys.readouterr().out


def test_the_task_is_scheduled_daily(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["apply-retention"]
    assert schedule["task"] == "alliance_portal.tasks.apply_retention"
    assert schedule["schedule"].hour == {3}


def test_partner_sheets_go_with_their_files_after_seven_days(member):
    call = sheet_call()
    old = make_sheet(call=call, requested_by=member)
    sheet_make(old)
    kept = make_sheet(call=call, requested_by=member)
    sheet_make(kept)
    old.refresh_from_db()
    kept.refresh_from_db()
    files = [old.pdf.name, old.docx.name]
    storage = old.pdf.storage
    now = timezone.now()
    PartnerSheet.objects.filter(pk=old.pk).update(
        requested_at=now - datetime.timedelta(days=7, seconds=1)
    )
    PartnerSheet.objects.filter(pk=kept.pk).update(
        requested_at=now - datetime.timedelta(days=7) + datetime.timedelta(seconds=1)
    )

    assert apply_retention(now=now)["partner_sheets"] == 1
    assert apply_retention(now=now)["partner_sheets"] == 0

    assert list(PartnerSheet.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not any(storage.exists(name) for name in files)
    assert storage.exists(kept.pdf.name) and storage.exists(kept.docx.name)
