import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.utils.deconstruct import deconstructible

# A project picture's name starts with this when the project is members-only.
PRIVATE_PREFIX = "private/"


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT, never served by the web server: only through a view that
    checks who may read them (members-only projects' documents and pictures)."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def is_private_name(name: str) -> bool:
    return name.startswith(PRIVATE_PREFIX)


def name_for(name: str, *, private: bool) -> str:
    """``name`` as it is called in the private storage, or in the public one."""
    public_name = name.removeprefix(PRIVATE_PREFIX)
    return PRIVATE_PREFIX + public_name if private else public_name


@deconstructible
class PictureStorage(Storage):
    """Project pictures follow their project's visibility: a public project's are in MEDIA_ROOT,
    served at /media/; a members-only project's in PRIVATE_MEDIA_ROOT, served only through the
    permission-checked picture view. The name says which (``PRIVATE_PREFIX``), so one field
    holds either."""

    def _route(self, name: str) -> tuple[Storage, str]:
        if is_private_name(name):
            return private_storage, name.removeprefix(PRIVATE_PREFIX)
        return default_storage, name

    def _open(self, name, mode="rb"):
        storage, inner = self._route(name)
        return storage.open(inner, mode)

    def _save(self, name, content):
        storage, inner = self._route(name)
        return name_for(storage.save(inner, content), private=is_private_name(name))

    def delete(self, name):
        storage, inner = self._route(name)
        storage.delete(inner)

    def exists(self, name):
        storage, inner = self._route(name)
        return storage.exists(inner)

    def listdir(self, path):
        storage, inner = self._route(path)
        return storage.listdir(inner)

    def size(self, name):
        storage, inner = self._route(name)
        return storage.size(inner)

    def path(self, name):
        storage, inner = self._route(name)
        return storage.path(inner)

    def url(self, name):
        if is_private_name(name):
            # The field's file knows its project and asks the view's address (models.fields).
            raise ValueError("A members-only project's picture has no public address.")
        return default_storage.url(name)

    def get_accessed_time(self, name):
        storage, inner = self._route(name)
        return storage.get_accessed_time(inner)

    def get_created_time(self, name):
        storage, inner = self._route(name)
        return storage.get_created_time(inner)

    def get_modified_time(self, name):
        storage, inner = self._route(name)
        return storage.get_modified_time(inner)


picture_storage = PictureStorage()
