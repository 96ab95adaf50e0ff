"""Whole pages for signed-out visitors, from the cache.

A visitor without a session cookie sees what every other visitor sees, in the language of the
address (/fr/, /sv/, /en/): such a page, once rendered, is kept in the cache and served again
without a query. Three rules keep it right:

- **Only visitors' pages.** A page is looked up and stored only for a request that carries no
  session cookie and no pending messages, so it was rendered for an anonymous user: nothing a
  member sees can enter the cache, and members never get a visitor's page. Only views marked
  with ``@public_page`` are stored, and only a 200 that sets no cookie and is not private.
- **Invalidated when content changes.** Each page is stored with a *generation*, a number in
  the cache bumped after the commit of any write to the content apps (``PAGE_CACHE_APPS``: a
  new, edited or deleted project, comment, event, registration, question, translation,
  city…), so that every page shows the change at once: a page is served only if it was made
  in the current generation (one round trip reads both). A page rendered from the data
  before a change is stored with the generation read before it was rendered, so it is never
  served after the change.
- **Bounded in time.** ``PAGE_CACHE_SECONDS`` (0: off) also bounds what depends on the clock
  ("next events"); ``MEMBER_PAGE_CACHE_SECONDS`` (0: off) does for members' pages.

Signed-in members get their own pages from the cache too (``MemberPageCacheMiddleware``), on
stricter terms:

- **Each page is one session's.** The key is made of the session key, the CSRF cookie (the
  page's forms carry tokens made from it) and the address: a page is only ever served again to
  the browser it was rendered for, after the session has been read from the store and found
  signed in. A page with messages to show, a response that sets a cookie and views not marked
  ``@public_page`` or ``@member_page`` are never stored.
- **Renewed by any change the member could see**: the content generation (which also covers
  changes to accounts: roles, memberships, a new password, a deactivated account) and the
  member's own generation, bumped after every non-GET request the member makes (a follow, a
  read notification, a changed profile) and whenever something is done *to* the member elsewhere
  (``member_changed``: a new notification).

The cache is the shared one (Redis in production), so every app server sees the same pages and
the same generation.
"""

import hashlib
import time
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

GENERATION_KEY = "pages:generation"
# Saves that change nothing a page shows (a sign-in stamps last_login).
QUIET_FIELDS = {"last_login", "unread_notifications"}
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary")


def _marked(kind: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.cached_page = kind
            return response

        return wrapped

    return decorator


# Views whose pages may be served from the cache: to visitors and members alike...
public_page = _marked("public")
# ...or to members only (a members-only page: never stored for a visitor).
member_page = _marked("members")


def generation() -> int:
    (value,) = _generations({GENERATION_KEY: cache.get(GENERATION_KEY)}, [GENERATION_KEY])
    return value


def bump() -> None:
    """Every cached page is out of date from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted, or never read): any new value will do
        cache.set(GENERATION_KEY, time.time_ns(), None)


def _member_key(user_id) -> str:
    return f"pages:member:{user_id}"


def member_changed(user_ids) -> None:
    """The pages of these members are out of date once the transaction commits (something was
    done to them that the content generation does not see: a notification)."""
    if enabled():
        keys = [_member_key(user_id) for user_id in user_ids]
        if keys:
            transaction.on_commit(lambda: cache.delete_many(keys))


def content_changed() -> None:
    """Call after a write the signals do not see (``QuerySet.update``): pages are renewed once
    the transaction commits."""
    if enabled():
        transaction.on_commit(bump)


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def members_enabled() -> bool:
    return enabled() and settings.MEMBER_PAGE_CACHE_SECONDS > 0


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
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.COOKIES.get("messages"):
        return False
    return request.path.startswith(_language_prefixes())


def _key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pages:{digest}"


def _storable(response, kinds=("public",)) -> bool:
    return (
        getattr(response, "cached_page", None) in kinds
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
        key = _key(request)
        # One round trip: the page and the generation it must have been made in.
        found = cache.get_many([key, GENERATION_KEY])
        (current,) = _generations(found, [GENERATION_KEY])
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            return _stored_response(stored)
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            # Stored with the generation read before the page was made: a page made from the
            # data before a change is never served after it.
            _store(key, current, response, settings.PAGE_CACHE_SECONDS)
        return response


def _store(key: str, made_in, response, seconds: int) -> None:
    headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
    cache.set(key, (made_in, response.content, headers), seconds)
    response["X-Page-Cache"] = "miss"


def _stored_response(stored) -> HttpResponse:
    _made_in, content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _generations(found: dict, keys: list[str]) -> tuple:
    """The current value of each generation key, made anew where the cache has none."""
    values = []
    for key in keys:
        value = found.get(key)
        if value is None:
            cache.add(key, time.time_ns(), None)
            value = cache.get(key, 0)
        values.append(value)
    return tuple(values)


class MemberPageCacheMiddleware:
    """Serve and store signed-in members' pages, each for its own session (last of the
    middleware: the language is set, the session is there to read, and a hit costs the session
    read and one more round trip to the cache, no query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not members_enabled():
            return self.get_response(request)
        session = request.session
        user_id = session.get(SESSION_KEY)
        if user_id is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            # Whatever the member did (a follow, a read notification, a new profile) shows on
            # their next page; the request's writes have committed by now.
            cache.delete(_member_key(user_id))
            return response
        if (
            not request.path.startswith(_language_prefixes())
            or request.COOKIES.get("messages")
            or "_messages" in session
        ):
            return self.get_response(request)
        key = _member_page_key(request, session.session_key)
        generation_keys = [GENERATION_KEY, _member_key(user_id)]
        found = cache.get_many([key, *generation_keys])
        current = _generations(found, generation_keys)
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            return _stored_response(stored)
        response = self.get_response(request)
        if (
            request.method == "GET"
            and _storable(response, kinds=("public", "members"))
            and not _has_messages(request)
            and not _sets_cookies(request)
            and session.get(SESSION_KEY) == user_id
        ):
            _store(key, current, response, settings.MEMBER_PAGE_CACHE_SECONDS)
        return response


def _sets_cookies(request) -> bool:
    """Whether the middleware above will set a cookie that matters on this response: a new CSRF
    secret (the page's tokens are made from it) or a changed session. (Django sends the CSRF
    cookie again whenever a page uses it, to renew its expiry: that one the browser has.)"""
    secret = request.META.get("CSRF_COOKIE")
    new_secret = secret is not None and secret != request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    return new_secret or request.session.modified


def _has_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _member_page_key(request, session_key: str) -> str:
    token = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    material = "\n".join((session_key, token, request.get_full_path()))
    return f"pages:member-page:{hashlib.sha256(material.encode()).hexdigest()}"
