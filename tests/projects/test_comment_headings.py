"""Each comment has a heading under its section's h2, so screen readers can move from
one to the next; heading levels never skip."""

import re

import pytest

from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def assert_no_skipped_levels(levels: list[int]) -> None:
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def headings(html: str, level: int) -> list[str]:
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found]


def test_comments_and_replies_have_headings_under_the_discussion(
    member_client, public_project, comment, member
):
    make_comment(project=public_project, author=member, body="We counted.", parent=comment)

    html = member_client.get(public_project.get_absolute_url()).content.decode()

    discussion = html[html.index('<h2 id="comments-heading">') :]
    assert len(headings(discussion, 3)) == 1
    assert headings(discussion, 3)[0].startswith("Comment by Sofia Gothenburg · ")
    assert headings(discussion, 4)[0].startswith("Reply by Yann Member · ")
    assert f'<h3 id="comment-{comment.pk}-by" class="comment-heading">' in html
    assert '<span class="visually-hidden">Comment by</span>' in html
    assert_no_skipped_levels(heading_levels(html))
