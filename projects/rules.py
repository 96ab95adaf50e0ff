"""Who may do what with projects and comments (the permission table of docs/architecture.md)."""

import rules

from cities.rules import (
    is_approved_member,
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
rules.add_perm("projects.comment_project", is_alive_project & is_approved_member)
rules.add_perm("projects.change_comment", is_comment_author & is_live_comment)
rules.add_perm("projects.delete_comment", is_comment_author & is_live_comment)
rules.add_perm("projects.hide_comment", is_moderator)
# Comments are read by approved members (and the moderators), like members-only content.
rules.add_perm("projects.read_comments", reads_members_content)
rules.add_perm("projects.report_comment", rules.is_authenticated)
