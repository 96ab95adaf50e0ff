"""Each answer has a heading under the answers' h2, so screen readers can move from one to the
next; heading levels never skip."""

import pytest

from tests.factories import make_answer
from tests.projects.test_comment_headings import assert_no_skipped_levels, heading_levels, headings

pytestmark = pytest.mark.django_db


def test_answers_have_headings_under_the_answers_heading(member_client, question):
    answer = make_answer(question=question)

    html = member_client.get(question.get_absolute_url()).content.decode()

    answers = html[html.index('<h2 id="answers-heading">') :]
    assert f'<h3 id="answer-{answer.pk}-by" class="comment-heading">' in answers
    assert headings(answers, 3)[0].startswith("Answer from Gothenburg · ")
    assert_no_skipped_levels(heading_levels(html))
