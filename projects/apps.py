from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        # Connects the search to saved translations; a method use changes the peer matches.
        from . import method_uses, receivers  # noqa: F401
