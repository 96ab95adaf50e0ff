"""What projects do when a lower floor says something happened."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from languages.signals import translation_saved

from .models import Project
from .search import index_project
from .summaries import queue_refresh


@receiver(translation_saved, sender=Project, dispatch_uid="projects.reindex_translated_project")
def reindex_translated_project(sender, instance: Project, **kwargs) -> None:
    """A translation is searched in its own language as soon as it is saved."""
    index_project(instance)


@receiver(post_save, sender=Project, dispatch_uid="projects.summaries_after_save")
@receiver(post_delete, sender=Project, dispatch_uid="projects.summaries_after_delete")
def count_the_list_again(sender, **kwargs) -> None:
    """A project created, edited, deleted or restored: the list's counts are made again."""
    queue_refresh()
