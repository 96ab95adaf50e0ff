"""Reads for questions."""

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)

from accounts.models import User
from cities.enums import Country
from cities.models import Membership
from cities.selectors import approved_members
from core.queries import count_of
from languages.models import reader_translations
from projects.models import Project
from themes.models import Theme

from .models import Answer, Question, UsefulMark


def card_queryset(questions: QuerySet[Question]) -> QuerySet[Question]:
    return (
        questions.select_related("city")
        .annotate(answer_count=count_of(Answer.objects.filter(question=OuterRef("pk")), "question"))
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
            reader_translations(),  # the titles in the reader's language
        )
    )


def visible_questions(user: User) -> QuerySet[Question]:
    return Question.objects.visible_to(user)


def filter_questions(questions: QuerySet[Question], filters: dict) -> QuerySet[Question]:
    if filters.get("theme"):
        questions = questions.filter(themes=filters["theme"])
    if filters.get("city"):
        questions = questions.filter(city=filters["city"])
    if filters.get("country"):
        questions = questions.filter(city__country=filters["country"])
    state = filters.get("state")
    has_answer = Exists(Answer.objects.filter(question=OuterRef("pk")))
    if state == "unanswered":
        questions = questions.filter(~has_answer, closed_at__isnull=True)
    elif state == "answered":
        questions = questions.filter(has_answer)
    elif state == "closed":
        questions = questions.filter(closed_at__isnull=False)
    return questions


def open_first(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Open questions first (newest first), then closed ones."""
    return questions.order_by(F("closed_at").desc(nulls_first=True), "-created_at")


def question_for_detail(slug: str, user: User) -> Question | None:
    """The question with its answers, or None when ``user`` may not read it."""
    visible = Project.objects.visible_to(user).select_related("city")
    answers = (
        Answer.objects.select_related("author", "city")
        .prefetch_related(Prefetch("projects", queryset=visible))
        .annotate(useful=Count("useful_marks", distinct=True))
        .order_by("created_at", "pk")
    )
    if user.is_authenticated:
        answers = answers.annotate(
            marked=Exists(UsefulMark.objects.filter(answer=OuterRef("pk"), user=user))
        )
    question = (
        Question.objects.select_related("city", "author", "project__city").filter(slug=slug).first()
    )
    if question is None or not user.has_perm("questions.view_question", question):
        return None  # one query, as for an address that does not exist
    prefetch_related_objects([question], "themes", Prefetch("answers", queryset=answers))
    return question


def latest_questions(user: User, limit: int = 5) -> list[Question]:
    return list(card_queryset(visible_questions(user).order_by("-created_at"))[:limit])


def open_questions_elsewhere(profile, user: User, limit: int = 10) -> list[Question]:
    """Open questions of the other country on the themes of ``profile``, most shared first."""
    other = Country.SWEDEN if profile.country == Country.FRANCE else Country.FRANCE
    return list(
        card_queryset(
            visible_questions(user)
            .open()
            .filter(city__country=other, themes__in=profile.theme_ids or [0])
            .annotate(shared=Count("themes", filter=Q(themes__in=profile.theme_ids), distinct=True))
            .order_by("-shared", "-created_at")
        )[:limit]
    )


def people_elsewhere(profile, user: User, limit: int = 10) -> list[User]:
    """Members of the other country's cities, in the directory, with expertise in the themes."""
    other = Country.SWEDEN if profile.country == Country.FRANCE else Country.FRANCE
    memberships = Membership.objects.approved().select_related("city").filter(city__country=other)
    return list(
        approved_members(country=other)
        .filter(in_directory=True, expertise__in=profile.theme_ids or [0])
        .exclude(pk=user.pk)
        .annotate(
            shared=Count("expertise", filter=Q(expertise__in=profile.theme_ids), distinct=True)
        )
        .order_by("-shared", "full_name")
        .prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="cities_elsewhere"),
            Prefetch("expertise", queryset=Theme.objects.order_by("kind", "position")),
        )
        .distinct()[:limit]
    )


def questions_for(user: User, *, city=None, theme=None, project: Project | None = None, limit=6):
    """Questions ``user`` may read: asked or answered by a city (open first), on a theme (open
    first), or about a project or answered with it (newest first)."""
    questions = visible_questions(user)
    if project is not None:
        answered = Answer.objects.filter(projects=project).values("question")
        questions = questions.filter(Q(project=project) | Q(pk__in=answered))
        return list(card_queryset(questions).order_by("-created_at")[:limit])
    if city is not None:
        answered = Answer.objects.filter(city=city).values("question")
        questions = questions.filter(Q(city=city) | Q(pk__in=answered))
    if theme is not None:
        questions = questions.filter(themes=theme)
    return list(
        card_queryset(questions).order_by(F("closed_at").asc(nulls_first=True), "-created_at")[
            :limit
        ]
    )


def open_questions(user: User, limit: int = 4) -> list[Question]:
    """The newest questions still open that ``user`` may read, as cards."""
    return list(card_queryset(visible_questions(user).open().order_by("-created_at"))[:limit])


def recent_answers(user: User, limit: int = 5) -> list[Answer]:
    """The newest answers to questions ``user`` may read, with the question and the answering
    city, for the home page's activity. One query."""
    return list(
        Answer.objects.filter(question__in=visible_questions(user).values("pk"))
        .select_related("question", "city")
        .order_by("-created_at")[:limit]
    )
