from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.rules import readable_by
from core.enums import ContentLanguage, ContentLanguageField, Visibility
from languages.models import TranslatableModel


class QuestionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return readable_by(self.all(), user)

    def open(self):
        return self.filter(closed_at__isnull=True)


class Question(TranslatableModel):
    """A city asks the network "how do you…?"; members of other cities answer."""

    translated_fields = ("title", "context", "summary")
    translation_permission = "questions.view_question"

    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("asked by the city of"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    title = models.CharField(_("question"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    context = models.TextField(_("context"), blank=True)
    content_language = ContentLanguageField()
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), related_name="questions"
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("related project of your city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    summary = models.TextField(_("what we learned"), blank=True)
    # PostgreSQL: the title (A), context and summary (B) and answers (C), each in its own
    # language's configuration, kept by triggers (migration 0003); SQLite searches the text.
    search_vector = SearchVectorField(editable=False, null=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["closed_at", "-created_at"], name="question_listing")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | ~Q(summary=""),
                name="question_closed_with_summary",
                violation_error_message=_("Say what you learned when you close the question."),
            ),
            models.CheckConstraint(condition=~Q(title=""), name="question_title_not_empty"),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="question_visibility_known"
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="question_content_language_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class Answer(TranslatableModel):
    """A member of another city answers, with their city's projects as evidence."""

    translated_fields = ("body",)
    translation_permission = "questions.view_question"
    translation_subject = "question"

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    city = models.ForeignKey(
        "cities.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="answers"
    )
    body = models.TextField(_("answer"), max_length=10000)
    content_language = ContentLanguageField()
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("projects of your city"),
        blank=True,
        related_name="answers",
    )
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # Its author deleted their account and asked for their answers to go: the text is gone.
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["question", "created_at"], name="answer_question_time"),
            # The home page's recent activity: the newest answers across the network.
            models.Index(fields=["-created_at"], name="answer_newest"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="answer_not_empty"),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="answer_content_language_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} → {self.question}"


class UsefulMark(models.Model):
    """A member of the asking city found an answer useful."""

    answer = models.ForeignKey(
        Answer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="useful_marks"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("useful mark")
        verbose_name_plural = _("useful marks")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "user"],
                name="useful_mark_once",
                violation_error_message=_("You already marked this answer as useful."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ✓ {self.answer}"
