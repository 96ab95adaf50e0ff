"""Absolute addresses for what leaves the portal (e-mails, calendars), from PORTAL_BASE_URL."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """``/en/projects/x/`` → ``https://portal.example.org/en/projects/x/``."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
