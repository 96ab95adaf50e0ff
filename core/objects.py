"""Fetching an object for a view: hide it from those who may not know it exists."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404


def get_object_for(
    user, queryset: models.QuerySet, *, view: str, act: str | None = None, **lookup
) -> models.Model:
    """The object, or 404 for who may not see it, or 403 for who sees it but may not ``act``.

    ``view`` and ``act`` are permission names checked against the object (django-rules).
    """
    obj = get_object_or_404(queryset, **lookup)
    if not user.has_perm(view, obj):
        raise Http404
    if act is not None and act != view and not user.has_perm(act, obj):
        raise PermissionDenied
    return obj
