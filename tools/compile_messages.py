"""Compile locale/*/LC_MESSAGES/django.po into .mo files with polib (no GNU gettext needed).

`make run` and `make test` use it, so a fresh machine needs only Python to see the portal in
French and Swedish. (Extracting messages with makemessages still needs GNU gettext.)
"""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for po_path in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(
            f"compiled {po_path.relative_to(ROOT)} ({catalogue.percent_translated()}% translated)"
        )


if __name__ == "__main__":
    main()
