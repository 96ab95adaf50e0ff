"""Unique slugs for the addresses of projects, events and questions."""

from django.db import models
from django.utils.text import slugify


def unique_slug(
    model: type[models.Model],
    text: str,
    *,
    fallback: str,
    reserved: frozenset[str] = frozenset(),
    max_length: int = 200,
) -> str:
    """``slugify(text)``, made unique in ``model`` with -2, -3…; never one of ``reserved``
    (words the app's own URLs use, such as ``new``)."""
    base = slugify(text)[:max_length] or fallback
    slug, counter = base, 2
    while slug in reserved or model._default_manager.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug
