import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header

# A project picture's name starts with this when the project is members-only.
PRIVATE_PREFIX = "private/"


@deconstructible
class LocalPrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT, never served by the web server: only through a view that
    checks who may read them. The default without object storage (settings: STORAGES)."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


_local_private_storage = LocalPrivateStorage()


@deconstructible
class PrivateStorage(Storage):
    """Members-only projects' documents and pictures, wherever STORAGES["private"] keeps them:
    PRIVATE_MEDIA_ROOT (LocalPrivateStorage), or a private bucket of S3-compatible object
    storage (settings: AWS_STORAGE_BUCKET_NAME), whose files are read only through short-lived
    signed addresses that the permission-checked views hand out (``signed_url``)."""

    @property
    def backend(self) -> Storage:
        if "private" in settings.STORAGES:
            return storages["private"]
        return _local_private_storage

    def signed_url(
        self, name: str, *, content_type: str = "", attachment: str | None = None
    ) -> str | None:
        """A short-lived address of the file in object storage, or None when the file is on
        this server's disk (the view then streams it). ``attachment``: the file name under which
        it downloads; ``content_type``: the type it is served as."""
        backend = self.backend
        if isinstance(backend, FileSystemStorage):
            return None
        parameters = {}
        if content_type:
            parameters["ResponseContentType"] = content_type
        if attachment is not None:
            parameters["ResponseContentDisposition"] = content_disposition(attachment)
        return backend.url(name, parameters=parameters)

    def _open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def _save(self, name, content):
        return self.backend.save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def delete(self, name):
        self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        return self.backend.size(name)

    def path(self, name):
        return self.backend.path(name)

    def url(self, name):
        raise ValueError("A private file has no public address: ask the view that checks.")

    def get_accessed_time(self, name):
        return self.backend.get_accessed_time(name)

    def get_created_time(self, name):
        return self.backend.get_created_time(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)


private_storage = PrivateStorage()


def content_disposition(filename: str) -> str:
    """``attachment; filename=…`` for any file name (RFC 6266: an ASCII fallback and the
    UTF-8 name), as Django's FileResponse writes it."""
    return content_disposition_header(as_attachment=True, filename=filename)


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
