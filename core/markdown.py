"""Markdown written by members, rendered and sanitised (nh3, a maintained Rust sanitiser)."""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
HEADING = re.compile(r"<(/?)h([1-6])([^>]*)>")


def _demote_headings(html: str) -> str:
    # The page already has its h1 and h2: members' headings start at h3.
    return HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 2, 6)}{m.group(3)}>", html)


def render_markdown(text: str) -> SafeString:
    if not text:
        return mark_safe("")  # noqa: S308
    html = markdown_lib.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    clean = nh3.clean(
        _demote_headings(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
