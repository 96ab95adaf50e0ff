"""The Celery app: settings from Django's (CELERY_*), tasks from each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_portal.settings")

# DjangoTask gives every task delay_on_commit(): queued only once the transaction commits.
app = Celery("alliance_portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
