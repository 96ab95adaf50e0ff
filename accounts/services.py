"""Writes for people's profiles."""

from collections.abc import Iterable

from django.db import transaction

from core.pictures import PictureSize, reencode

from .models import User


def profile_update(
    *,
    user: User,
    full_name: str,
    job_title: str = "",
    job_title_language: str | None = None,
    organisation: str = "",
    languages_spoken: list[str] | None = None,
    expertise: Iterable = (),
    in_directory: bool = False,
    preferred_language: str | None = None,
    notification_frequency: str | None = None,
    report_emails: str | None = None,
    avatar=None,
) -> User:
    """Save a person's profile. ``avatar``: a new upload (checked by the form), kept resized
    and stripped of metadata; False to remove it; None to keep it."""
    with transaction.atomic():
        old_name = User.objects.filter(pk=user.pk).values_list("avatar", flat=True).first()
        user.full_name = full_name.strip()
        user.job_title = job_title.strip()
        user.job_title_language = job_title_language or user.job_title_language
        user.organisation = organisation.strip()
        user.languages_spoken = list(languages_spoken or [])
        user.in_directory = in_directory
        user.preferred_language = preferred_language or user.preferred_language
        user.notification_frequency = notification_frequency or user.notification_frequency
        user.report_emails = report_emails or user.report_emails
        if avatar is False:
            user.avatar = ""
        elif avatar is not None and hasattr(avatar, "content_type"):
            # Avatars stay PNG, as they always were: at this size a PNG is small and keeps
            # faces and logos sharp.
            content, extension = reencode(avatar, PictureSize.AVATAR, always_png=True)
            user.avatar.save(f"avatar-{user.pk}.{extension}", content, save=False)
        else:
            user.avatar = old_name or ""
        user.full_clean()
        user.save()
        user.expertise.set(expertise)
        if old_name and old_name != user.avatar.name:
            storage = user.avatar.storage
            transaction.on_commit(lambda: storage.delete(old_name))
    return user
