"""The migration points older notifications that named a member city to the city, so that they
name it in the reader's language; the other contexts stay as they were."""

import importlib

import pytest
from django.apps import apps

from notifications.models import Notification
from tests.factories import get_city, make_notification

pytestmark = pytest.mark.django_db

migration = importlib.import_module("notifications.migrations.0003_notification_subject_and_city")


def test_migration_points_city_contexts_to_their_city_and_back(member):
    english = make_notification(recipient=member, context="Gothenburg")
    local = make_notification(recipient=member, context="Göteborg")
    kind = make_notification(recipient=member, context="Webinar")

    migration.point_to_cities(apps, None)

    stored = {n.pk: (n.city, n.context) for n in Notification.objects.select_related("city")}
    assert stored == {
        english.pk: (get_city("gothenburg"), ""),
        local.pk: (get_city("gothenburg"), ""),
        kind.pk: (None, "Webinar"),
    }

    migration.name_cities(apps, None)

    assert dict(Notification.objects.values_list("pk", "context")) == {
        english.pk: "Gothenburg",
        local.pk: "Gothenburg",
        kind.pk: "Webinar",
    }
