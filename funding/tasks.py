"""Work on funding calls done off the request: the partner sheets."""

from celery import shared_task

# sheets queues this module's task and this task calls sheets: each reads the other's names
# only when called, once both modules are loaded.
from . import sheets
from .models import PartnerSheet


@shared_task
def make_partner_sheet(sheet_id: int) -> None:
    """Render a partner sheet asked for by a member (``funding.sheets.sheet_make``)."""
    sheet = (
        PartnerSheet.objects.select_related("call", "city")
        .filter(pk=sheet_id, ready_at__isnull=True)
        .first()
    )
    if sheet is None:
        return  # deleted in the meantime, or already made
    sheets.sheet_make(sheet)
