"""What pages show of the methods projects used: ``{% project_methods project %}`` on a
project's page, ``{% method_uses method %}`` (the projects and cities that used it) on a
method's page, whose app sits below ``projects`` and asks through this tag."""

from django import template

from .. import method_uses as uses

register = template.Library()


@register.inclusion_tag("methods/includes/project_methods.html", takes_context=True)
def project_methods(context, project):
    """“Methods and tools used”: the methods ``project`` used that the reader may read, with
    how it went, and for who may, the links to say more."""
    user = context["request"].user
    return {
        "request": context["request"],
        "project": project,
        "uses": uses.project_uses(project, user),
        "can_record": user.has_perm("projects.record_method_use", project),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.inclusion_tag("methods/includes/method_uses.html", takes_context=True)
def method_uses(context, method):
    """“Used in”: the projects the reader may read that used ``method``, with their city and
    how it went; the cities that used it; and "We used it in…" for members of a city with
    projects."""
    user = context["request"].user
    found = uses.method_project_uses(method, user)
    cities = {}
    for use in found:
        cities.setdefault(use.project.city_id, use.project.city)
    for use in found:
        use.can_change = user.has_perm("projects.record_method_use", use.project)
    return {
        "request": context["request"],
        "method": method,
        "uses": found,
        "cities": sorted(cities.values(), key=lambda city: city.display_name),
        "can_record": uses.can_record_somewhere(user),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
