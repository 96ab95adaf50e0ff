"""What projects do when a lower floor says something happened."""

from django.dispatch import receiver

from languages.signals import translation_saved

from .models import Project
from .search import index_project


@receiver(translation_saved, sender=Project, dispatch_uid="projects.reindex_translated_project")
def reindex_translated_project(sender, instance: Project, **kwargs) -> None:
    """A translation is searched in its own language as soon as it is saved."""
    index_project(instance)
