from urllib.parse import quote

from django import template
from django.conf import settings
from django.http import QueryDict
from django.shortcuts import resolve_url

from core.links import safe_next
from core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (None or "" removes them)."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    if "page" not in changes:
        query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def sign_in_url(context) -> str:
    """The sign-in page, with ``next`` bringing the person back here when this path is safe."""
    request = context["request"]
    login = resolve_url(settings.LOGIN_URL)
    back = safe_next(request, "", url=request.path)
    return f"{login}?next={quote(back, safe='/')}" if back else login


@register.filter
def page_numbers(page):
    """The page numbers to link to: the first, the last and two on each side of ``page``, with
    None where numbers are left out (a list of thousands of pages costs no more than one of
    ten)."""
    ellipsis = page.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
