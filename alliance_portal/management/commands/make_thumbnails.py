from django.core.management.base import BaseCommand

from core import pagecache
from core.pictures import thumbnails_backfill
from events.models import Event
from projects.models import Project


class Command(BaseCommand):
    help = (
        "Make the cards' thumbnail of every project and event cover that has none (covers "
        "uploaded before thumbnails existed). Safe to run again."
    )

    def handle(self, *args, **options):
        made = unreadable = 0
        for model in (Project, Event):
            done, failed = thumbnails_backfill(
                model.objects.all(), source="cover_image", thumbnail="cover_thumbnail"
            )
            made, unreadable = made + done, unreadable + failed
        if made:
            pagecache.content_changed()  # cached lists show the lighter pictures at once
        if options["verbosity"]:
            self.stdout.write(f"{made} thumbnails made, {unreadable} covers could not be read")
