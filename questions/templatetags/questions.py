"""What other apps' pages show of questions: ``{% question_cards city=city %}``."""

from django import template

from core.cards import card_section

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
        questions,  # with their titles in the reader's language (selectors.card_queryset)
        card_template="includes/question_card.html",
        heading=heading,
        section_id=section_id,
        empty=empty,
        list_class="card-list",
    )
