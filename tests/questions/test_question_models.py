"""The question models' invariants are database constraints: no half-written question."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.enums import Visibility
from questions.models import Answer, Question, UsefulMark
from tests.factories import make_answer, make_question, make_useful_mark

pytestmark = pytest.mark.django_db


def test_question_cannot_be_closed_without_a_summary(question):
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(closed_at=timezone.now())

    question.refresh_from_db()
    assert question.closed_at is None


def test_question_title_cannot_be_empty(question):
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(title="")


def test_question_visibility_must_be_known(question):
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(visibility="secret")


def test_answer_body_cannot_be_empty(question):
    answer = make_answer(question=question)

    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(body="")


def test_useful_mark_is_unique_per_person_and_answer(question, member):
    answer = make_answer(question=question)
    make_useful_mark(answer=answer, user=member)

    with pytest.raises(IntegrityError), transaction.atomic():
        UsefulMark.objects.create(answer=answer, user=member)

    assert UsefulMark.objects.count() == 1


def test_question_knows_its_address_and_state(question):
    assert question.get_absolute_url() == f"/en/questions/{question.slug}/"
    assert str(question) == "How do you make a square work for every use?"
    assert (question.is_open, question.is_public) == (True, True)


def test_question_visible_to_hides_members_only_questions_from_visitors(
    question, members_question, member
):
    assert list(Question.objects.visible_to(AnonymousUser())) == [question]
    assert set(Question.objects.visible_to(member)) == {question, members_question}


def test_closed_question_is_not_open(member):
    closed = make_question(author=member, closed=True, visibility=Visibility.MEMBERS)

    assert (closed.is_open, closed.is_public) == (False, False)
    assert list(Question.objects.open()) == []
