"""Whole pages for signed-out visitors, from the cache.

A visitor without a session cookie sees what every other visitor sees, in the language of the
address (/fr/, /sv/, /en/): such a page, once rendered, is kept in the cache and served again
without a query. Three rules keep it right:

- **Only visitors' pages.** A page is looked up and stored only for a request that carries no
  session cookie and no pending messages, so it was rendered for an anonymous user: nothing a
  member sees can enter the cache, and members never get a visitor's page. Only views marked
  with ``@public_page`` are stored, and only a 200 that sets no cookie and is not private.
- **Invalidated when content changes.** Keys carry a *generation*, a number in the cache bumped
  after the commit of any write to the content apps (``PAGE_CACHE_APPS``: a new, edited or
  deleted project, comment, event, registration, question, translation, city…), so that every
  page shows the change at once. A page rendered from the data before a change is stored under
  the generation read before it was rendered, so it is never served after the change.
- **Bounded in time.** ``PAGE_CACHE_SECONDS`` (0: off) also bounds what depends on the clock
  ("next events").

The cache is the shared one (Redis in production), so every app server sees the same pages and
the same generation.
"""

import hashlib
import time
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

GENERATION_KEY = "pages:generation"
# Saves that change nothing a page shows (a sign-in stamps last_login).
QUIET_FIELDS = {"last_login", "unread_notifications"}
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary")


def public_page(view):
    """Mark ``view`` as one whose signed-out version may be served from the cache."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page = True
        return response

    return wrapped


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def bump() -> None:
    """Every cached page is out of date from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted, or never read): any new value will do
        cache.set(GENERATION_KEY, time.time_ns(), None)


def content_changed() -> None:
    """Call after a write the signals do not see (``QuerySet.update``): pages are renewed once
    the transaction commits."""
    if enabled():
        transaction.on_commit(bump)


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _on_write(sender, **kwargs) -> None:
    if not enabled():
        return
    fields = kwargs.get("update_fields")
    if fields and set(fields) <= QUIET_FIELDS:
        return
    content_changed()


def connect() -> None:
    """Listen to the writes of the content apps' models (core's AppConfig.ready). Saves and
    deletes only: a many-to-many change goes with a save of its object, and a listener of
    ``m2m_changed`` (or one for every model) would cost Django's fast paths a query."""
    for model in apps.get_models():
        if model._meta.app_label in settings.PAGE_CACHE_APPS:
            post_save.connect(_on_write, sender=model, dispatch_uid="pagecache-save")
            post_delete.connect(_on_write, sender=model, dispatch_uid="pagecache-delete")


def _visitor_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return request.path.startswith(prefixes)


def _key(request, number: int) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pages:{number}:{digest}"


def _storable(response) -> bool:
    return (
        getattr(response, "public_page", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


class VisitorPageCacheMiddleware:
    """Serve and store signed-out visitors' pages (above the session middleware, so a hit
    reads no session, no user and no database)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _visitor_request(request):
            return self.get_response(request)
        key = _key(request, generation())
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
