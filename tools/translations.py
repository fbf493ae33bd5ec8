"""Keep the interface's catalogues in step with the code (``make messages``) and
compile them (``make``, and the package build): Babel, standard gettext files.

    python tools/translations.py extract   # confterm.pot, then each .po updated
    python tools/translations.py compile   # each .po -> .mo
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "confterm" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po, write_po

    template = Catalog(project="confterm", fuzzy=False)
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "src" / "confterm"), keywords=KEYWORDS):
        template.add(message)
    with (LOCALE / "confterm.pot").open("wb") as out:
        write_po(out, template, omit_header=True, sort_output=True, no_location=True)
    for po in LOCALE.glob("*/LC_MESSAGES/confterm.po"):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        catalog.update(template, no_fuzzy_matching=True)
        with po.open("wb") as out:
            write_po(out, catalog, sort_output=True, no_location=True, ignore_obsolete=True)


def compile_all(root: Path = LOCALE) -> list[Path]:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in root.glob("*/LC_MESSAGES/*.po"):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as out:
            write_mo(out, catalog)
        written.append(mo)
    return written


if __name__ == "__main__":
    {"extract": extract, "compile": compile_all}[sys.argv[1]]()
