"""Reading the "Language of the text" select of a form page."""

import re


def selected_language(page: str, name: str = "content_language") -> str:
    """The value selected in the ``name`` select of ``page``."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, f"no {name} select"
    selected = re.findall(r'<option value="([^"]*)" selected>', select.group(1))
    assert len(selected) == 1, selected
    return selected[0]
