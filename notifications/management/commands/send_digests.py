from django.conf import settings
from django.core.management.base import BaseCommand

from notifications.services import send_due_digests


class Command(BaseCommand):
    help = "Send the daily and weekly notification digests that are due (safe to run often)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "PORTAL_BASE_URL", "http://127.0.0.1:8000"),
            help="The portal's address, for the links in the e-mails.",
        )

    def handle(self, *args, base_url: str, **options):
        sent = send_due_digests(base_url=base_url)
        self.stdout.write(f"{sent} digest(s) sent.")
