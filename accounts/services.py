"""Writes for people's profiles."""

from django.db import transaction

from core.pictures import PictureSize, reencode

from .models import User


def profile_update(*, user: User, form) -> User:
    """Save a validated ``ProfileForm``; a new avatar is resized and stripped of metadata."""
    with transaction.atomic():
        profile = form.save(commit=False)
        new_avatar = "avatar" in form.changed_data and form.cleaned_data.get("avatar")
        if new_avatar:
            old_name = User.objects.filter(pk=user.pk).values_list("avatar", flat=True).first()
            # Avatars stay PNG, as they always were: at this size a PNG is small and keeps
            # faces and logos sharp.
            content, extension = reencode(new_avatar, PictureSize.AVATAR, always_png=True)
            profile.avatar.save(f"avatar-{user.pk}.{extension}", content, save=False)
        profile.full_clean()
        profile.save()
        form.save_m2m()
        if new_avatar and old_name and old_name != profile.avatar.name:
            storage = profile.avatar.storage
            transaction.on_commit(lambda: storage.delete(old_name))
    return profile
