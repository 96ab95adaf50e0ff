"""Small helpers that build test data (factory_boy is not a dependency)."""

from .accounts import PASSWORD, make_user
from .cities import get_city, make_city, make_membership
from .images import image_bytes, image_upload
from .projects import (
    PDF_BYTES,
    bulk_projects,
    docx_bytes,
    formset_data,
    make_comment,
    make_document,
    make_project,
    odt_bytes,
    picture_bytes,
    picture_upload,
    png_claiming,
    project_edit_data,
    project_form_data,
    upload,
    xlsx_bytes,
    zip_bytes,
)
from .themes import make_theme

__all__ = [
    "PASSWORD",
    "PDF_BYTES",
    "bulk_projects",
    "docx_bytes",
    "formset_data",
    "get_city",
    "image_bytes",
    "image_upload",
    "make_city",
    "make_comment",
    "make_document",
    "make_membership",
    "make_project",
    "make_theme",
    "make_user",
    "odt_bytes",
    "picture_bytes",
    "picture_upload",
    "png_claiming",
    "project_edit_data",
    "project_form_data",
    "upload",
    "xlsx_bytes",
    "zip_bytes",
]
