from django.core.management.base import BaseCommand

from projects.models import ListSummary
from projects.summaries import refresh


class Command(BaseCommand):
    help = (
        "Count the project list's projects and facets again, for visitors and members (done "
        "by a task after every change; run it once after migrating or importing in bulk)."
    )

    def handle(self, *args, **options):
        refresh()
        if not options["verbosity"]:
            return
        for summary in ListSummary.objects.order_by("scope"):
            self.stdout.write(f"{summary.scope}: {summary.total} projects")
