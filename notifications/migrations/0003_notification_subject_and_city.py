"""Notifications know what their title is of (to show its translation) and the city they
happened in (to name it in the reader's language). Older notifications that named a member city
as their context now point to the city instead."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def point_to_cities(apps, schema_editor):
    City = apps.get_model("cities", "City")
    Notification = apps.get_model("notifications", "Notification")
    for city in City.objects.all():
        names = {city.name, city.local_name, city.name_fr, city.name_sv} - {""}
        Notification.objects.filter(city__isnull=True, context__in=names).update(
            city=city, context=""
        )


def name_cities(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    for notification in Notification.objects.filter(city__isnull=False, context="").select_related(
        "city"
    ):
        notification.context = notification.city.name
        notification.save(update_fields=["context"])


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0004_member_city_names_fr_sv"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("notifications", "0002_content_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="city",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="cities.city",
                verbose_name="city",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="subject_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="notification",
            name="subject_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("subject_id__isnull", True), ("subject_type__isnull", True)),
                    models.Q(("subject_id__isnull", False), ("subject_type__isnull", False)),
                    _connector="OR",
                ),
                name="notification_subject_whole",
            ),
        ),
        migrations.RunPython(point_to_cities, name_cities),
    ]
