"""Small helpers that build test data (factory_boy is not a dependency)."""

from .accounts import PASSWORD, make_user
from .cities import get_city, make_city, make_membership
from .images import image_bytes, image_upload
from .themes import make_theme

__all__ = [
    "PASSWORD",
    "get_city",
    "image_bytes",
    "image_upload",
    "make_city",
    "make_membership",
    "make_theme",
    "make_user",
]
