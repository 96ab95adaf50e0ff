"""What other apps' pages show of projects: ``{% project_cards city=city %}``."""

import rules
from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from core.cards import card_section

from ..moderation_selectors import open_report_count
from ..selectors import projects_for

register = template.Library()


@register.inclusion_tag("includes/card_section.html", takes_context=True)
def project_cards(context, *, heading, section_id, city=None, theme=None, limit=12):
    """A section of project cards for a city or a theme, with a link to the filtered list."""
    query = f"city={city.slug}" if city is not None else f"theme={theme.slug}"
    return card_section(
        projects_for(context["request"].user, city=city, theme=theme, limit=limit),
        card_template="includes/project_card.html",
        heading=heading,
        section_id=section_id,
        empty=_("No projects have been shared yet."),
        more_url=f"{reverse('projects:list')}?{query}",
        more_text=_("All these projects, with filters"),
    )


@register.inclusion_tag("projects/includes/moderation_link.html", takes_context=True)
def moderation_link(context):
    """For those who moderate comments (the profile page): the moderation page and how many
    reports wait there. Nothing, and no count, for anyone else."""
    user = context["request"].user
    # The rule alone (no model permission grants it): no query for the model permissions.
    if not rules.has_perm("projects.moderate", user):
        return {"can_moderate": False}
    return {"can_moderate": True, "open_count": open_report_count(user)}
