"""What other pages show of interest and partner searches: the call page's network section
(``{% call_partners call %}``) and the searches about a project or posted by a city
(``{% partner_searches project=project %}``, ``{% partner_searches city=city %}``).

All of it is for the network's members: a visitor gets an invitation to sign in on the call
page and nothing elsewhere, and costs no query.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from cities.rules import approved_cities

from ..consortium import suggest
from ..enums import InterestLevel
from ..partner_forms import InterestForm, hide_single_city
from ..partner_selectors import interests_for, searches_for
from ..partners import call_is_closed

register = template.Library()
CALL_SEARCHES = 10
SEARCHES = 6


def _with_query(name: str, **query) -> str:
    query = {key: value for key, value in query.items() if value}
    url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


@register.inclusion_tag("funding/includes/call_partners.html", takes_context=True)
def call_partners(context, call):
    """The cities interested in ``call`` by level with their projects, the open partner
    searches for it, the suggested consortium and the reader's city's interest form; for
    visitors, an invitation to sign in. A fixed number of queries whatever the data."""
    request = context["request"]
    user = request.user
    shown = {"call": call, "request": request, "csrf_token": context.get("csrf_token")}
    if not user.has_perm("funding.view_partners"):
        return {**shown, "show": False}
    closed = call_is_closed(call)
    interests = interests_for(call)
    suggestions = suggest(call, user=user, interests=interests)  # titles attached there
    own = approved_cities(user)
    form = None
    if own and not closed:
        mine = next((interest for interest in interests if interest.city_id in own), None)
        initial = {"level": "", "projects": [], "note": ""}
        if mine is not None:
            initial = {
                "city": mine.city_id,
                "level": mine.level,
                "projects": [project.pk for project in mine.projects.all()],
                "note": mine.note,
            }
        form = InterestForm(user=user, initial=initial, auto_id="interest-%s")
        hide_single_city(form, own)
    return {
        **shown,
        "show": True,
        "closed": closed,
        "levels": [
            (value, label, [interest for interest in interests if interest.level == value])
            for value, label in InterestLevel.choices
        ],
        "interest_count": len(interests),
        "searches": searches_for(call=call, limit=CALL_SEARCHES),
        "all_searches_url": _with_query("partners:list", call=call.slug),
        "new_url": _with_query("partners:new", call=call.slug) if own and not closed else "",
        "suggestions": suggestions,
        "interest_form": form,
    }


@register.inclusion_tag("funding/includes/partner_searches.html", takes_context=True)
def partner_searches(context, *, project=None, city=None, limit=SEARCHES):
    """The open searches about ``project`` or posted by ``city``, as a section of cards, with
    a link to look for partners for the reader's own city; nothing for visitors, nor when
    there is nothing to show."""
    user = context["request"].user
    if not user.has_perm("funding.view_partners"):
        return {"show": False}
    searches = searches_for(project=project, city=city, limit=limit)
    own_city = (project.city_id if project is not None else city.pk) in approved_cities(user)
    return {
        "show": bool(searches) or own_city,
        "searches": searches,
        "project": project,
        "city": city,
        "section_id": "project-partners" if project is not None else "city-partners",
        "new_url": _with_query("partners:new", project=project.slug if project else "")
        if own_city
        else "",
        "more_url": _with_query("partners:list", city=city.slug) if city is not None else "",
    }
