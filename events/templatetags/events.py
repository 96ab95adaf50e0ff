"""What other apps' pages show of events: ``{% event_cards city=city %}``, the calendar panel."""

from django import template

from core.cards import card_section

from ..models import CalendarFeedToken
from ..selectors import events_for

register = template.Library()


@register.inclusion_tag("includes/card_section.html", takes_context=True)
def event_cards(
    context, *, heading, section_id, city=None, theme=None, project=None, empty="", limit=6
):
    """A section of event cards; without ``empty`` text, nothing at all when there is none."""
    events = events_for(
        context["request"].user, city=city, theme=theme, project=project, limit=limit
    )
    return card_section(
        events,  # with their titles in the reader's language (selectors.card_queryset)
        card_template="includes/event_card.html",
        heading=heading,
        section_id=section_id,
        empty=empty,
    )


@register.inclusion_tag("events/includes/calendar_panel.html", takes_context=True)
def calendar_panel(context):
    """The signed-in person's private calendar address, to create or replace."""
    request = context["request"]
    return {
        "request": request,
        "calendar_token": CalendarFeedToken.objects.filter(user=request.user).first(),
        "csrf_token": context.get("csrf_token"),
    }
