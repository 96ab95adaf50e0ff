from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CoverPictureMixin

from .enums import ModerationReason
from .forms import ProjectImageForm, document_changes, picture_changes
from .models import Comment, CommentReport, Project, ProjectDocument, ProjectImage, ProjectLink
from .services import (
    comment_hide,
    comment_unhide,
    project_delete,
    project_save,
    project_undelete,
    report_dismiss,
)


class ProjectImageInline(admin.TabularInline):
    model = ProjectImage
    form = ProjectImageForm  # the portal's checks: a real picture, of a sane size
    extra = 0
    fields = ["image", "alt_text", "caption", "position"]


class ProjectDocumentInline(admin.TabularInline):
    """Documents are uploaded on the portal, where their type is judged from their bytes."""

    model = ProjectDocument
    extra = 0
    fields = ["title", "original_name", "content_type", "size"]
    readonly_fields = ["original_name", "content_type", "size"]

    def has_add_permission(self, request, obj=None):
        return False


class ProjectAdminForm(CoverPictureMixin, forms.ModelForm):
    """The portal's checks of the cover picture."""


class DeletedFilter(admin.SimpleListFilter):
    title = _("deleted")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("yes", _("Deleted")), ("no", _("Not deleted"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        return queryset


@admin.action(description=_("Restore the selected deleted projects"))
def restore_projects(modeladmin, request, queryset):
    for project in queryset.filter(deleted_at__isnull=False):
        project_undelete(project=project, actor=request.user)


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "status", "visibility", "created_at", "deleted_at"]
    list_filter = [DeletedFilter, "status", "visibility", "city__country", "city", "themes"]
    search_fields = ["title", "summary", "lead_organisation"]
    list_select_related = ["city"]
    raw_id_fields = ["contacts"]
    # Who wrote it stays credited; deletion is soft and undone with the action.
    readonly_fields = ["slug", "author", "created_at", "updated_at", "deleted_at", "deleted_by"]
    filter_horizontal = ["themes", "sdgs"]
    inlines = [ProjectImageInline, ProjectDocumentInline]
    actions = [restore_projects]
    form = ProjectAdminForm

    def save_model(self, request, obj, form, change):
        """Saved with its relations and gallery in ``save_related``, through the service."""

    def save_related(self, request, form, formsets, change):
        """Through ``project_save``, like the portal's form: the search data is refreshed and
        the edit is kept as a revision."""
        pictures, documents = [], []
        for formset in formsets:
            if formset.model is ProjectImage:
                pictures += picture_changes(formset)
            elif formset.model is ProjectDocument:
                documents += document_changes(formset)
        data = form.cleaned_data
        try:
            project_save(
                project=form.instance,
                user=request.user,
                themes=data["themes"],
                sdgs=data["sdgs"],
                tags=data["tags"],
                contacts=data["contacts"],
                cover=data.get("cover_image"),
                pictures=pictures,
                documents=documents,
            )
        except ValidationError as error:
            transaction.set_rollback(True)
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def delete_model(self, request, obj):
        """A soft delete, as on the portal: staff can restore it."""
        project_delete(project=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for project in queryset.filter(deleted_at__isnull=True):
            project_delete(project=project, user=request.user)


@admin.register(ProjectLink)
class ProjectLinkAdmin(admin.ModelAdmin):
    list_display = ["from_project", "to_project", "note"]
    raw_id_fields = ["from_project", "to_project", "created_by"]


class CommentAdminForm(forms.ModelForm):
    """Hide with a reason from the list (and a note, required for "other"), or show again by
    emptying the reason; a hidden comment's reason is not rewritten."""

    def clean(self):
        data = super().clean()
        reason, note = data.get("hidden_reason") or "", (data.get("hidden_note") or "").strip()
        stored = self.instance
        if reason == ModerationReason.OTHER and not note:
            self.add_error("hidden_note", _("Say in the note what the other reason is."))
        if (
            stored.is_hidden
            and reason
            and (reason, note)
            != (
                stored.hidden_reason,
                stored.hidden_note,
            )
        ):
            self.add_error(
                "hidden_reason",
                _("To change the reason, show the comment again first, then hide it anew."),
            )
        return data


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """A comment is its author's words: staff read it and hide it with a reason (or show it
    again), through the moderation services; nobody rewrites or destroys it."""

    form = CommentAdminForm
    list_display = ["project", "author", "created_at", "hidden_at", "deleted_at"]
    list_filter = ["hidden_at", "deleted_at", "hidden_reason"]
    search_fields = ["body", "author__email"]
    list_select_related = ["project", "author"]
    fields = [
        "project",
        "author",
        "parent",
        "body",
        "created_at",
        "edited_at",
        "deleted_at",
        "hidden_at",
        "hidden_by",
        "hidden_reason",
        "hidden_note",
        "review_requested_at",
        "review_message",
        "review_declined_at",
    ]
    readonly_fields = [name for name in fields if name not in ("hidden_reason", "hidden_note")]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """Through the moderation services: the author is told, the activity log keeps it."""
        reason = form.cleaned_data.get("hidden_reason") or ""
        note = (form.cleaned_data.get("hidden_note") or "").strip()
        stored = Comment.objects.get(pk=obj.pk)
        # Only the services change them.
        obj.hidden_reason, obj.hidden_note = stored.hidden_reason, stored.hidden_note
        if reason and not stored.is_hidden:
            comment_hide(comment=obj, moderator=request.user, reason_kind=reason, note=note)
        elif not reason and stored.is_hidden:
            comment_unhide(
                comment=obj,
                moderator=request.user,
                reason_kind=ModerationReason.OTHER,
                note=gettext("Shown again from the administration."),
            )


@admin.action(description=_("Dismiss the selected open reports"))
def dismiss_reports(modeladmin, request, queryset):
    for report in queryset.filter(resolved_at__isnull=True).select_related(
        "comment__project__city"
    ):
        report_dismiss(
            report=report,
            moderator=request.user,
            reason_kind=ModerationReason.OTHER,
            note=gettext("Dismissed from the administration."),
        )


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    """Reports are decided on the moderation page (or with the action here), never edited."""

    list_display = ["comment", "reporter", "reason", "created_at", "resolution", "resolved_at"]
    list_filter = ["resolution", "reason"]
    list_select_related = ["comment__project", "comment__author", "reporter"]
    actions = [dismiss_reports]
    fields = [
        "comment",
        "reporter",
        "reason",
        "note",
        "created_at",
        "notified_at",
        "resolved_at",
        "resolved_by",
        "resolution",
        "resolution_reason",
        "resolution_note",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
