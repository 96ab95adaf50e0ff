from django.core.management.base import BaseCommand

from alliance_portal.retention import apply_retention


class Command(BaseCommand):
    help = "Erase the personal data that has outlived its retention period (safe to run often)."

    def handle(self, *args, **options):
        for step, count in apply_retention().items():
            self.stdout.write(f"{step}: {count}")
