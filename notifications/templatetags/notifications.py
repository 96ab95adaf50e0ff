from django import template
from django.contrib.contenttypes.models import ContentType

from ..enums import FOLLOWABLE
from ..services import is_following

register = template.Library()
KIND_BY_MODEL = {value: key for key, value in FOLLOWABLE.items()}


@register.inclusion_tag("notifications/includes/follow_button.html", takes_context=True)
def follow_button(context, target):
    """A Follow / Unfollow button for a signed-in person (one query)."""
    request = context["request"]
    user = request.user
    model = ContentType.objects.get_for_model(target)
    return {
        "show": user.is_authenticated,
        "following": is_following(user=user, target=target),
        "kind": KIND_BY_MODEL[f"{model.app_label}.{model.model}"],
        "target": target,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
