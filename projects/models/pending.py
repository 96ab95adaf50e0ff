import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage


def pending_path(instance, filename: str) -> str:
    # No extension: nothing on the way takes the bytes for what the name says before the form
    # judges them again.
    return f"pending/{uuid.uuid4().hex}"


class PendingUpload(models.Model):
    """A file chosen on the project form when the form came back with errors: kept, privately,
    for the session that chose it, so that nobody has to choose it again (WCAG 3.3.7).

    The next submission that names it (its ``token``) uses it as if it were uploaded again, and
    judges it again; once saved, or after a day (``pending_uploads_purge``), it is deleted.
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session_key = models.CharField(_("session"), max_length=40)
    field = models.CharField(_("field"), max_length=100)  # the input's name: documents-0-file
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    file = models.FileField(
        _("file"), upload_to=pending_path, storage=private_storage, max_length=255
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("pending upload")
        verbose_name_plural = _("pending uploads")
        constraints = [
            # One file per input and session: choosing another replaces it.
            models.UniqueConstraint(
                fields=["session_key", "field"], name="pending_upload_one_per_field"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name
