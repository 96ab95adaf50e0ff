"""What other apps' pages show of cities and memberships."""

from django import template

from ..selectors import coordinated_cities, user_memberships

register = template.Library()


@register.inclusion_tag("cities/includes/profile_memberships.html", takes_context=True)
def profile_memberships(context):
    """The signed-in person's cities and requests, and the cities whose requests they review."""
    user = context["request"].user
    return {
        "memberships": user_memberships(user),
        "coordinated_cities": coordinated_cities(user),
    }
