"""The glossary in the admin: edits, approvals and rejections go through the services, as on
the portal's own pages."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .enums import GLOSSARY_LANGUAGES, EntryState
from .forms import EntryForm
from .models import GlossaryEntry, TagConcept, Translation, TranslationRequest, TranslationRevision


class GlossaryEntryAdminForm(EntryForm):
    class Meta(EntryForm.Meta):
        pass


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    form = GlossaryEntryAdminForm
    list_display = ["slug", "term_fr", "term_sv", "term_en", "system", "state", "proposed_at"]
    list_filter = ["state", "system"]
    search_fields = ["slug", "term_fr", "term_sv", "term_en"]
    list_select_related = ["proposed_by", "decided_by", "corrects"]
    readonly_fields = [
        "slug",
        "state",
        "corrects",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
    ]
    actions = ["approve", "reject"]

    def get_fields(self, request, obj=None):
        return [*self.readonly_fields, *EntryForm.Meta.fields]

    def save_model(self, request, obj, form, change):
        if change:
            services.entry_update(entry=obj, content=form.content())
        else:
            created = services.entry_propose(
                proposed_by=request.user, content=form.content(), note=form.cleaned_data["note"]
            )
            obj.pk = created.pk  # the admin logs and redirects to ``obj``
            obj.refresh_from_db()

    def _decide(self, request, queryset, service) -> int:
        """Decide each pending proposal selected; returns how many were decided."""
        count = 0
        for entry in queryset.filter(state=EntryState.PROPOSED):
            try:
                service(entry=entry, decided_by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{entry}: {' '.join(error.messages)}", messages.ERROR)
            else:
                count += 1
        return count

    @admin.action(description=_("Approve the selected proposals"))
    def approve(self, request, queryset):
        count = self._decide(request, queryset, services.entry_approve)
        message = ngettext(
            "%(count)s proposal approved.", "%(count)s proposals approved.", count
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Reject the selected proposals"))
    def reject(self, request, queryset):
        count = self._decide(request, queryset, services.entry_reject)
        message = ngettext(
            "%(count)s proposal rejected.", "%(count)s proposals rejected.", count
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


class RevisionInline(admin.TabularInline):
    model = TranslationRevision
    fields = ["saved_at", "saved_by", "origin", "engine", "reviewed_by", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-saved_at", "-pk"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    """Read only: members write translations in the side-by-side editor, where the original
    and the glossary are beside them and every save is a revision; the admin shows them."""

    list_display = [
        "content_type",
        "object_id",
        "field",
        "source_language",
        "language",
        "origin",
        "engine",
        "reviewed_by",
        "updated_at",
    ]
    list_filter = ["language", "source_language", "origin", "content_type"]
    search_fields = ["text"]
    list_select_related = ["content_type", "reviewed_by"]
    inlines = [RevisionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TranslationRequest)
class TranslationRequestAdmin(admin.ModelAdmin):
    list_display = [
        "content_type",
        "object_id",
        "language",
        "requested_by",
        "requested_at",
        "failed_at",
    ]
    list_filter = ["language", "failed_at"]
    list_select_related = ["content_type", "requested_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TagConceptAdminForm(forms.ModelForm):
    class Meta:
        model = TagConcept
        fields = [f"name_{code}" for code in GLOSSARY_LANGUAGES]


@admin.register(TagConcept)
class TagConceptAdmin(admin.ModelAdmin):
    """Translations of tags: the names one subject's tags carry in French, Swedish, English."""

    form = TagConceptAdminForm
    list_display = ["slug", "name_fr", "name_sv", "name_en", "updated_at"]
    search_fields = ["slug", "name_fr", "name_sv", "name_en"]
    readonly_fields = ["slug"]

    def save_model(self, request, obj, form, change):
        names = {code: form.cleaned_data[f"name_{code}"] for code in GLOSSARY_LANGUAGES}
        services.tag_concept_save(concept=obj, names=names)

    def delete_model(self, request, obj):
        services.tag_concept_delete(concept=obj)

    def delete_queryset(self, request, queryset):
        for concept in queryset:
            services.tag_concept_delete(concept=concept)
