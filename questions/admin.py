"""Questions and answers in the admin. The asker's and answerers' words are theirs: staff see
them, change the question's visibility, themes and project, and delete — through the services —
but never rewrite them."""

from django.contrib import admin

from . import services
from .models import Answer, Question

QUESTION_WORDS = ["title", "context", "content_language", "summary"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["city", "author", "body", "created_at", "edited_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "author", "visibility", "created_at", "closed_at"]
    list_filter = ["visibility", "city__country", "city", "themes"]
    search_fields = ["title", "context", "summary"]
    list_select_related = ["city", "author"]
    raw_id_fields = ["project"]
    filter_horizontal = ["themes"]
    readonly_fields = [
        "city",
        "author",
        "slug",
        *QUESTION_WORDS,
        "created_at",
        "updated_at",
        "closed_at",
    ]
    fields = [*readonly_fields[:3], *QUESTION_WORDS, "themes", "project", "visibility"]
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False  # a city asks on the portal, in its own words

    def save_model(self, request, obj, form, change):
        """Saved with its themes in ``save_related``, through the service."""

    def save_related(self, request, form, formsets, change):
        question = form.instance
        services.question_update(
            question=question,
            title=question.title,
            context=question.context,
            content_language=question.content_language,
            themes=form.cleaned_data["themes"],
            project=form.cleaned_data["project"],
            visibility=form.cleaned_data["visibility"],
        )
        for formset in formsets:  # read-only answers: nothing to write, but the log needs it
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        services.question_delete(question=obj)

    def delete_queryset(self, request, queryset):
        for question in queryset:
            services.question_delete(question=question)


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "city", "author", "created_at", "edited_at"]
    list_filter = ["city__country", "city"]
    search_fields = ["body", "question__title"]
    list_select_related = ["question", "city", "author"]
    readonly_fields = ["question", "city", "author", "body", "projects", "created_at", "edited_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the answer is its author's; staff may read or delete it

    def delete_model(self, request, obj):
        services.answer_delete(answer=obj)

    def delete_queryset(self, request, queryset):
        for answer in queryset:
            services.answer_delete(answer=answer)
