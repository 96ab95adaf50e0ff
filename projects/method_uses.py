"""Which methods and tools a project used, and how it went ("we used it in…").

Writes (``method_use_add``, ``method_use_edit``, ``method_use_remove``) are for approved members
of the project's city and coordinators (``projects.record_method_use``), of a method they may
read. Reads give the project page its methods and the method page its projects, each filtered to
what the reader may see. A use added or removed, however (a service, the admin, a method or a
project deleted with its uses), changes the project's peer matches: the receivers below queue
their recompute (``projects.matching``) on commit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import User
from cities.rules import approved_cities, is_moderator, readable_by, reads_members_content
from core.enums import Visibility
from languages.selectors import attach_translations
from methods.models import Method

from .models import Project, ProjectMethod
from .tasks import update_matches

ACCOUNT_MAX = 2000


def duplicate_message() -> str:
    return str(ProjectMethod._meta.constraints[0].violation_error_message)


# --- Writes ----------------------------------------------------------------------------------


def _check(user: User, project: Project, method: Method) -> None:
    if not user.has_perm("projects.record_method_use", project):
        raise PermissionDenied(
            _("Only members of the project's city can say which methods it used.")
        )
    if not user.has_perm("methods.view_method", method):
        raise PermissionDenied(_("You cannot read this method."))


def method_use_add(*, project: Project, method: Method, account: str, user: User) -> ProjectMethod:
    """Say that ``project`` used ``method``, and how it went. Once per project and method: a
    second time is a ValidationError that says so."""
    _check(user, project, method)
    use = ProjectMethod(project=project, method=method, account=account.strip(), added_by=user)
    use.full_clean()  # the project and method once: said before anything is written
    try:
        with transaction.atomic():
            use.save()
    except IntegrityError as error:  # recorded by someone else at the same moment
        raise ValidationError(duplicate_message(), code="duplicate") from error
    return use


def method_use_edit(*, use: ProjectMethod, account: str, user: User) -> ProjectMethod:
    """Change the account of how it went."""
    _check(user, use.project, use.method)
    use.account = account.strip()
    use.full_clean(exclude=["added_by"])  # a former member's use keeps no name
    use.save(update_fields=["account"])
    return use


def method_use_remove(*, use: ProjectMethod, user: User) -> None:
    """The project no longer says it used the method."""
    _check(user, use.project, use.method)
    use.delete()


@receiver(post_save, sender=ProjectMethod, dispatch_uid="projects.matches_after_method_use")
def _matches_after_use_added(sender, instance: ProjectMethod, created: bool, **kwargs) -> None:
    """A shared method counts in the peer matches: a new use changes the project's."""
    if created and not kwargs.get("raw"):
        update_matches.delay_on_commit(instance.project_id)


@receiver(post_delete, sender=ProjectMethod, dispatch_uid="projects.matches_after_method_unused")
def _matches_after_use_removed(sender, instance: ProjectMethod, **kwargs) -> None:
    update_matches.delay_on_commit(instance.project_id)


# --- Reads -----------------------------------------------------------------------------------


def _readable_method(user: User, method: Method) -> bool:
    """``methods.view_method`` without a query: public, or for who reads members' content."""
    return method.visibility == Visibility.PUBLIC or reads_members_content(user)


def uses_with_methods() -> Prefetch:
    """``project.method_uses`` with their methods, by title: what the project page and the
    peer matches read (one query, shared when both ask)."""
    return Prefetch(
        "method_uses",
        queryset=ProjectMethod.objects.select_related("method").order_by("method__title", "pk"),
    )


def project_uses(project: Project, user: User) -> list[ProjectMethod]:
    """The methods ``project`` used that ``user`` may read, each with its title in the
    reader's language (two queries, none more when the matches read them already)."""
    prefetch_related_objects([project], uses_with_methods())
    uses = [use for use in project.method_uses.all() if _readable_method(user, use.method)]
    methods = [use.method for use in uses if "shown" not in use.method.__dict__]
    if methods:
        attach_translations(methods, get_language())
    return uses


def method_project_uses(method: Method, user: User) -> list[ProjectMethod]:
    """The live projects that used ``method`` and that ``user`` may read, newest use first,
    with their city and their title in the reader's language (two queries)."""
    uses = list(
        readable_by(
            ProjectMethod.objects.filter(method=method, project__deleted_at__isnull=True),
            user,
            field="project__visibility",
        )
        .select_related("project__city")
        .order_by("-created_at", "-pk")
    )
    if uses:
        attach_translations([use.project for use in uses], get_language())
    return uses


def recordable_projects(user: User) -> QuerySet[Project]:
    """The live projects whose uses of methods ``user`` may record: those of their cities, or
    any for coordinators."""
    projects = Project.objects.alive().select_related("city")
    if not is_moderator(user):
        projects = projects.filter(city__in=list(approved_cities(user)))
    return projects.order_by("city__name", "title", "pk")


def can_record_somewhere(user: User) -> bool:
    """Whether ``user`` has a project to say "we used it in…" of (one query at most)."""
    if not user.is_authenticated:
        return False
    if not is_moderator(user) and not approved_cities(user):
        return False
    return recordable_projects(user).exists()
