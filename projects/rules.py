"""Who may do what with projects and comments (the permission table of docs/architecture.md)."""

import rules

from cities.enums import MembershipRole
from cities.models import City
from cities.rules import (
    approved_cities,
    is_approved_member,
    is_city_coordinator,
    is_city_member,
    is_moderator,
    is_staff,
    reads_members_content,
)
from core.enums import Visibility


@rules.predicate
def is_public_project(user, project) -> bool:
    return project is not None and project.visibility == Visibility.PUBLIC


@rules.predicate
def is_alive_project(user, project) -> bool:
    return project is not None and project.deleted_at is None


@rules.predicate
def is_project_city_member(user, project) -> bool:
    return project is not None and is_city_member(user, project.city)


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def is_live_comment(user, comment) -> bool:
    return comment is not None and not comment.is_deleted and not comment.is_hidden


def coordinated_city_ids(user) -> list[int]:
    """The cities whose comments ``user`` moderates as their city coordinator (their role
    counting: with a second factor where one is required)."""
    return [
        city_id
        for city_id, role in approved_cities(user).items()
        if role == MembershipRole.COORDINATOR and is_city_coordinator(user, City(pk=city_id))
    ]


@rules.predicate
def is_any_city_coordinator(user) -> bool:
    return bool(coordinated_city_ids(user))


@rules.predicate
def is_project_city_coordinator(user, project) -> bool:
    return project is not None and is_city_coordinator(user, City(pk=project.city_id))


@rules.predicate
def is_comment_city_coordinator(user, comment) -> bool:
    return comment is not None and is_project_city_coordinator(user, comment.project)


@rules.predicate
def is_report_city_coordinator(user, report) -> bool:
    return report is not None and is_comment_city_coordinator(user, report.comment)


# Staff also see deleted projects, so that they can undo the deletion.
can_view_project = is_staff | (is_alive_project & (is_public_project | reads_members_content))
# Authorship gives no right of its own: an author edits while an approved member of the project's
# city, like every member of it, and no longer once that membership ends (they stay credited).
can_edit_project = is_alive_project & (is_project_city_member | is_moderator)

rules.add_perm("projects.view_project", can_view_project)
# The object of add_project is the city the project is for (None: for any city of theirs).
rules.add_perm("projects.add_project", is_approved_member | is_moderator)
rules.add_perm("projects.add_project_for_city", is_city_member | is_moderator)
rules.add_perm("projects.change_project", can_edit_project)
rules.add_perm("projects.delete_project", can_edit_project)
rules.add_perm("projects.undelete_project", is_staff)
# "We used it in…": the object is the project that used a method (projects/method_uses.py).
rules.add_perm("projects.record_method_use", can_edit_project)
rules.add_perm("projects.comment_project", is_alive_project & is_approved_member)
rules.add_perm("projects.change_comment", is_comment_author & is_live_comment)
rules.add_perm("projects.delete_comment", is_comment_author & is_live_comment)
# Comments are read by approved members (and the moderators), like members-only content.
rules.add_perm("projects.read_comments", reads_members_content)
# Nobody reports their own words, nor what is already hidden or deleted.
rules.add_perm(
    "projects.report_comment",
    rules.is_authenticated & ~is_comment_author & is_live_comment & reads_members_content,
)
# Moderation: the network coordinators and staff everywhere, a city coordinator on the
# comments of their city's projects. The object of moderate_comments is a project (its
# page's hide forms), of the three actions a comment, of dismiss_report a report.
rules.add_perm("projects.moderate", is_moderator | is_any_city_coordinator)
rules.add_perm("projects.moderate_comments", is_moderator | is_project_city_coordinator)
rules.add_perm("projects.hide_comment", is_moderator | is_comment_city_coordinator)
rules.add_perm("projects.restore_comment", is_moderator | is_comment_city_coordinator)
rules.add_perm("projects.dismiss_report", is_moderator | is_report_city_coordinator)
# The author of a hidden comment may ask the moderators to look at it again.
rules.add_perm("projects.request_review", is_comment_author)
