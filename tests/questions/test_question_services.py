"""The question services: asking, answering for one's own city, useful marks, closing, and the
follows and notifications they create."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from notifications.enums import NotificationKind
from notifications.models import Follow, Notification
from questions import services
from questions.forms import AnswerForm, QuestionForm
from questions.models import Answer, Question, UsefulMark
from tests.factories import (
    answer_form_data,
    get_city,
    make_answer,
    make_follow,
    make_member,
    make_membership,
    make_question,
    make_useful_mark,
    question_edit_data,
    question_form_data,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db


def ask(user, **fields) -> Question:
    form = QuestionForm(question_form_data(**fields), user=user)
    assert form.is_valid(), form.errors
    return services.question_create(author=user, **form.cleaned_data)


def answer(question, user, **fields) -> Answer:
    form = AnswerForm(answer_form_data(**fields), user=user, question=question)
    assert form.is_valid(), form.errors
    return services.answer_create(question=question, author=user, **form.cleaned_data)


def follows(user, target) -> bool:
    return Follow.objects.filter(user=user, object_id=target.pk).exists()


def notified(kind: str) -> list[str]:
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


# --- Asking ------------------------------------------------------------------------------------


def test_question_save_asks_on_behalf_of_the_city_with_the_asker_as_author(member):
    question = ask(member)

    assert (question.city.slug, question.author, question.slug) == (
        "saint-brieuc",
        member,
        "how-do-you-make-a-square-work-for-every-use",
    )
    assert [theme.slug for theme in question.themes.all()] == ["public-spaces"]
    assert (question.is_open, question.summary) == (True, "")


def test_question_save_gives_a_second_question_of_the_same_title_a_new_slug(member):
    first = ask(member)
    second = ask(member)

    assert (first.slug, second.slug) == (
        "how-do-you-make-a-square-work-for-every-use",
        "how-do-you-make-a-square-work-for-every-use-2",
    )


def test_question_save_never_takes_the_slug_of_the_ask_page(member):
    question = ask(member, title="Ask")

    assert question.slug == "ask-2"


def test_question_save_makes_the_asker_follow_the_question(member):
    question = ask(member)

    assert follows(member, question)


def test_question_save_notifies_followers_of_city_and_themes_once_each(member):
    city_and_theme = make_member(city="gothenburg", email="both@example.org")
    make_follow(user=city_and_theme, target=get_city("saint-brieuc"))
    make_follow(user=city_and_theme, target=Theme.objects.get(slug="public-spaces"))
    theme_only = make_member(city="umea", email="theme@example.org")
    make_follow(user=theme_only, target=Theme.objects.get(slug="public-spaces"))
    elsewhere = make_member(city="umea", email="elsewhere@example.org")
    make_follow(user=elsewhere, target=get_city("paris"))
    make_follow(user=member, target=get_city("saint-brieuc"))

    question = ask(member)

    assert notified(NotificationKind.NEW_QUESTION) == ["both@example.org", "theme@example.org"]
    notification = Notification.objects.get(recipient=theme_only)
    assert (notification.title, notification.path, notification.city, notification.actor) == (
        "How do you make a square work for every use?",
        f"/questions/{question.slug}/",
        get_city("saint-brieuc"),
        member,
    )


def test_question_save_editing_notifies_nobody(member, question):
    make_follow(user=make_member(city="umea"), target=get_city("saint-brieuc"))
    form = QuestionForm(
        question_edit_data(question, title="A clearer question?"), instance=question, user=member
    )
    assert form.is_valid(), form.errors

    data = {
        key: form.cleaned_data[key]
        for key in ("title", "context", "themes", "project", "visibility")
    }
    services.question_update(question=question, **data)

    question.refresh_from_db()
    assert question.title == "A clearer question?"
    assert question.slug == "how-do-you-make-a-square-work-for-every-use"
    assert Notification.objects.count() == 0


# --- Answering ---------------------------------------------------------------------------------


def test_answer_create_answers_for_the_answerers_city(question, other_city_member):
    created = answer(question, other_city_member)

    assert (created.question, created.city.slug, created.author, created.body) == (
        question,
        "gothenburg",
        other_city_member,
        "We build a temporary installation.",
    )


def test_answer_create_makes_the_answerer_follow_the_question(question, other_city_member):
    answer(question, other_city_member)

    assert follows(other_city_member, question)


def test_answer_create_notifies_the_asker_and_the_question_followers_not_the_answerer(
    question, member, other_city_member
):
    follower = make_member(city="paris", email="follower@example.org")
    make_follow(user=follower, target=question)
    make_follow(user=other_city_member, target=question)

    created = answer(question, other_city_member)

    assert notified(NotificationKind.NEW_ANSWER) == ["follower@example.org", member.email]
    notification = Notification.objects.get(recipient=member)
    assert (notification.path, notification.city, notification.subject_id) == (
        f"/questions/{question.slug}/#answer-{created.pk}",
        get_city("gothenburg"),
        question.pk,
    )


def test_answer_create_refuses_an_answer_for_the_asking_city(question, member):
    with pytest.raises(ValidationError) as error:
        services.answer_create(
            question=question, author=member, city=get_city("saint-brieuc"), body="We do."
        )

    assert error.value.messages == ["You cannot answer your own city's question: peers answer it."]
    assert Answer.objects.count() == 0


def test_answer_create_refuses_an_answer_for_a_city_one_does_not_belong_to(
    question, other_city_member
):
    with pytest.raises(ValidationError) as error:
        services.answer_create(
            question=question, author=other_city_member, city=get_city("umea"), body="We do."
        )

    assert error.value.messages == ["You can only answer for a city you are a member of."]
    assert Answer.objects.count() == 0


def test_answer_create_refuses_an_answer_to_a_closed_question(member, other_city_member):
    closed = make_question(author=member, closed=True)
    with pytest.raises(ValidationError) as error:
        services.answer_create(
            question=closed, author=other_city_member, city=get_city("gothenburg"), body="We do."
        )

    assert error.value.messages == ["This question is closed."]
    assert Answer.objects.count() == 0


def test_answer_form_offers_only_the_answerers_other_cities(question):
    both = make_member(city="saint-brieuc")
    make_membership(user=both, city="gothenburg")

    form = AnswerForm(user=both, question=question)

    assert [city.slug for city in form.fields["city"].queryset] == ["gothenburg"]


def test_answer_edit_keeps_the_city_and_records_the_edit_time(question, other_city_member):
    created = make_answer(question=question, author=other_city_member)
    form = AnswerForm(
        answer_form_data(city=str(get_city("umea").pk), body="Better said."),
        instance=created,
        user=other_city_member,
        question=question,
    )
    assert form.is_valid(), form.errors

    services.answer_update(
        answer=created, body=form.cleaned_data["body"], projects=form.cleaned_data["projects"]
    )

    created.refresh_from_db()
    assert (created.body, created.city.slug) == ("Better said.", "gothenburg")
    assert created.edited_at is not None


# --- Useful marks ------------------------------------------------------------------------------


def test_answer_mark_useful_records_the_mark_of_an_asking_city_member(question, city_coordinator):
    created = make_answer(question=question)

    mark = services.answer_mark_useful(answer=created, user=city_coordinator)

    assert (mark.answer, mark.user) == (created, city_coordinator)


def test_answer_mark_useful_refuses_a_member_of_another_city(question, other_city_coordinator):
    created = make_answer(question=question)

    with pytest.raises(ValidationError) as error:
        services.answer_mark_useful(answer=created, user=other_city_coordinator)

    assert error.value.messages == ["Only members of the asking city mark answers as useful."]
    assert UsefulMark.objects.count() == 0


def test_answer_mark_useful_refuses_a_second_mark_by_the_same_person(question, member):
    created = make_answer(question=question)
    make_useful_mark(answer=created, user=member)

    with pytest.raises(ValidationError) as error:
        services.answer_mark_useful(answer=created, user=member)

    assert error.value.messages == ["You already marked this answer as useful."]
    assert UsefulMark.objects.count() == 1


# --- Closing -----------------------------------------------------------------------------------


def test_question_close_keeps_the_summary_and_the_closing_time(question):
    before = timezone.now()

    services.question_close(question=question, summary="  Test before the works.  ")

    question.refresh_from_db()
    assert question.summary == "Test before the works."
    assert question.closed_at >= before
    assert question.is_open is False


def test_question_close_refuses_an_empty_summary(question):
    with pytest.raises(ValidationError) as error:
        services.question_close(question=question, summary="   ")

    assert error.value.messages == ["Say what you learned when you close the question."]
    question.refresh_from_db()
    assert (question.closed_at, question.summary) == (None, "")


def test_question_close_refuses_a_closed_question(member):
    closed = make_question(author=member, closed=True, summary="First summary.")

    with pytest.raises(ValidationError) as error:
        services.question_close(question=closed, summary="Second summary.")

    assert error.value.messages == ["This question is already closed."]
    closed.refresh_from_db()
    assert closed.summary == "First summary."
