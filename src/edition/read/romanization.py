"""The edition's one romanization of Russian: the Library of Congress (ALA-LC) table,
written without tie marks (ts, ia, iu, not t͡s, i͡a, i͡u).

ь is ʹ (U+02B9), ъ is ʺ (U+02BA), й is ĭ, э is ė, ё is ë; the pre-reform letters are
і ī, ѣ ie, ѳ ḟ, ѵ ẏ, and a word-final ъ of the old spelling is dropped. A title is
romanized from the spelling of the edition cited. Every romanized field is checked in
the read stage: a glossary entry's transliteration must be exactly the romanization of
its Russian form, and the romanized titles of the bibliography and the editors'
transliterations may hold no character outside the table. A Ukrainian title (langid
ukrainian) follows the ALA-LC table for Ukrainian: и y, і i, ї ï, й ĭ, г h, ь ʹ, and
the apostrophe ʺ; the Russian letters ī, ė, ë are outside it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import EditionError
from ..model import BibEntry, Edition
from .yamlfile import line_of, load_yaml

TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh",
    "з": "z", "и": "i", "й": "ĭ", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "ė", "ю": "iu",
    "я": "ia", "і": "ī", "ѣ": "ie", "ѳ": "ḟ", "ѵ": "ẏ",
}  # fmt: skip
LETTERS = "ĭėëīḟẏ"
UKRAINIAN = "ĭï"
TABLES = {  # langid: the table's letters beyond ASCII, and its name for messages
    "russian": (LETTERS, "the Library of Congress table as the edition applies it"),
    "ukrainian": (UKRAINIAN, "the Library of Congress table for Ukrainian (і is i, и is y)"),
}
SIGNS = "ʹʺ"
PUNCTUATION = " .,:;()[]-–—/“”«»?!"
LOOKALIKES = {
    "'": "write ь as ʹ (U+02B9)",
    "’": "write ь as ʹ (U+02B9)",
    "′": "write ь as ʹ (U+02B9)",
    "″": "write ъ as ʺ (U+02BA)",
    '"': "write ъ as ʺ (U+02BA)",
    "ǐ": "write й as ĭ (i with breve)",
    "\u0361": "the policy has no tie marks",
    "\ufe20": "the policy has no tie marks",
    "\ufe21": "the policy has no tie marks",
}
BIB_FIELDS = ("title", "shorttitle", "shorthand", "maintitle", "booktitle", "journaltitle", "publisher")


def romanize(text: str) -> str:
    """Cyrillic text in the edition's romanization; other characters are kept."""
    out = []
    for i, char in enumerate(text):
        lower = char.lower()
        if lower not in TABLE:
            out.append(char)
            continue
        if lower == "ъ" and not (i + 1 < len(text) and text[i + 1].isalpha()):
            continue  # the old spelling's final hard sign
        value = TABLE[lower]
        out.append(value[0].upper() + value[1:] if char != lower else value)
    return "".join(out)


def outside(text: str, langid: str = "russian") -> tuple[str, str] | None:
    """The first character of a romanized text that the policy does not allow, with a hint
    (`langid`: whose table, Russian's unless told)."""
    letters, table = TABLES[langid]
    for char in text:
        if char.isascii() and (char.isalnum() or char in PUNCTUATION):
            continue
        if char.lower() in letters or char in SIGNS or char in PUNCTUATION:
            continue
        return char, LOOKALIKES.get(char, f"not in {table}")
    return None


def _fail(path: Path, line: int | None, where: str, char: str, hint: str) -> None:
    name = unicodedata.name(char, "unnamed")
    message = f"{where}: {char!r} (U+{ord(char):04X} {name}) is outside the romanization policy; {hint}"
    raise EditionError(path, line, message)


def check_glossary(path: Path) -> None:
    for item in load_yaml(path, top=list):
        russian = item.get("russian") if isinstance(item, dict) else None
        if not isinstance(russian, dict) or not russian.get("transliteration"):
            continue
        value = russian["transliteration"]
        where = f"entry {item.get('id')!r}: transliteration"
        bad = outside(value)
        if bad:
            _fail(path, line_of(value), where, *bad)
        expected = romanize(russian.get("form", ""))
        if russian.get("form") and value != expected:
            raise EditionError(
                path, line_of(value), f"{where} {value!r} is not the romanization of its form: {expected!r}"
            )


def check_apparatus(path: Path) -> None:
    for item in load_yaml(path, top=list):
        if isinstance(item, dict) and item.get("type") == "transliteration" and item.get("edited"):
            bad = outside(item["edited"])
            if bad:
                _fail(path, line_of(item["edited"]), f"intervention {item.get('id')!r}: edited", *bad)


def check_bibliography(edition: Edition, path: Path) -> None:
    check_romanization_of(edition.bibliography, path)


def check_romanization_of(entries: tuple[BibEntry, ...], path: Path) -> None:
    """The romanized titles of a .bib's Russian and Ukrainian entries."""
    if not entries:
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    for entry in entries:
        langid = entry.fields.get("langid", "")
        if langid not in TABLES:
            continue
        for field in BIB_FIELDS:
            value = entry.fields.get(field)
            bad = outside(value.replace("{", "").replace("}", ""), langid) if isinstance(value, str) else None
            if bad:
                _fail(path, _field_line(lines, entry.line, field), f"entry {entry.key}: {field}", *bad)


def _field_line(lines: list[str], start: int, field: str) -> int:
    pattern = re.compile(rf"^\s*{field}\s*=", re.I)
    for number in range(start, len(lines) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return start


def check_romanization(edition: Edition, glossary: Path, apparatus: Path, bibliography: Path) -> None:
    """Every romanized field of the sources and the .bib follows the one policy."""
    check_glossary(glossary)
    if apparatus.exists():
        check_apparatus(apparatus)
    check_bibliography(edition, bibliography)
