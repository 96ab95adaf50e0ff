"""JSON over HTTP for the engines, with the standard library: every failure is one exception."""

import http.client
import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from languages.machine.errors import TranslationRefused, TranslationUnavailable

MAX_ANSWER_BYTES = 10 * 1024 * 1024
USER_AGENT = "AlliancePortal/1 (machine translation)"
# Busy or down now, may answer later: timeout, rate limit, server errors. Any other 4xx (bad
# key, unknown language, quota used up for the month) will be refused again.
RETRYABLE_STATUSES = {408, 425, 429}


def check_url(url: str) -> str:
    """The engine's base address, without trailing slash; only http(s) (urllib would open
    file: and ftp: addresses too)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ImproperlyConfigured(f"TRANSLATION_URL must be an http(s) address, not {url!r}")
    return url.rstrip("/")


def _reason(raw: bytes) -> str:
    # LibreTranslate answers {"error": …}, DeepL {"message": …}; anything else is cut short.
    try:
        answer = json.loads(raw)
    except ValueError:
        return raw[:200].decode("utf-8", "replace").strip()
    if isinstance(answer, dict):
        return str(answer.get("error") or answer.get("message") or answer)[:200]
    return str(answer)[:200]


def request_json(
    method: str,
    url: str,
    *,
    timeout: float,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> Any:
    """The decoded JSON answer (None for an empty one). Raises TranslationUnavailable for a
    timeout, a refused or dropped connection, a server error or an answer that is not JSON,
    TranslationRefused for a 4xx that will not change by trying again."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked by check_url
        url,
        data=data,
        method=method,
        headers={
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
            **({"Content-Type": "application/json"} if data is not None else {}),
            **(headers or {}),
        },
    )
    host = urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as error:
        with error:
            try:
                detail = _reason(error.read(2000))
            except (OSError, http.client.HTTPException):
                detail = ""
        message = f"{host} answered {error.code}" + (f": {detail}" if detail else "")
        if 400 <= error.code < 500 and error.code not in RETRYABLE_STATUSES:
            raise TranslationRefused(message) from error
        raise TranslationUnavailable(message) from error
    except TimeoutError as error:
        raise TranslationUnavailable(f"{host} did not answer within {timeout} s") from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise TranslationUnavailable(f"{host} did not answer within {timeout} s") from error
        raise TranslationUnavailable(f"cannot reach {host}: {error.reason}") from error
    except (http.client.HTTPException, OSError) as error:
        # RemoteDisconnected (closed without an answer), reset, a broken status line…
        raise TranslationUnavailable(f"{host} broke the connection: {error!r}") from error
    if len(raw) > MAX_ANSWER_BYTES:
        raise TranslationUnavailable(f"{host} answered more than {MAX_ANSWER_BYTES} bytes")
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError as error:  # an HTML error page from a proxy, half a body…
        raise TranslationUnavailable(f"{host} answered something that is not JSON") from error
