"""What other apps' pages show of questions: ``{% question_cards city=city %}``."""

from django import template
from django.utils.translation import get_language

from core.cards import card_section
from languages.selectors import attach_translations

from ..selectors import questions_for

register = template.Library()


@register.inclusion_tag("includes/card_section.html", takes_context=True)
def question_cards(
    context, *, heading, section_id, city=None, theme=None, project=None, empty="", limit=6
):
    """A section of question cards; without ``empty`` text, nothing at all when there is none."""
    questions = questions_for(
        context["request"].user, city=city, theme=theme, project=project, limit=limit
    )
    return card_section(
        # The titles in the reader's language: one query, none when there is no question.
        attach_translations(questions, get_language()),
        card_template="includes/question_card.html",
        heading=heading,
        section_id=section_id,
        empty=empty,
        list_class="card-list",
    )
