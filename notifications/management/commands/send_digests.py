from django.core.management.base import BaseCommand

from notifications.emails import send_due_digests


class Command(BaseCommand):
    help = (
        "Send the daily and weekly notification digests that are due (safe to run often). "
        "Celery beat runs this every hour; cron can run this command instead."
    )

    def handle(self, *args, **options):
        sent = send_due_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
