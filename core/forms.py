"""What several apps' forms share."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .pictures import check_picture

# The checkbox beside a file input that names the file kept from an earlier try of the form
# (``keep-<input name>``, its value the kept file's token): see projects.pending.
KEEP_UPLOAD_PREFIX = "keep-"


class CoverPictureMixin:
    """For a ModelForm with ``cover_image`` and ``cover_alt`` (projects, events, and their
    admin forms): a new cover must be a real picture within the limits, and it needs a text
    alternative."""

    cover_missing_alt = _("Describe the cover image for people who cannot see it.")

    def clean_cover_image(self):
        image = self.cleaned_data.get("cover_image")
        if image and image != self.instance.cover_image and hasattr(image, "content_type"):
            check_picture(image, max_bytes=settings.PROJECT_IMAGE_MAX_BYTES)
        return image

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cover_image") and not cleaned.get("cover_alt", "").strip():
            self.add_error("cover_alt", self.cover_missing_alt)
        return cleaned
