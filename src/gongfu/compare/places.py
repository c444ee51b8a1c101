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
from gongfu.lexicon import PLACES_FILE, load_gazetteer

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


def romanise(name: str, path: Path = PLACES_FILE) -> str:
    """Pinyin for a name the gazetteer lacks: a known place it starts with in English, the rest as one word,
    the administrative suffix translated (乾西移民小康社区 -> Qianxi Yiminxiaokang Community)."""
    gaz = load_gazetteer(path)
    key = simplified_key(name)
    suffix_en, body = "", name
    for zh, en in gaz.suffixes:
        if key.endswith(zh) and len(key) > len(zh):
            suffix_en, body = en, name[: -len(zh)]
            break
    words = []
    for zh, en in gaz.stems:
        if body.startswith(zh) or simplified_key(body).startswith(zh):
            words.append(en)
            body = body[len(zh):]
            break
    if body.strip():
        words.append(pinyin_word(body.strip()))
    return " ".join([*words, suffix_en]).strip() if words else suffix_en


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
