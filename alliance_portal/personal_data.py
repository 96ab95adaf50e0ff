"""What the portal holds about a person: the one registry read by the export, the account
deletion and the privacy page.

Each ``Kind`` is a kind of data, with why it is kept, who sees it and for how long (shown on
the privacy page), and the ``Section``s it is read from: rows of one model that point at the
person by one field. The export writes one JSON file per kind from the sections; the deletion
removes the person, which the database turns into the rules below (rows that are only theirs
go with them, what they wrote for the network stays without a name). A test walks every field
that points at the user model and fails when it is in no section and not in ``NOT_EXPORTED``.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from cities.enums import ActivityKind
from cities.services import activity_record


def _period(setting: str) -> str:
    days = getattr(settings, setting)
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _for_days(setting: str):
    """A period ("30 days", "1 year") read from its setting when shown, in the reader's
    language."""
    return lazy(_period, str)(setting)


@dataclass(frozen=True)
class Section:
    """The rows of ``model`` whose ``field`` is the person, as the ``columns`` given."""

    name: str
    model: str
    field: str
    columns: tuple[str, ...]

    def rows(self, user: User) -> list[dict]:
        model = apps.get_model(self.model)
        person = user.pk if self.field == "pk" else user
        return list(
            model.objects.filter(**{self.field: person}).order_by("pk").values(*self.columns)
        )


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    contents: str
    purpose: str
    seen_by: str
    kept: str
    sections: tuple[Section, ...] = field(default=())


KINDS: tuple[Kind, ...] = (
    Kind(
        key="account",
        label=_("Your account and profile"),
        contents=_(
            "E-mail addresses, name, job title, organisation, languages spoken, themes of "
            "expertise, avatar, preferences, the second factors you enrolled (their kind and "
            "dates, not their secrets)."
        ),
        purpose=_("To sign you in, to present you to the network and to write to you."),
        seen_by=_(
            "You; approved members see your name and city beside what you write, and your "
            "profile in the member directory if you opt in; staff."
        ),
        kept=format_lazy(
            "{} {}",
            _("As long as you keep your account."),
            format_lazy(
                _("An account whose e-mail address was never confirmed is deleted after {}."),
                _for_days("RETENTION_UNCONFIRMED_ACCOUNT_DAYS"),
            ),
        ),
        sections=(
            Section(
                "profile",
                "accounts.User",
                "pk",
                (
                    "email",
                    "full_name",
                    "job_title",
                    "job_title_language",
                    "organisation",
                    "languages_spoken",
                    "avatar",
                    "in_directory",
                    "preferred_language",
                    "notification_frequency",
                    "date_joined",
                    "last_login",
                ),
            ),
            Section("themes_of_expertise", "accounts.User", "pk", ("expertise__slug",)),
            Section(
                "email_addresses", "account.EmailAddress", "user", ("email", "verified", "primary")
            ),
            Section(
                "second_factors",
                "mfa.Authenticator",
                "user",
                ("id", "type", "created_at", "last_used_at"),
            ),
        ),
    ),
    Kind(
        key="memberships",
        label=_("Memberships"),
        contents=_(
            "Your requests to join a city, your role, the coordinators' decisions, and the "
            "requests you decided as a coordinator."
        ),
        purpose=_("To know who speaks for which city, and who may read members-only content."),
        seen_by=_("You, your city's coordinators, the network coordinators and staff."),
        kept=format_lazy(
            _("As long as you keep your account; a request nobody decided expires after {}."),
            _for_days("RETENTION_PENDING_MEMBERSHIP_DAYS"),
        ),
        sections=(
            Section(
                "memberships",
                "cities.Membership",
                "user",
                ("id", "city__slug", "role", "status", "message", "created_at", "decided_at"),
            ),
            Section(
                "requests_you_decided",
                "cities.Membership",
                "decided_by",
                ("id", "city__slug", "status", "decided_at"),
            ),
        ),
    ),
    Kind(
        key="projects",
        label=_("Projects"),
        contents=_(
            "The projects you posted or are a contact for, their versions you saved, the "
            "documents you uploaded and the links you made between projects."
        ),
        purpose=_("To share your city's work with the network."),
        seen_by=_(
            "Everyone for public projects, approved members for members-only ones. A project "
            "belongs to its city: it stays when you leave, without your name."
        ),
        kept=_("As long as the city keeps the project."),
        sections=(
            Section(
                "projects_posted",
                "projects.Project",
                "author",
                ("id", "slug", "title", "city__slug", "created_at", "updated_at"),
            ),
            Section("projects_as_contact", "projects.Project", "contacts", ("id", "slug", "title")),
            Section(
                "projects_deleted", "projects.Project", "deleted_by", ("id", "slug", "deleted_at")
            ),
            Section(
                "versions_saved",
                "projects.ProjectRevision",
                "author",
                ("id", "project__slug", "number", "changed_fields", "created_at"),
            ),
            Section(
                "documents_uploaded",
                "projects.ProjectDocument",
                "uploaded_by",
                ("id", "project__slug", "title", "original_name", "file", "uploaded_at"),
            ),
            Section(
                "links_made",
                "projects.ProjectLink",
                "created_by",
                ("id", "from_project__slug", "to_project__slug", "note", "created_at"),
            ),
        ),
    ),
    Kind(
        key="methods",
        label=_("Methods and tools"),
        contents=_(
            "The methods and tools you wrote up, their versions you saved, the attachments you "
            "uploaded and the accounts you gave of how a project used a method."
        ),
        purpose=_("To share how your city works, so that others can do the same."),
        seen_by=_(
            "Everyone for public methods, approved members for members-only ones. A method "
            "belongs to the network: it stays when you leave, without your name."
        ),
        kept=_("As long as the network keeps the method."),
        sections=(
            Section(
                "methods_written",
                "methods.Method",
                "author",
                ("id", "slug", "title", "created_at", "updated_at"),
            ),
            Section(
                "method_versions_saved",
                "methods.MethodRevision",
                "author",
                ("id", "method__slug", "number", "changed_fields", "created_at"),
            ),
            Section(
                "method_attachments_uploaded",
                "methods.MethodDocument",
                "uploaded_by",
                ("id", "method__slug", "title", "original_name", "uploaded_at"),
            ),
            Section(
                "method_uses_recorded",
                "projects.ProjectMethod",
                "added_by",
                ("id", "project__slug", "method__slug", "account", "created_at"),
            ),
        ),
    ),
    Kind(
        key="funding",
        label=_("Funding calls and partner searches"),
        contents=_(
            "The funding calls you recorded, your city's interest in calls that you set, the "
            "partner searches you posted and answered, and the partner sheets you asked for."
        ),
        purpose=_("To prepare joint applications to European and national programmes."),
        seen_by=_(
            "Everyone for the calls; approved members for interest, partner searches and their "
            "answers; partner sheets only you and your city's members."
        ),
        kept=format_lazy(
            _(
                "Calls, interest and searches as long as the network keeps them, without your "
                "name once you leave; partner sheets for {}."
            ),
            _for_days("RETENTION_PARTNER_SHEET_DAYS"),
        ),
        sections=(
            Section("calls_recorded", "funding.FundingCall", "created_by", ("id", "slug", "title")),
            Section(
                "interest_set",
                "funding.CallInterest",
                "updated_by",
                ("id", "call__slug", "city__slug", "level", "note", "updated_at"),
            ),
            Section(
                "partner_searches",
                "funding.PartnerSearch",
                "author",
                ("id", "call__slug", "project__slug", "title", "roles_sought", "closes_on"),
            ),
            Section(
                "partner_search_answers",
                "funding.PartnerReply",
                "author",
                ("id", "search_id", "city__slug", "role", "message", "created_at"),
            ),
            Section(
                "partner_sheets",
                "funding.PartnerSheet",
                "requested_by",
                ("id", "call__slug", "city__slug", "language", "requested_at"),
            ),
        ),
    ),
    Kind(
        key="comments",
        label=_("Comments and reports"),
        contents=_(
            "Your comments on projects, the comments you reported and why, and, as a "
            "moderator, the comments you hid."
        ),
        purpose=_("To discuss projects across the network, and to keep it civil."),
        seen_by=_(
            "Approved members read comments; moderators read reports. The reporter's name "
            "is shown to moderators only."
        ),
        kept=_(
            "As long as the project; when you delete your account you choose whether your "
            "comments stay without your name or are removed."
        ),
        sections=(
            Section(
                "comments",
                "projects.Comment",
                "author",
                ("id", "project__slug", "body", "created_at", "edited_at", "deleted_at"),
            ),
            Section(
                "comments_hidden_by_you",
                "projects.Comment",
                "hidden_by",
                ("id", "project__slug", "hidden_at"),
            ),
            Section(
                "reports",
                "projects.CommentReport",
                "reporter",
                ("id", "comment_id", "reason", "note", "created_at"),
            ),
            Section(
                "reports_you_resolved",
                "projects.CommentReport",
                "resolved_by",
                ("id", "comment_id", "resolved_at"),
            ),
        ),
    ),
    Kind(
        key="questions",
        label=_("Questions and answers"),
        contents=_(
            "The questions you asked, the answers you gave and the answers you marked useful."
        ),
        purpose=_("To learn from the other cities."),
        seen_by=_("Everyone for public questions, approved members for members-only ones."),
        kept=_(
            "As long as the question; when you delete your account you choose whether your "
            "answers stay without your name or are removed."
        ),
        sections=(
            Section(
                "questions",
                "questions.Question",
                "author",
                ("id", "slug", "title", "context", "created_at"),
            ),
            Section(
                "answers",
                "questions.Answer",
                "author",
                ("id", "question__slug", "body", "created_at", "edited_at"),
            ),
            Section(
                "useful_marks", "questions.UsefulMark", "user", ("id", "answer_id", "created_at")
            ),
        ),
    ),
    Kind(
        key="events",
        label=_("Events and registrations"),
        contents=_(
            "Your registrations, with the dietary and access needs you gave, the events you "
            "created, organise or speak at, and your personal calendar feed."
        ),
        purpose=_("To organise webinars and the annual seminar, and to welcome you well."),
        seen_by=_(
            "The organisers see registrations and needs; approved members see the list of "
            "participants who agreed to be listed."
        ),
        kept=format_lazy(
            _("Your needs are erased {} after the event; the registration stays with the event."),
            _for_days("RETENTION_REGISTRATION_NEEDS_DAYS"),
        ),
        sections=(
            Section(
                "registrations",
                "events.Registration",
                "user",
                ("id", "event__slug", "state", "needs", "listed", "created_at"),
            ),
            Section("events_created", "events.Event", "created_by", ("id", "slug", "title")),
            Section("events_organised", "events.Event", "organisers", ("id", "slug", "title")),
            Section(
                "agenda_items_as_speaker",
                "events.AgendaItem",
                "speakers",
                ("id", "event__slug", "title", "starts_at"),
            ),
            Section("calendar_feed", "events.CalendarFeedToken", "user", ("id", "created_at")),
        ),
    ),
    Kind(
        key="notifications",
        label=_("Follows and notifications"),
        contents=_("What you follow and the notifications the portal sent you."),
        purpose=_("To tell you what changed in what you follow."),
        seen_by=_("You."),
        kept=format_lazy(
            _("Read notifications are deleted after {}."),
            _for_days("RETENTION_READ_NOTIFICATIONS_DAYS"),
        ),
        sections=(
            Section(
                "follows",
                "notifications.Follow",
                "user",
                ("id", "content_type__model", "object_id", "created_at"),
            ),
            Section(
                "notifications",
                "notifications.Notification",
                "recipient",
                ("id", "kind", "title", "path", "created_at", "read_at", "emailed_at"),
            ),
        ),
    ),
    Kind(
        key="translations",
        label=_("Translations and glossary"),
        contents=_(
            "The translations you wrote, reviewed or asked for, and the glossary entries you "
            "proposed or decided."
        ),
        purpose=_("To let every member read the network in their language."),
        seen_by=_("Who can read the translated text; the glossary is public once approved."),
        kept=_("As long as the text they translate."),
        sections=(
            Section(
                "translations_written",
                "languages.Translation",
                "translated_by",
                ("id", "content_type__model", "object_id", "field", "language", "text"),
            ),
            Section(
                "translations_reviewed",
                "languages.Translation",
                "reviewed_by",
                ("id", "language", "reviewed_at"),
            ),
            Section(
                "translation_versions_written",
                "languages.TranslationRevision",
                "translated_by",
                ("id", "translation_id", "text"),
            ),
            Section(
                "translation_versions_reviewed",
                "languages.TranslationRevision",
                "reviewed_by",
                ("id", "translation_id"),
            ),
            Section(
                "translation_versions_saved",
                "languages.TranslationRevision",
                "saved_by",
                ("id", "translation_id", "saved_at"),
            ),
            Section(
                "machine_translations_asked",
                "languages.TranslationRequest",
                "requested_by",
                ("id", "content_type__model", "object_id", "language", "requested_at"),
            ),
            Section(
                "glossary_proposed",
                "languages.GlossaryEntry",
                "proposed_by",
                ("id", "slug", "state", "proposed_at"),
            ),
            Section(
                "glossary_decided",
                "languages.GlossaryEntry",
                "decided_by",
                ("id", "slug", "state", "decided_at"),
            ),
        ),
    ),
    Kind(
        key="activity",
        label=_("Activity log"),
        contents=_(
            "The privileged and moderation actions you took: membership decisions, event "
            "publication, hiding content, edits in the administration, your data exports."
        ),
        purpose=_("Accountability: who did what, when and why."),
        seen_by=_("The network coordinators and staff; a city's coordinators for their city."),
        kept=format_lazy(
            _("{}, with your name, even after you delete your account."),
            _for_days("RETENTION_ACTIVITY_LOG_DAYS"),
        ),
        sections=(
            Section(
                "activity_log",
                "cities.ActivityEntry",
                "actor",
                ("id", "created_at", "kind", "city__slug", "target_label", "reason"),
            ),
            Section(
                "administration_log",
                "admin.LogEntry",
                "user",
                ("id", "action_time", "content_type__model", "object_repr", "change_message"),
            ),
        ),
    ),
)

# Fields that point at a person but are not theirs to take away: only the deletion covers them.
NOT_EXPORTED = {
    # Other people's notifications about something the person did: on deletion, the actor is
    # forgotten ("a former member").
    "notifications.Notification.actor": _("others' notifications name you as the one who acted"),
}


def covered_fields() -> set[str]:
    """Every "app_label.Model.field" the registry reads."""
    return {
        f"{apps.get_model(section.model)._meta.label}.{section.field}"
        for kind in KINDS
        for section in kind.sections
    }


# --- Export ---------------------------------------------------------------------------------

EXPORT_PREFIX = "exports/"


def export_storage():
    """Exports are personal: kept where members-only files are, read only through a view."""
    return storages["private"]


def build_export(user: User) -> bytes:
    """The ZIP of everything about ``user``: a JSON file per kind, their avatar and the
    documents they uploaded (under files/), and a README saying what each file holds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        readme = [str(_("Everything the Alliance Portal holds about you.")), ""]
        for kind in KINDS:
            data = {section.name: section.rows(user) for section in kind.sections}
            archive.writestr(
                f"{kind.key}.json",
                json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            readme.append(f"{kind.key}.json — {kind.label}: {kind.contents}")
        if user.avatar:
            avatar_name = user.avatar.name.rsplit("/", 1)[-1]
            with default_storage.open(user.avatar.name) as avatar:
                archive.writestr(f"files/avatar/{avatar_name}", avatar.read())
        document_model = apps.get_model("projects.ProjectDocument")
        for document in document_model.objects.filter(uploaded_by=user).order_by("pk"):
            try:
                with document.file.open("rb") as handle:
                    content = handle.read()
            except (FileNotFoundError, OSError):
                continue  # a file lost from storage is listed in projects.json all the same
            archive.writestr(f"files/documents/{document.pk}-{document.original_name}", content)
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    return buffer.getvalue()


def export_save(user: User) -> str:
    """Build and keep ``user``'s export; its storage name (which the link signs)."""
    content = build_export(user)
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    name = f"{EXPORT_PREFIX}{user.pk}/alliance-portal-{stamp}.zip"
    name = export_storage().save(name, ContentFile(content))
    with transaction.atomic():
        activity_record(kind=ActivityKind.DATA_EXPORTED, actor=user, target_label="")
    return name


def exports_of(user_pk: int) -> list[str]:
    storage = export_storage()
    try:
        _dirs, files = storage.listdir(f"{EXPORT_PREFIX}{user_pk}")
    except (FileNotFoundError, OSError):
        return []
    return [f"{EXPORT_PREFIX}{user_pk}/{name}" for name in files]


# --- Deletion -------------------------------------------------------------------------------

# What stays in place of a text its author removed with their account (the pages say so in the
# reader's language: a removed comment shows as deleted, a removed answer as removed).
REMOVED_TEXT = "—"


def account_delete(*, user: User, erase_writing: bool = False) -> None:
    """Delete ``user`` and what is only theirs; keep what they wrote for the network without
    their name ("a former member"), or, with ``erase_writing``, remove the text of their
    comments and answers as well. Their projects stay with their city.

    One transaction: the database deletes their account, e-mail addresses, second factors,
    memberships, follows, notifications, registrations (with needs), reports, useful marks and
    calendar feed, and forgets them as author, contact, organiser, speaker, translator or
    decider (the model's ``on_delete`` rules). Files go once it commits.
    """
    comment_model = apps.get_model("projects.Comment")
    answer_model = apps.get_model("questions.Answer")
    now = timezone.now()
    files = [user.avatar.name] if user.avatar else []
    exports = exports_of(user.pk)
    with transaction.atomic():
        if erase_writing:
            for model, marker in ((comment_model, "deleted_at"), (answer_model, "removed_at")):
                written = model.objects.filter(author=user)
                for item in written:
                    item.translations.all().delete()
                written.update(body=REMOVED_TEXT, **{marker: now})
        user.delete()
        # Who was deleted is not recorded: only that an account was.
        activity_record(kind=ActivityKind.ACCOUNT_DELETED, actor=None, target_label="")

        def delete_files():
            for name in files:
                default_storage.delete(name)
            for name in exports:
                export_storage().delete(name)

        transaction.on_commit(delete_files)
