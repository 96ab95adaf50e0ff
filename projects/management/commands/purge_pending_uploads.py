from django.core.management.base import BaseCommand

from projects.pending import pending_uploads_purge


class Command(BaseCommand):
    help = (
        "Delete the files kept from project forms sent back with errors more than a day ago "
        "(celery beat does it every hour; or run this from cron)."
    )

    def handle(self, *args, **options):
        purged = pending_uploads_purge()
        if options["verbosity"]:
            self.stdout.write(f"{purged} pending uploads deleted")
