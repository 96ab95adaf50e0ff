"""What other apps' pages show of projects: ``{% project_cards city=city %}``."""

from django import template

from ..selectors import projects_for

register = template.Library()


@register.inclusion_tag("projects/includes/project_section.html", takes_context=True)
def project_cards(context, *, heading, section_id, city=None, theme=None, limit=12):
    """A section of project cards for a city or a theme, with a link to the filtered list."""
    return {
        "projects": projects_for(context["request"].user, city=city, theme=theme, limit=limit),
        "heading": heading,
        "section_id": section_id,
        "filter": f"city={city.slug}" if city is not None else f"theme={theme.slug}",
    }
