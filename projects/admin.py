from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Comment, CommentReport, Project, ProjectDocument, ProjectImage, ProjectLink
from .services import project_place_pictures, project_undelete


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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The visibility may have changed here: the pictures follow it.
        project_place_pictures(project=form.instance)


@admin.register(ProjectLink)
class ProjectLinkAdmin(admin.ModelAdmin):
    list_display = ["from_project", "to_project", "note"]
    raw_id_fields = ["from_project", "to_project", "created_by"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["project", "author", "created_at", "hidden_at", "deleted_at"]
    list_filter = ["hidden_at", "deleted_at"]
    search_fields = ["body", "author__email"]
    raw_id_fields = ["project", "author", "parent", "hidden_by"]


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ["comment", "reporter", "reason", "created_at", "resolved_at"]
    raw_id_fields = ["comment", "reporter"]
