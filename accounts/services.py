"""Writes for people's profiles."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps

from .models import User

AVATAR_SIZE = 400


def _normalised_avatar(uploaded) -> ContentFile:
    """Re-encode the picture: square-ish thumbnail, no metadata (EXIF may hold a location)."""
    uploaded.seek(0)
    with Image.open(uploaded) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((AVATAR_SIZE, AVATAR_SIZE))
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        buffer = BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue())


def profile_update(*, user: User, form) -> User:
    """Save a validated ``ProfileForm``; a new avatar is resized and stripped of metadata."""
    with transaction.atomic():
        profile = form.save(commit=False)
        new_avatar = "avatar" in form.changed_data and form.cleaned_data.get("avatar")
        if new_avatar:
            old_name = User.objects.filter(pk=user.pk).values_list("avatar", flat=True).first()
            profile.avatar.save(f"avatar-{user.pk}.png", _normalised_avatar(new_avatar), save=False)
        profile.full_clean()
        profile.save()
        form.save_m2m()
        if new_avatar and old_name and old_name != profile.avatar.name:
            storage = profile.avatar.storage
            transaction.on_commit(lambda: storage.delete(old_name))
    return profile
