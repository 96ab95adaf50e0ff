from django.conf import settings
from django.urls import translate_url


def portal(request):
    """The language switcher's links: this very page in each portal language."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES
        ],
    }
