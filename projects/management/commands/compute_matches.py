"""Fill the peer-match tables from scratch: after a bulk load, or a change of the glossary or of
the tag translations (what the task run on each project change does not follow)."""

import time

from django.core.management.base import BaseCommand

from projects.matching import compute_all_matches


class Command(BaseCommand):
    help = "Compute every project's and every city's peer matches in the other country."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = compute_all_matches()
        self.stdout.write(f"Peer matches of {count} projects in {time.monotonic() - started:.1f} s")
