from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def _in_language(path: str, code: str) -> str:
    translated = translate_url(path, code)
    if translated != path:
        return translated
    # translate_url only knows paths that resolve: on a 404 page, swap the prefix itself.
    current = f"/{(get_language() or '').split('-')[0]}/"
    if path.startswith(current):
        return f"/{code}/{path[len(current) :]}"
    return path


def portal(request):
    """The language switcher's links: this very page in each portal language."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": _in_language(path, code)}
            for code, name in settings.LANGUAGES
        ],
    }
