"""Absolute addresses for what leaves the portal (e-mails, calendars), from PORTAL_BASE_URL;
the one check of a ``next`` address."""

import unicodedata

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def absolute_url(path: str) -> str:
    """``/en/projects/x/`` → ``https://portal.example.org/en/projects/x/``."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def safe_next(request, default: str, *, url: str | None = None) -> str:
    """Where to send someone next: ``url`` (by default the request's ``next`` parameter) when it
    is a path on this site, else ``default``. Call it before writing anything, so that a bad
    ``next`` never stops an action half-way.

    Refused: other sites (``https://evil``, ``//evil``, ``/\\evil``), other schemes
    (``javascript:``), relative paths and control characters.
    """
    if url is None:
        url = request.POST.get("next") or request.GET.get("next") or ""
    if (
        url.startswith("/")
        and not any(unicodedata.category(character).startswith("C") for character in url)
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return default
