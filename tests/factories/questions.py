"""Peer questions, answers, useful marks, follows and notifications for the tests."""

import itertools

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.models import User
from cities.models import City
from core.concurrency import VERSION_FIELD
from core.enums import ContentLanguage, Visibility
from notifications.enums import NotificationKind
from notifications.models import Follow, Notification
from projects.models import Project
from questions.forms import QuestionForm
from questions.models import Answer, Question, UsefulMark
from questions.services import unique_slug
from themes.models import Theme

from .cities import get_city

_sequence = itertools.count(1)


def _city(city: City | str) -> City:
    return get_city(city) if isinstance(city, str) else city


def make_question(
    *,
    city: City | str = "saint-brieuc",
    author: User | None = None,
    themes: tuple[str, ...] = ("public-spaces",),
    project: Project | None = None,
    visibility: str = Visibility.PUBLIC,
    summary: str = "",
    closed: bool = False,
    **fields,
) -> Question:
    """An open, public question of Saint-Brieuc on public spaces unless told otherwise; written
    straight to the database (no follow, no notification). ``closed`` closes it with a summary."""
    number = next(_sequence)
    values = {
        "title": f"How do you test question {number}?",
        "context": f"Context {number}.",
        "content_language": ContentLanguage.ENGLISH,
    }
    values.update(fields)
    values.setdefault("slug", unique_slug(values["title"]))
    if closed:
        summary = summary or f"What we learned from question {number}."
        values.setdefault("closed_at", timezone.now())
    question = Question.objects.create(
        city=_city(city),
        author=author,
        project=project,
        visibility=visibility,
        summary=summary,
        **values,
    )
    question.themes.set(Theme.objects.filter(slug__in=themes))
    return question


def make_answer(
    *,
    question: Question,
    author: User | None = None,
    city: City | str = "gothenburg",
    body: str | None = None,
    projects: tuple[Project, ...] = (),
    **fields,
) -> Answer:
    """An answer from Gothenburg unless told otherwise (no notification)."""
    number = next(_sequence)
    answer = Answer.objects.create(
        question=question,
        author=author,
        city=_city(city),
        body=body or f"Answer {number}: we tried it this way.",
        **{"content_language": ContentLanguage.ENGLISH, **fields},
    )
    answer.projects.set(projects)
    return answer


def make_useful_mark(*, answer: Answer, user: User) -> UsefulMark:
    return UsefulMark.objects.create(answer=answer, user=user)


def bulk_questions(
    count: int,
    *,
    cities: tuple[str, ...] = ("saint-brieuc", "gothenburg"),
    themes: tuple[str, ...] = ("public-spaces", "innovation"),
    answers: int = 1,
    word: str = "bulk",
    **fields,
) -> list[Question]:
    """``count`` public questions in a handful of queries, each with themes and ``answers``
    answers from Umeå (a city that asks none of them)."""
    start = next(_sequence)
    city_objects = [get_city(slug) for slug in cities]
    questions = Question.objects.bulk_create(
        Question(
            city=city_objects[index % len(city_objects)],
            title=f"How do {word} cities do {start}-{index}?",
            slug=f"{word}-question-{start}-{index}",
            context=f"The {word} context {index}.",
            **{"content_language": ContentLanguage.ENGLISH, **fields},
        )
        for index in range(count)
    )
    theme_objects = list(Theme.objects.filter(slug__in=themes))
    Question.themes.through.objects.bulk_create(
        Question.themes.through(question_id=question.pk, theme_id=theme.pk)
        for question in questions
        for theme in theme_objects
    )
    umea = get_city("umea")
    Answer.objects.bulk_create(
        Answer(
            question=question,
            city=umea,
            body=f"Answer {number} from Umeå.",
            content_language=ContentLanguage.ENGLISH,
        )
        for question in questions
        for number in range(answers)
    )
    return questions


def question_form_data(**fields) -> dict:
    """POST data of /questions/ask/: Saint-Brieuc asks publicly on public spaces."""
    data = {
        "city": str(get_city("saint-brieuc").pk),
        "title": "How do you make a square work for every use?",
        "context": "We test furniture **before** the works.",
        "content_language": ContentLanguage.ENGLISH,
        "themes": [str(Theme.objects.get(slug="public-spaces").pk)],
        "project": "",
        "visibility": Visibility.PUBLIC,
    }
    data.update(fields)
    return data


def question_edit_version(question: Question) -> str:
    """The version token the edit page gives ``question`` as it is stored now."""
    stored = Question.objects.get(pk=question.pk)  # the test's copy may be out of date
    return QuestionForm(instance=stored, user=stored.author)[VERSION_FIELD].value()


def question_edit_data(question: Question, **fields) -> dict:
    """POST data of …/edit/ as the form shows ``question``, ``fields`` changed."""
    data = {
        VERSION_FIELD: question_edit_version(question),
        "city": str(question.city_id),
        "title": question.title,
        "context": question.context,
        "content_language": question.content_language,
        "themes": [str(pk) for pk in question.themes.values_list("pk", flat=True)],
        "project": str(question.project_id or ""),
        "visibility": question.visibility,
    }
    data.update(fields)
    return data


def answer_form_data(**fields) -> dict:
    """POST data of an answer for Gothenburg, with no linked project."""
    data = {
        "city": str(get_city("gothenburg").pk),
        "body": "We build a temporary installation.",
        "content_language": ContentLanguage.ENGLISH,
    }
    data.update(fields)
    return data


# --- Follows and notifications -----------------------------------------------------------------


def make_follow(*, user: User, target) -> Follow:
    return Follow.objects.create(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    )


def bulk_follows(users: list[User], target) -> list[Follow]:
    """Every one of ``users`` follows ``target``, in one query."""
    content_type = ContentType.objects.get_for_model(target)
    return Follow.objects.bulk_create(
        Follow(user=user, content_type=content_type, object_id=target.pk) for user in users
    )


def make_notification(
    *,
    recipient: User,
    kind: str = NotificationKind.NEW_PROJECT,
    title: str | None = None,
    path: str = "/projects/place-de-la-grille/",
    **fields,
) -> Notification:
    """An unread, unsent notification; keeps the recipient's unread count right."""
    number = next(_sequence)
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title or f"Notification {number}",
        path=path,
        **fields,
    )
    if notification.read_at is None:
        User.objects.filter(pk=recipient.pk).update(
            unread_notifications=Notification.objects.filter(
                recipient=recipient, read_at__isnull=True
            ).count()
        )
        recipient.refresh_from_db(fields=["unread_notifications"])
    return notification


def bulk_notifications(recipient: User, count: int, **fields) -> list[Notification]:
    """``count`` unread notifications for ``recipient`` in two queries."""
    start = next(_sequence)
    created = Notification.objects.bulk_create(
        Notification(
            recipient=recipient,
            kind=NotificationKind.NEW_PROJECT,
            title=f"Bulk notification {start}-{index}",
            path=f"/projects/bulk-{start}-{index}/",
            **fields,
        )
        for index in range(count)
    )
    User.objects.filter(pk=recipient.pk).update(
        unread_notifications=Notification.objects.filter(
            recipient=recipient, read_at__isnull=True
        ).count()
    )
    recipient.refresh_from_db(fields=["unread_notifications"])
    return created
