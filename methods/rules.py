"""Who may do what with methods and tools (the permission table of docs/architecture.md)."""

import rules

from cities.models import City
from cities.rules import (
    is_approved_member,
    is_city_coordinator,
    is_moderator,
    reads_members_content,
)
from core.enums import Visibility


@rules.predicate
def is_public_method(user, method) -> bool:
    return method is not None and method.visibility == Visibility.PUBLIC


@rules.predicate
def is_method_author(user, method) -> bool:
    return method is not None and user.is_authenticated and method.author_id == user.pk


@rules.predicate
def is_method_city_coordinator(user, method) -> bool:
    """A coordinator of the city that wrote the method up."""
    return (
        method is not None
        and method.city_id is not None
        and is_city_coordinator(user, City(pk=method.city_id))
    )


can_view_method = is_public_method | reads_members_content

rules.add_perm("methods.view_method", can_view_method)
# A library the network writes together: any approved member adds and improves a method,
# like a wiki; revisions keep every earlier version.
rules.add_perm("methods.add_method", is_approved_member | is_moderator)
rules.add_perm("methods.change_method", (is_approved_member & can_view_method) | is_moderator)
# Coordinators: the network's, and the coordinators of the city that wrote it up.
rules.add_perm(
    "methods.delete_method", is_method_author | is_moderator | is_method_city_coordinator
)
