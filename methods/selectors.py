"""Reads for methods and tools: the list with its filters and counts, the detail page."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects

from accounts.models import User
from cities.rules import readable_by
from core.queries import count_of
from languages.models import Translation, reader_translations
from languages.tags import concept_index
from themes.models import Theme

from .models import Method

# Searched in the original and in its translations.
SEARCHED_FIELDS = ("title", "purpose")


def _uses():
    """The projects' accounts of using a method (``projects.ProjectMethod``), reached through
    the relation the floor above declares: ``methods`` never imports ``projects``."""
    return Method._meta.get_field("uses").related_model.objects


def readable_uses(user: User) -> QuerySet:
    """Uses by live projects that ``user`` may read."""
    return readable_by(
        _uses().filter(project__deleted_at__isnull=True), user, field="project__visibility"
    )


def visible_methods(user: User) -> QuerySet[Method]:
    return Method.objects.visible_to(user)


def filter_methods(methods: QuerySet[Method], filters: dict, user: User) -> QuerySet[Method]:
    """``methods`` narrowed by the list's filters; many-to-many ones as subqueries, so that no
    ``DISTINCT`` is needed."""
    if filters.get("kind"):
        methods = methods.filter(kind=filters["kind"])
    if filters.get("theme"):
        methods = methods.filter(
            pk__in=Method.themes.through.objects.filter(theme=filters["theme"]).values("method_id")
        )
    if filters.get("city"):
        # "Used in": a project of that city says it used the method.
        methods = methods.filter(
            pk__in=readable_uses(user).filter(project__city=filters["city"]).values("method_id")
        )
    if filters.get("tag"):
        # The tag and its translations: "espace-public" also finds "offentligt rum".
        slugs = concept_index().equivalent_slugs(filters["tag"])
        methods = methods.filter(pk__in=Method.objects.filter(tags__slug__in=slugs).values("pk"))
    if filters.get("q"):
        methods = methods.filter(_text_matches(filters["q"]))
    return methods


def _text_matches(query: str) -> Q:
    """The title or purpose holds ``query``, as written or in one of its translations."""
    condition = Q()
    for field in SEARCHED_FIELDS:
        condition |= Q(**{f"{field}__icontains": query})
    translated = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Method),
        field__in=SEARCHED_FIELDS,
        text__icontains=query,
    ).values("object_id")
    return condition | Q(pk__in=translated)


def card_queryset(methods: QuerySet[Method], user: User) -> QuerySet[Method]:
    """What a card shows: kind, title and purpose in the reader's language, themes, and how
    many projects ``user`` may read used it (a subquery for the cards shown), in a fixed number
    of queries."""
    return (
        methods.annotate(
            use_count=count_of(readable_uses(user).filter(method=OuterRef("pk")), "method")
        )
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
            reader_translations(),
        )
        .order_by("title", "pk")
    )


def method_for_detail(slug: str, user: User) -> Method | None:
    """The method with what its page shows, or None when ``user`` may not read it: who may not
    costs one query, the same as for an address that does not exist."""
    method = Method.objects.select_related("city", "author").filter(slug=slug).first()
    if method is None or not user.has_perm("methods.view_method", method):
        return None
    prefetch_related_objects(
        [method],
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
        "tags",
        "documents",
    )
    return method


def methods_readable_by(user: User) -> QuerySet[Method]:
    """Every method ``user`` may read, by title (the choices of "which method did you use")."""
    return visible_methods(user).order_by("title", "pk")
