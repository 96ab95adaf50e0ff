from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: what every app shares. Imports only Django and libraries."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import pagecache

        pagecache.connect()
