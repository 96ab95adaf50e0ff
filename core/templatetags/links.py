from django import template

from core.links import absolute_url

register = template.Library()


@register.filter(name="absolute")
def absolute_filter(path) -> str:
    """``{{ event.get_absolute_url|absolute }}``: the full address, for e-mails."""
    return absolute_url(str(path))
