"""Writes for peer questions and answers."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.rules import approved_cities
from core import slugs as core_slugs
from notifications.enums import NotificationKind
from notifications.services import follow_quietly, notify

from .models import Answer, Question, UsefulMark

RESERVED_SLUGS = frozenset({"ask"})


def unique_slug(title: str) -> str:
    return core_slugs.unique_slug(Question, title, fallback="question", reserved=RESERVED_SLUGS)


def question_save(*, form, user: User) -> Question:
    """Ask (or edit) a question; a new one notifies who follows its city and themes."""
    with transaction.atomic():
        question = form.save(commit=False)
        creating = question.pk is None
        if creating:
            question.author = user
            question.slug = unique_slug(question.title)
        question.full_clean()
        question.save()
        form.save_m2m()
        if creating:
            follow_quietly(user=user, target=question)
            notify(
                kind=NotificationKind.NEW_QUESTION,
                actor=user,
                title=question.title,
                url=question.get_absolute_url(),
                context=question.city.name,
                targets=[question.city, *question.themes.all()],
                public=question.is_public,
            )
    return question


def answer_create(*, question: Question, user: User, form) -> Answer:
    """Answer for one's own city, never the asking one; the asker and followers are told."""
    city = form.cleaned_data["city"]
    if city.pk == question.city_id:
        raise ValidationError(_("You cannot answer your own city's question: peers answer it."))
    if city.pk not in approved_cities(user):
        raise ValidationError(_("You can only answer for a city you are a member of."))
    if not question.is_open:
        raise ValidationError(_("This question is closed."))
    with transaction.atomic():
        answer = form.save(commit=False)
        answer.question = question
        answer.author = user
        answer.full_clean()
        answer.save()
        form.save_m2m()
        follow_quietly(user=user, target=question)
        notify(
            kind=NotificationKind.NEW_ANSWER,
            actor=user,
            title=question.title,
            url=f"{question.get_absolute_url()}#answer-{answer.pk}",
            context=city.name,
            targets=[question],
            also=[question.author],
            public=question.is_public,
        )
    return answer


def answer_edit(*, answer: Answer, form) -> Answer:
    with transaction.atomic():
        answer = form.save(commit=False)
        answer.edited_at = timezone.now()
        answer.full_clean()
        answer.save()
        form.save_m2m()
    return answer


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
