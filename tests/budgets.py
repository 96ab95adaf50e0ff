"""Helpers for the exact query counts of the page tests."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType


def warm_content_types() -> None:
    """Read every content type into the process-wide cache, which lasts as long as the process
    (a transactional test's flush empties it): a budget then counts what every request but a
    process's first costs, the same whatever test ran before on the same worker."""
    ContentType.objects.get_for_models(*apps.get_models())
