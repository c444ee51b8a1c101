"""The headline block above an article: which line is the headline a reader sees, which is the kicker (引题)
above it and which the subtitle (副题) below it, and what was glued to the headline (a timestamp, a URL, a
series name after a bar).

A notice's document number (文号) under its heading is set aside first and kept as `doc_number`.
The headline is, in order of evidence: the page's own <h1> or front-matter title; the line the page's
<title> begins with; the line before a subtitle (a line opening with a dash, ——); the last title line.
Only the title line right above the headline is its kicker; title lines further up are page furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongfu.clean.layout import WS

DASHES = ("——", "—", "─", "--", "－－")
URL_END_RE = re.compile(r"\s*(?:https?://|www\.)\S+$")
STAMP_END_RE = re.compile(r"\s*(?P<published>\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})\s*日?"
                          r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
SERIES_RE = re.compile(r"^(?P<title>[^|｜]{4,})\s*[|｜]\s*(?P<series>[^|｜]{2,})$")
SPACES_RE = re.compile(f"[{WS}]+")
# A document number (文号) under an official notice's heading: issuer's short name, the year in brackets, the
# serial number and 号 (萧农〔2024〕37号, 浙政办发[2023]5号, 国发（2021）第12号). It names the document; it is
# never the headline a reader sees.
DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】]"
                           r"\s*第?\s*\d{1,5}\s*号$")


@dataclass
class Headline:
    """What the header lines are: a role per line (kicker, title, subtitle, furniture) and the metadata."""

    roles: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)  # line -> what was taken off it


def squeeze(text: str) -> str:
    return SPACES_RE.sub("", text)


def is_doc_number(line: str) -> bool:
    """A line that is only a document number (文号), such as 萧农〔2024〕37号."""
    return DOC_NUMBER_RE.match(line.strip(WS)) is not None


def is_subtitle(line: str) -> bool:
    return line.lstrip(WS).startswith(DASHES)


def unglue(line: str) -> tuple[str, dict[str, str], str]:
    """A headline without the URL, timestamp or series name glued to it: (headline, metadata, note)."""
    meta, notes = {}, []
    m = URL_END_RE.search(line)
    if m and m.start() > 0:
        meta["url"] = m.group().strip()
        line, notes = line[:m.start()], ["URL"]
    m = STAMP_END_RE.search(line)
    if m and m.start() > 0:
        meta["published"] = m.group("published")
        line = line[:m.start()]
        notes.append("timestamp")
    m = SERIES_RE.match(line)
    if m:
        meta["banner"] = m.group("series").strip()
        line = m.group("title").strip()
        notes.append("series name after the bar")
    note = f"{' and '.join(notes)} glued to the headline, kept as metadata" if notes else ""
    return line.strip(WS), meta, note


def _find(keys: list[str], hint: str) -> int | None:
    """The line the hint names: equal to it, else the longest line the hint starts with, else one containing it."""
    want = squeeze(hint)
    if not want:
        return None
    for i, k in enumerate(keys):
        if k == want:
            return i
    starts = [(len(k), i) for i, k in enumerate(keys) if len(k) >= 4 and want.startswith(k)]
    if starts:
        return max(starts)[1]
    return next((i for i, k in enumerate(keys) if want in k), None)


def analyse(lines: list[str], hints: dict[str, str] | None = None) -> Headline:
    """Roles of the title lines above an article (bylines and other metadata lines already set aside)."""
    hints = hints or {}
    numbers = [i for i, x in enumerate(lines) if is_doc_number(x)]
    if numbers and len(numbers) < len(lines):  # the notice's number is set aside; the heading is read without it
        rest = [x for i, x in enumerate(lines) if i not in numbers]
        found = analyse(rest, hints)
        roles, notes, k = [], {}, 0
        for i in range(len(lines)):
            if i in numbers:
                roles.append("number")
                continue
            if k in found.notes:
                notes[i] = found.notes[k]
            roles.append(found.roles[k])
            k += 1
        return Headline(roles, {**found.meta, "doc_number": squeeze(lines[numbers[0]])}, notes)
    cleaned = [unglue(x) for x in lines]
    keys = [squeeze(c[0]) for c in cleaned]
    at = None
    for key in ("title", "headline"):
        if at is None and hints.get(key):
            at = _find(keys, hints[key])
    if at is None and hints.get("page_title"):
        at = _find(keys, hints["page_title"])
    if at is None:
        plain = [i for i, x in enumerate(lines) if not is_subtitle(x)]
        if not plain:
            return Headline(["title"] * len(lines), {"title": " / ".join(c[0] for c in cleaned)})
        first_sub = next((i for i, x in enumerate(lines) if is_subtitle(x) and i > plain[0]), None)
        at = max(i for i in plain if first_sub is None or i < first_sub)
    roles = ["furniture"] * len(lines)
    roles[at] = "title"
    title, meta, note = cleaned[at]
    meta = {"title": title, **meta}
    notes = {at: note} if note else {}
    if at > 0 and not is_subtitle(lines[at - 1]):
        roles[at - 1] = "kicker"
        meta["kicker"] = cleaned[at - 1][0]
    subs = []
    for i in range(at + 1, len(lines)):
        if is_subtitle(lines[i]) and len(subs) == i - at - 1:
            roles[i] = "subtitle"
            subs.append(lines[i].strip(WS))
    if subs:
        meta["subtitle"] = " / ".join(subs)
    return Headline(roles, meta, notes)
