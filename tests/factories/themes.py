import itertools

from themes.enums import ThemeKind
from themes.models import Theme

_sequence = itertools.count(1)


def make_theme(**fields) -> Theme:
    number = next(_sequence)
    values = {
        "slug": f"test-theme-{number}",
        "kind": ThemeKind.PROPOSED,
        "name_en": f"Test theme {number}",
        "name_fr": f"Thème d'essai {number}",
        "name_sv": f"Testtema {number}",
        "position": 100 + number,
    }
    values.update(fields)
    return Theme.objects.create(**values)
