"""What other apps' pages show of questions: ``{% question_cards city=city %}``."""

from django import template

from ..selectors import questions_for

register = template.Library()


@register.inclusion_tag("questions/includes/question_section.html", takes_context=True)
def question_cards(
    context, *, heading, section_id, city=None, theme=None, project=None, empty="", limit=6
):
    """A section of question cards; without ``empty`` text, nothing at all when there is none."""
    return {
        "questions": questions_for(
            context["request"].user, city=city, theme=theme, project=project, limit=limit
        ),
        "heading": heading,
        "section_id": section_id,
        "empty": empty,
    }
