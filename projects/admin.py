from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Comment, CommentReport, Project, ProjectDocument, ProjectImage, ProjectLink
from .services import comment_hide, comment_unhide, project_undelete


class ProjectImageInline(admin.TabularInline):
    model = ProjectImage
    extra = 0
    fields = ["image", "alt_text", "caption", "position"]


class ProjectDocumentInline(admin.TabularInline):
    model = ProjectDocument
    extra = 0
    fields = ["title", "original_name", "content_type", "size"]
    readonly_fields = ["original_name", "content_type", "size"]


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
        project_undelete(project=project)


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "status", "visibility", "created_at", "deleted_at"]
    list_filter = [DeletedFilter, "status", "visibility", "city__country", "city", "themes"]
    search_fields = ["title", "summary", "lead_organisation"]
    list_select_related = ["city"]
    raw_id_fields = ["author", "deleted_by", "contacts"]
    readonly_fields = ["slug", "created_at", "updated_at", "deleted_at", "deleted_by"]
    filter_horizontal = ["themes", "sdgs"]
    inlines = [ProjectImageInline, ProjectDocumentInline]
    actions = [restore_projects]


@admin.register(ProjectLink)
class ProjectLinkAdmin(admin.ModelAdmin):
    list_display = ["from_project", "to_project", "note"]
    raw_id_fields = ["from_project", "to_project", "created_by"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """A comment is its author's words: staff read it and hide it with a reason (or show it
    again), through the moderation services; nobody rewrites or destroys it."""

    list_display = ["project", "author", "created_at", "hidden_at", "deleted_at"]
    list_filter = ["hidden_at", "deleted_at"]
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
    ]
    readonly_fields = [name for name in fields if name != "hidden_reason"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        reason = form.cleaned_data.get("hidden_reason", "").strip()
        stored = Comment.objects.get(pk=obj.pk)
        obj.hidden_reason = stored.hidden_reason  # only the services change it
        if reason and (not stored.is_hidden or reason != stored.hidden_reason):
            comment_hide(comment=obj, moderator=request.user, reason=reason)
        elif not reason and stored.is_hidden:
            comment_unhide(comment=obj)


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ["comment", "reporter", "reason", "created_at", "resolved_at"]
    raw_id_fields = ["comment", "reporter"]
