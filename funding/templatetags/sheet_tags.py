"""The call page's partner sheet form: ``{% sheet_links call %}``."""

from django import template
from django.utils.translation import get_language

from core.enums import ContentLanguage

from ..sheets import SheetRequestForm, may_make_sheets, sheet_cities

register = template.Library()


@register.inclusion_tag("funding/includes/sheet_links.html", takes_context=True)
def sheet_links(context, call):
    """For who may make a partner sheet for at least one city: which city (theirs), which
    language (the page's by default), and the button. Nothing for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not may_make_sheets(user):
        return {"form": None}
    language = (get_language() or "").split("-")[0]
    form = SheetRequestForm(
        cities=sheet_cities(user),
        initial={
            "language": language if language in ContentLanguage.values else ContentLanguage.ENGLISH
        },
    )
    return {"form": form, "call": call, "csrf_token": context.get("csrf_token")}
