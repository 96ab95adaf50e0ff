"""How often someone did something, counted in the shared cache (Redis in production, so that
every app server counts together): enough for a person, not for a robot.

A count lives for ``period`` seconds from its first hit (a fixed window, not a sliding one):
simple, one round trip, and good enough to stop a flood.
"""

from django.core.cache import cache

PREFIX = "ratelimit:"


def allowed(key: str, limit: int, period: int) -> bool:
    """Count one more hit of ``key`` in its window of ``period`` seconds; False once past
    ``limit`` (the hit is counted all the same: refusals keep the window full)."""
    key = PREFIX + key
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between the two calls: this hit starts a new window
        cache.add(key, 1, timeout=period)
        return limit >= 1
