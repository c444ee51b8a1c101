"""Place and organisation names for English readers: the gazetteer (data/places.csv), else pinyin.

`place_label("临江街道", "en")` gives the gazetteer's "Linjiang Subdistrict"; a name the gazetteer does not hold is
romanised with pypinyin, its administrative suffix translated from the same file (村 Village, 社区 Community ...),
and the Chinese kept in brackets so a reader can find it in the source: "Qiaonan Village (桥南村)".
Chinese pages (lang zh) get every name exactly as written.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

from gongfu.clean.script import convert
from gongfu.lexicon import PLACES_FILE, WORDS_FILE, load_gazetteer, load_words

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_HAN_RUN = re.compile(rf"(?:{_HAN.pattern})+")
_OPENING = "“‘(（《「\"'"


@cache
def _simplified_char(ch: str) -> str:
    out = convert(ch, "t2s")
    return out if len(out) == 1 else ch


def simplified_key(name: str) -> str:
    """`name` converted character by character to Simplified, for look-ups only (臨江街道 finds 临江街道)."""
    return "".join(_simplified_char(ch) if _HAN.match(ch) else ch for ch in name)


def lookup(name: str, path: Path = PLACES_FILE) -> str | None:
    """The gazetteer's English for `name` as written, else for its Simplified form; None when it has none."""
    names = load_gazetteer(path).names
    if name in names:
        return names[name]
    return names.get(simplified_key(name))


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character."""
    return bool(_HAN.search(text))


def _syllables(run: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    # A character pypinyin cannot read (a rare variant) is named by its code point, so no Chinese is left
    # outside the bracket that follows the romanisation.
    # (pypinyin strips digits from what `errors` returns, so the code point is filled in afterwards.)
    syllables = lazy_pinyin(run, style=Style.NORMAL, v_to_u=True, errors=lambda chars: ["\0"] * len(chars))
    out = []
    for ch, s in zip(run, syllables, strict=True):
        out.append(f"U+{ord(ch):04X}" if s == "\0" else s)
    return out


def pinyin_word(text: str) -> str:
    """`text` in pinyin, each run of Chinese characters one capitalised word (长安 -> Chang'an), set apart by a
    space from the words or numbers around it; everything that is not Chinese kept as written."""
    pieces: list[str] = []
    pos = 0
    for m in _HAN_RUN.finditer(text):
        before = text[pos:m.start()]
        word = ""
        for s in _syllables(m.group()):
            word += f"'{s}" if word and s[:1] in "aoe" and word[-1:].isalpha() else s
        glue = " " if before and not before[-1].isspace() and before[-1] not in _OPENING else ""
        pieces += [before, glue, word[:1].upper() + word[1:]]
        pos = m.end()
    after = text[pos:]
    glue = " " if pieces and after and after[0].isalnum() else ""
    return "".join([*pieces, glue, after])


def _title(words: str) -> str:
    """Each word capitalised, short joining words kept low (and, of): 'phase 1' -> 'Phase 1'."""
    return " ".join(w if w in ("and", "of") else w[:1].upper() + w[1:] for w in words.split(" "))


def _tokens(name: str, path: Path, words_path: Path) -> list[tuple[str, str]]:
    """`name` cut into (kind, text) pieces, longest match first at each position: `known` (a gazetteer name
    or a known place's stem, in English), `word` (a generic word, in English), `suffix` (an administrative
    suffix, in English: only where a name of two or more characters stands before it and the name ends or
    two or more characters follow), else `han` characters gathered into runs to romanise, and `other` text
    (letters, quotes) kept as written."""
    gaz, table = load_gazetteer(path), load_words(words_path)
    key = simplified_key(name)
    known = sorted([(zh, en) for zh, en in gaz.names.items() if has_han(zh)] + list(gaz.stems),
                   key=lambda kv: -len(kv[0]))
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(name):
        found = None
        for kind, entries in (("known", known), ("word", table.words)):
            found = next(((kind, zh, en) for zh, en in entries if key.startswith(zh, i)), None)
            if found:
                break
        if found is None:
            before = out[-1] if out else ("", "")
            named = before[0] in ("known", "word", "suffix") or (before[0] == "han" and len(before[1]) >= 2)
            for zh, en in gaz.suffixes:
                rest = len(key) - i - len(zh)
                if key.startswith(zh, i) and named and (rest == 0 or rest >= 2):
                    found = ("suffix", zh, en)
                    break
        if found is not None:
            kind, zh, en = found
            out.append((kind, en))
            i += len(zh)
            continue
        kind = "han" if _HAN.match(name[i]) else "other"
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + name[i])
        else:
            out.append((kind, name[i]))
        i += 1
    return out


def romanise(name: str, path: Path = PLACES_FILE, words_path: Path = WORDS_FILE) -> str:
    """English for a name the gazetteer lacks: known places and generic words translated, administrative
    suffixes translated, and only what is left (the proper name) in pinyin, one word per run
    (云尖信息总部项目 -> Yunjian Information Headquarters Project; 星筑一期项目 -> Xingzhu Phase 1 Project)."""
    pieces: list[str] = []
    for kind, text in _tokens(name.strip(), path, words_path):
        if kind == "han":
            pieces.append(pinyin_word(text))
        elif kind == "other":
            if text.strip():
                pieces.append(text.strip())
        else:
            pieces.append(_title(text) if kind == "word" else text)
    out = ""
    for piece in pieces:  # opening quotes cling to the word after them, closing ones to the word before
        glue = "" if not out or out[-1] in _OPENING or piece[:1] in _CLOSING else " "
        out += glue + piece
    return out.strip()


_CLOSING = "”’)）》」\"',.，。、"


def place_label(name: str, lang: str = "zh", zh: bool | None = None, path: Path = PLACES_FILE) -> str:
    """A place or organisation name for a reader of `lang`.

    zh: the name as written. en: the gazetteer's English, else a romanisation; the Chinese follows in brackets
    when `zh` is True, never when False, and by default only for romanised names (the gazetteer's are checked).
    """
    name = "" if name is None else str(name)
    if lang != "en" or not has_han(name):
        return name
    text = name.strip()
    known = lookup(text, path)
    english = known if known is not None else romanise(text, path)
    bracket = zh if zh is not None else known is None
    return f"{english} ({text})" if bracket and english else english or text


def translate_names(text: str, lang: str = "zh", path: Path = PLACES_FILE) -> str:
    """Every gazetteer name inside `text` replaced by its English (for publisher lines such as
    中国经济网 (转载 新华每日电讯)); other Chinese left as written. zh: `text` unchanged."""
    if lang != "en" or not has_han(text):
        return text
    for zh, en in sorted(load_gazetteer(path).names.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(zh, en)
    return text


PLACE_COLUMNS = ("street", "district", "city", "province")


def document_labels(docs: pd.DataFrame, lang: str = "zh", publisher: bool = True) -> dict[str, str]:
    """compare.document_labels in `lang`: in en the places and publishers in English, ASCII brackets."""
    from gongfu.compare.select import document_labels as labels_zh

    if lang != "en":
        return labels_zh(docs, publisher=publisher)
    english = docs.copy()
    for col in PLACE_COLUMNS:
        if col in english.columns:
            english[col] = english[col].map(lambda v: place_label(v, lang) if isinstance(v, str) else v)
    if "publisher" in english.columns:
        english["publisher"] = english["publisher"].map(lambda v: _publisher_en(v) if isinstance(v, str) else v)
    return {k: v.replace("（", " (").replace("）", ")") for k, v in labels_zh(english, publisher=publisher).items()}


def _publisher_en(publisher: str) -> str:
    """A publisher in English, a trailing bracket made a clause so labels do not nest brackets:
    中国经济网 (转载 新华每日电讯) -> China Economic Net, reprinting Xinhua Daily Telegraph."""
    return re.sub(r"\s*\((.+)\)\s*$", r", \1", translate_names(publisher, "en"))
