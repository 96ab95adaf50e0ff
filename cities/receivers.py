"""What cities does when another part of Django says something happened."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import User

from .enums import ActivityKind
from .services import activity_record


@receiver(post_save, sender=LogEntry, dispatch_uid="cities.record_admin_edit")
def record_admin_edit(sender, instance: LogEntry, created: bool, raw: bool = False, **kwargs):
    """Every addition, change and deletion in the Django admin goes into the activity log too,
    in the admin's transaction. (Django writes the entries of a bulk deletion with
    ``bulk_create``, which sends no signal: ``cities.admin`` records those.)"""
    if not created or raw:
        return
    content_type = (
        ContentType.objects.get_for_id(instance.content_type_id)
        if instance.content_type_id
        else None
    )
    activity_record(
        kind=ActivityKind.ADMIN_EDIT,
        actor=User.objects.filter(pk=instance.user_id).first(),
        target_type=f"{content_type.app_label}.{content_type.model}" if content_type else "",
        target_id=instance.object_id or "",
        target_label=instance.object_repr,
        reason=instance.get_change_message() or str(instance.get_action_flag_display()),
    )
