"""Writes for peer questions and answers."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.models import City
from cities.rules import approved_cities
from core import slugs as core_slugs
from core.concurrency import lock_unchanged
from core.enums import Visibility
from notifications.enums import NotificationKind
from notifications.services import follow_quietly, notify
from projects.models import Project
from themes.models import Theme

from .models import Answer, Question, UsefulMark

RESERVED_SLUGS = frozenset({"ask"})


def unique_slug(title: str) -> str:
    return core_slugs.unique_slug(Question, title, fallback="question", reserved=RESERVED_SLUGS)


def question_create(
    *,
    author: User,
    city: City,
    title: str,
    themes: Iterable[Theme],
    context: str = "",
    content_language: str | None = None,
    project: Project | None = None,
    visibility: str = Visibility.PUBLIC,
) -> Question:
    """Ask the network on behalf of ``city``; who follows the city or the themes is told.
    Without ``content_language``, the text is taken to be in the interface language."""
    with transaction.atomic():
        question = Question(
            author=author,
            city=city,
            title=title.strip(),
            slug=unique_slug(title),
            context=context.strip(),
            project=project,
            visibility=visibility,
        )
        if content_language is not None:
            question.content_language = content_language
        question.full_clean()
        question.save()
        question.themes.set(themes)
        follow_quietly(user=author, target=question)
        notify(
            kind=NotificationKind.NEW_QUESTION,
            actor=author,
            title=question.title,
            title_language=question.content_language,
            subject=question,
            url=question.get_absolute_url(),
            city=city,
            targets=[city, *question.themes.all()],
            public=question.is_public,
        )
    return question


def question_update(
    *,
    question: Question,
    title: str,
    themes: Iterable[Theme],
    context: str = "",
    content_language: str | None = None,
    project: Project | None = None,
    visibility: str = Visibility.PUBLIC,
    version: str | None = None,
) -> Question:
    """Change a question (its city and address stay); nobody is notified. With ``version``
    (the question's version when its form was opened), raise ``EditConflict`` and write nothing
    when someone else saved the question since."""
    with transaction.atomic():
        lock_unchanged(Question.objects, pk=question.pk, version=version)
        question.title = title.strip()
        question.context = context.strip()
        if content_language is not None:  # None: as it was
            question.content_language = content_language
        question.project = project
        question.visibility = visibility
        question.full_clean()
        question.save()
        question.themes.set(themes)
    return question


def question_delete(*, question: Question) -> None:
    """Remove a question with its answers (staff, in the admin)."""
    with transaction.atomic():
        question.delete()


def answer_create(
    *,
    question: Question,
    author: User,
    city: City,
    body: str,
    content_language: str | None = None,
    projects: Iterable[Project] = (),
) -> Answer:
    """Answer for one's own city, never the asking one; the asker and followers are told."""
    if city.pk == question.city_id:
        raise ValidationError(_("You cannot answer your own city's question: peers answer it."))
    if city.pk not in approved_cities(author):
        raise ValidationError(_("You can only answer for a city you are a member of."))
    if not question.is_open:
        raise ValidationError(_("This question is closed."))
    with transaction.atomic():
        answer = Answer(question=question, author=author, city=city, body=body.strip())
        if content_language is not None:  # None: the interface language
            answer.content_language = content_language
        answer.full_clean()
        answer.save()
        answer.projects.set(projects)
        follow_quietly(user=author, target=question)
        notify(
            kind=NotificationKind.NEW_ANSWER,
            actor=author,
            title=question.title,
            title_language=question.content_language,
            subject=question,
            url=f"{question.get_absolute_url()}#answer-{answer.pk}",
            city=city,
            targets=[question],
            also=[question.author],
            public=question.is_public,
        )
    return answer


def answer_update(
    *,
    answer: Answer,
    body: str,
    content_language: str | None = None,
    projects: Iterable[Project] = (),
) -> Answer:
    """The author rewrites their answer (its city stays); the edit time is shown."""
    with transaction.atomic():
        answer.body = body.strip()
        if content_language is not None:  # None: as it was
            answer.content_language = content_language
        answer.edited_at = timezone.now()
        answer.full_clean()
        answer.save()
        answer.projects.set(projects)
    return answer


def answer_delete(*, answer: Answer) -> None:
    """Remove an answer (staff, in the admin)."""
    with transaction.atomic():
        answer.delete()


def answer_mark_useful(*, answer: Answer, user: User) -> UsefulMark:
    if answer.question.city_id not in approved_cities(user):
        raise ValidationError(_("Only members of the asking city mark answers as useful."))
    mark = UsefulMark(answer=answer, user=user)
    mark.full_clean()
    try:
        with transaction.atomic():
            mark.save()
    except IntegrityError as error:
        raise ValidationError(_("You already marked this answer as useful.")) from error
    return mark


def question_close(*, question: Question, summary: str) -> Question:
    if not question.is_open:
        raise ValidationError(_("This question is already closed."))
    if not summary.strip():
        raise ValidationError(_("Say what you learned when you close the question."))
    question.summary = summary.strip()
    question.closed_at = timezone.now()
    question.full_clean()
    question.save(update_fields=["summary", "closed_at", "updated_at"])
    return question
