"""``{% with shown=tag|tag_name:project.content_language %}``: a tag's name in the reader's
language when its concept has one, with the language of the name shown (``shown.lang``)."""

from django import template

from languages.tags import ShownTag, shown_tag

register = template.Library()


@register.filter
def tag_name(tag, fallback_language: str = "") -> ShownTag:
    """``fallback_language``: the language of a name no concept knows (the project's)."""
    return shown_tag(getattr(tag, "name", str(tag)), fallback_language=fallback_language or "")
