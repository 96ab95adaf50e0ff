"""Who may ask, answer, mark useful and close (docs/architecture.md)."""

import rules

from cities.rules import approved_cities, is_approved_member, is_moderator, reads_members_content
from core.enums import Visibility


@rules.predicate
def can_see_question(user, question) -> bool:
    if question is None:
        return False
    return question.visibility == Visibility.PUBLIC or reads_members_content(user)


@rules.predicate
def is_member_of_asking_city(user, question) -> bool:
    return question is not None and question.city_id in approved_cities(user)


@rules.predicate
def is_member_of_another_city(user, question) -> bool:
    cities = approved_cities(user)
    return question is not None and any(city != question.city_id for city in cities)


@rules.predicate
def is_question_author(user, question) -> bool:
    return question is not None and user.is_authenticated and question.author_id == user.pk


@rules.predicate
def is_open_question(user, question) -> bool:
    return question is not None and question.closed_at is None


@rules.predicate
def is_answer_author(user, answer) -> bool:
    return answer is not None and user.is_authenticated and answer.author_id == user.pk


@rules.predicate
def is_member_of_answer_asking_city(user, answer) -> bool:
    return answer is not None and answer.question.city_id in approved_cities(user)


rules.add_perm("questions.view_question", can_see_question)
rules.add_perm("questions.add_question", is_approved_member)
# A question is its asker's words: nobody else rewrites them, moderators included.
rules.add_perm("questions.change_question", is_question_author)
rules.add_perm(
    "questions.answer_question", can_see_question & is_open_question & is_member_of_another_city
)
rules.add_perm("questions.close_question", is_open_question & (is_question_author | is_moderator))
rules.add_perm("questions.change_answer", is_answer_author)
rules.add_perm("questions.mark_useful", is_member_of_answer_asking_city)
