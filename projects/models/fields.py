"""The field of a project's pictures, wherever its project's visibility puts them."""

from pathlib import PurePosixPath

from django.db import models
from django.db.models.fields.files import ImageFieldFile

from ..storage import is_private_name, picture_storage


class ProjectPictureFieldFile(ImageFieldFile):
    @property
    def url(self) -> str:
        """The address templates and widgets show, wherever the file lives: /media/ for a public
        project, the permission-checked view for a members-only one."""
        self._require_file()
        if not is_private_name(self.name):
            return super().url
        # The name changes with every new picture, so browsers may keep each one long.
        version = PurePosixPath(self.name).stem[:12]
        return f"{self.instance.private_picture_url(self.field.name)}?v={version}"


class ProjectPictureField(models.ImageField):
    attr_class = ProjectPictureFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", picture_storage)
        super().__init__(*args, **kwargs)
