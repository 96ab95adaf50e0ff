"""Reading the edit pages' version token and their "someone else changed it" box."""

import re
from html import unescape

from core.concurrency import VERSION_FIELD

TOKEN = re.compile(rf'<input type="hidden" name="{VERSION_FIELD}" value="([^"]*)"')
BOX = re.compile(r'<section class="notice edit-conflict"[^>]*>(.*?)</section>', re.S)
ROW = re.compile(r'<tr>\s*<th scope="row">(.*?)</th>\s*<td>(.*?)</td>\s*</tr>', re.S)
ITEM = re.compile(r"<li>(.*?)</li>", re.S)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def version_in(response) -> str:
    """The token in the page's form (the version the page was made from)."""
    tokens = TOKEN.findall(response.content.decode())
    assert len(tokens) == 1, tokens
    return tokens[0]


def conflict_box(response) -> str:
    """The conflict box's HTML, or "" when the page has none."""
    match = BOX.search(response.content.decode())
    return match.group(1) if match else ""


def alert_text(response) -> str:
    match = re.search(r'<div role="alert">(.*?)</div>', conflict_box(response), re.S)
    assert match, "no alert in the conflict box"
    return _text(match.group(1))


def changed_rows(response) -> list[tuple[str, list[str]]]:
    """``[(field label, [saved values])]`` of the conflict box's table, in order."""
    rows = []
    for label, cell in ROW.findall(conflict_box(response)):
        items = ITEM.findall(cell)
        rows.append((_text(label), [_text(item) for item in items] if items else [_text(cell)]))
    return rows
