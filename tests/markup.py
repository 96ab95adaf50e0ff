"""What the escaping tests look for in a page's HTML."""

import re

OWN_SCRIPT = re.compile(r'<script src="/static/[^"]+" defer>')


def foreign_scripts(html: str) -> list[str]:
    """Every ``<script`` in ``html`` but the portal's own files (``static/js``, deferred): what
    somebody's text must never become."""
    return [tag for tag in re.findall(r"<script\b[^>]*>?", html) if not OWN_SCRIPT.fullmatch(tag)]
