"""Raw inputs: the manifest (read, verify, append) and turning a file's bytes into text.

Every error names the file and says what to do, because the person who meets it is usually a
journalist who dropped a new file into data/raw/, not the author of this module.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from gongfu.errors import GongfuError
from gongfu.paths import MANIFEST_NAME, relative

MANIFEST_COLUMNS = [
    "doc_id", "file", "sha256", "bytes", "publisher", "published", "province", "city",
    "district", "street", "language", "script", "notes",
]
# Inputs taken as text, compared case-insensitively (B.TXT is a text too). HTML is read as the text it is: its
# markup is not parsed.
TEXT_SUFFIXES = (".txt", ".text", ".htm", ".html")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")

# Encodings a Chinese news text plausibly comes in, tried in this order when there is no BOM
# and the bytes are not valid UTF-8. charset-normalizer ranks them; we only accept its answer
# when it is one of these, since a Latin-1 "success" on GBK bytes is mojibake, not text.
CHINESE_ENCODINGS = ("utf_8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "utf_16", "utf_16_le",
                     "utf_16_be", "hz", "euc_jp", "cp950")


@dataclass(frozen=True)
class Decoded:
    """A decoded raw file: its text and how it was read."""

    text: str
    encoding: str
    bom: bool


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_for(path: Path) -> str:
    """The key used in every table: the raw file's name without extension."""
    return Path(path).stem


def is_text_name(name: str) -> bool:
    """Whether a file name has one of the text extensions (any case: B.TXT, c.text, d.html)."""
    return name.lower().endswith(TEXT_SUFFIXES)


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a raw file's bytes, detecting the encoding rather than assuming it.

    BOMs decide first (UTF-8, UTF-16), then strict UTF-8, then charset-normalizer among
    Chinese encodings. Empty or whitespace-only files, files that are part UTF-8 and part another
    encoding, and binary junk raise GongfuError naming `name`.
    """
    if not data:
        raise GongfuError(f"{name}: the file is empty. Replace it with the article's text or remove it "
                          f"and its row from {MANIFEST_NAME}.")
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise GongfuError(f"{name}: the file contains only whitespace. Replace it with the article's text or "
                          f"remove it and its row from {MANIFEST_NAME}.")
    for bom, enc in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
                     (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), enc, True, name)
            except UnicodeDecodeError as err:
                raise GongfuError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc} "
                                  f"({err.reason} at byte {err.start}). Re-save it as UTF-8.") from err
    if b"\x00" not in data:
        try:
            return _checked(data.decode("utf_8"), "utf_8", False, name)
        except UnicodeDecodeError:
            mixed = mixed_encoding(data)
            if mixed:
                raise GongfuError(f"{name}: {mixed}") from None
    best = from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if best is None or best.encoding not in CHINESE_ENCODINGS:
        raise GongfuError(f"{name}: not readable as text in any Chinese encoding (UTF-8, GB18030/GBK, "
                          f"Big5, UTF-16). Is it a binary file (PDF, image, Word)? Save the article as "
                          f"a .txt file and try again.")
    return _checked(str(best), best.encoding, False, name)


def mixed_encoding(data: bytes) -> str | None:
    """Why bytes that are not valid UTF-8 as a whole are a mix (Chinese lines in UTF-8 beside lines that are
    not: two files pasted together, or a UTF-8 file with a damaged line), or None when no line is UTF-8 Chinese.

    Reading such a file in any single encoding garbles one part, so it is refused rather than guessed.
    """
    if b"\x00" in data:  # UTF-16 is handled by the detector, not line by line
        return None
    utf8, other = 0, []
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf_8")
        except UnicodeDecodeError:
            other.append((number, line))
            continue
        utf8 += sum(ch >= "\u3000" for ch in text)  # CJK characters and punctuation
    if utf8 < 4 or not other:  # a few characters can be valid UTF-8 by chance
        return None
    try:
        b"\n".join(line for _, line in other).decode("gb18030")
        what = "they read as GB18030/GBK"
    except UnicodeDecodeError:
        what = "they hold bytes no encoding explains"
    lines = ", ".join(str(n) for n, _ in other[:3]) + (f" and {len(other) - 3} more" if len(other) > 3 else "")
    return (f"mixed encodings: some lines are UTF-8 but line(s) {lines} are not ({what}). Save the whole file "
            f"in one encoding (UTF-8) and try again.")


def _checked(text: str, encoding: str, bom: bool, name: str) -> Decoded:
    """Refuse decoded text that is mostly control characters: that is binary, whatever decoded it."""
    if not text.strip():
        raise GongfuError(f"{name}: the file contains only whitespace. Replace it with the article's text or "
                          f"remove it and its row from {MANIFEST_NAME}.")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(3, len(text) // 100):
        raise GongfuError(f"{name}: {controls} control characters in {len(text)} decoded as {encoding}: "
                          f"this looks like a binary file, not text. Save the article as plain text.")
    return Decoded(text=text.replace("\r\n", "\n").replace("\r", "\n"), encoding=encoding, bom=bom)


def read_text(path: Path) -> Decoded:
    """Read and decode one raw file, with errors that name it."""
    path = Path(path)
    if not path.is_file():
        raise GongfuError(f"{relative(path)}: file not found. Check the path, or restore it from git "
                          f"(git checkout -- {relative(path)}).")
    return decode_bytes(path.read_bytes(), relative(path))


def _require_folder(raw_dir: Path, what_to_do: str) -> None:
    if not raw_dir.is_dir():
        raise GongfuError(f"{relative(raw_dir)}/: raw data folder not found. {what_to_do}")


def read_manifest(raw_dir: Path) -> list[dict[str, str]]:
    """The manifest's rows as dicts of strings, in file order.

    UTF-8 with or without a byte-order mark (Excel writes one). Another encoding, a row with more or fewer
    fields than the header, an empty doc_id or file, and a doc_id listed twice are refused with the line.
    """
    raw_dir = Path(raw_dir)
    _require_folder(raw_dir, "Run from the project root, or restore it with `git checkout -- data/raw`.")
    manifest = raw_dir / MANIFEST_NAME
    if not manifest.is_file():
        raise GongfuError(f"{relative(manifest)}: manifest not found. Create it with "
                          f"`python -m gongfu manifest add` (it lists every raw file with its sha256).")
    name, data = relative(manifest), manifest.read_bytes()
    try:
        text = data.decode("utf_8_sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise GongfuError(f"{name}: not UTF-8 (line {line} holds byte 0x{data[err.start]:02x}). Save it as UTF-8 "
                          f"(Excel: \"CSV UTF-8\"; an editor: encoding UTF-8) and try again.") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        missing = [c for c in ("doc_id", "file", "sha256") if c not in header]
        if missing:
            raise GongfuError(f"{name}: missing column(s) {', '.join(missing)} in the first line. "
                              f"Expected columns: {', '.join(MANIFEST_COLUMNS)}.")
        rows, seen = [], {}
        for fields in reader:
            if not fields:  # a blank line
                continue
            line = reader.line_num
            if len(fields) != len(header):
                raise GongfuError(f"{name}: line {line} has {len(fields)} field(s) where the header has "
                                  f"{len(header)}. Give every column (empty ones as ,,) and put quotes around "
                                  f"a value that contains a comma.")
            row = dict(zip(header, fields, strict=True))
            for column in ("doc_id", "file"):
                if not row[column].strip():
                    raise GongfuError(f"{name}: line {line} has an empty {column}. Fill it in or delete the row.")
            if row["doc_id"] in seen:
                raise GongfuError(f"{name}: doc_id {row['doc_id']} appears twice (lines {seen[row['doc_id']]} "
                                  f"and {line}). Keep one row.")
            seen[row["doc_id"]] = line
            rows.append(row)
    except csv.Error as err:
        raise GongfuError(f"{name}: line {reader.line_num} is not valid CSV ({err}). Check its quotes.") from None
    return rows


def check_hash(row: dict[str, str], path: Path, manifest: str = MANIFEST_NAME) -> None:
    """Refuse a file whose bytes differ from its manifest row, telling a malformed hash in the row (upper case,
    cut short, not a hash) from a changed file: only the second means the raw file was edited."""
    recorded, digest = row["sha256"].strip(), sha256_bytes(path.read_bytes())
    if SHA256_HEX.fullmatch(recorded):
        if digest != recorded:
            raise GongfuError(f"{relative(path)}: sha256 {digest[:12]}… differs from the manifest's "
                              f"{recorded[:12]}…. Raw files are never edited: restore the original "
                              f"(git checkout -- {relative(path)}), or add the new version under a new name.")
        return
    where = f"{manifest}: the sha256 of {row['file']}"
    if recorded.lower() == digest:
        raise GongfuError(f"{where} is in upper case (the file matches it). Write it in lower case: {digest}")
    if recorded and digest.startswith(recorded.lower()):
        raise GongfuError(f"{where} is cut short ({len(recorded)} of 64 characters; the file matches what is "
                          f"there). Write the whole hash: {digest}")
    raise GongfuError(f"{where} is not a sha256 (64 hex digits): {recorded!r}. If the file is the original, "
                      f"write its hash {digest}; if not, restore it (git checkout -- {relative(path)}).")


def verify_manifest(raw_dir: Path) -> list[dict[str, str]]:
    """Check every manifest row against its file (present, same sha256); return the rows.

    Refuses with a message naming the file when one is missing or changed, when a text in the folder
    has no manifest row, or when the folder holds something that is not a text (a PDF, a folder), so the
    pipeline never runs on inputs nobody recorded and never skips one without a word.
    """
    raw_dir = Path(raw_dir)
    rows = read_manifest(raw_dir)
    manifest = relative(raw_dir / MANIFEST_NAME)
    for row in rows:
        path = raw_dir / row["file"]
        if not path.is_file():
            raise GongfuError(f"{relative(path)}: listed in {MANIFEST_NAME} but missing. Restore it "
                              f"(git checkout -- {relative(path)}) or remove its manifest row.")
        check_hash(row, path, manifest)
    listed = {row["file"] for row in rows}
    entries = [p for p in raw_dir.iterdir() if not p.name.startswith(".") and p.name != MANIFEST_NAME]
    others = sorted(p.name for p in entries if p.name not in listed and (p.is_dir() or not is_text_name(p.name)))
    if others:
        raise GongfuError(f"{relative(raw_dir)}/{others[0]}: not a text file{_more(others)}. {relative(raw_dir)}/ "
                          f"holds the texts ({', '.join(TEXT_SUFFIXES)}) and {MANIFEST_NAME} only: save the "
                          f"article as .txt, or move it out.")
    unlisted = sorted(p.name for p in entries if p.name not in listed)
    if unlisted:
        raise GongfuError(f"{relative(raw_dir)}/{unlisted[0]}: not in {MANIFEST_NAME}{_more(unlisted)}. "
                          f"Record it with `make manifest` before running the pipeline.")
    return rows


def _more(names: list[str]) -> str:
    return f" (and {len(names) - 1} more)" if len(names) > 1 else ""


def manifest_row(path: Path) -> dict[str, str]:
    """A new manifest row for `path`: identity and hash filled in, what is known left for a person."""
    path = Path(path)
    data = path.read_bytes()
    decode_bytes(data, relative(path))  # refuse to record a file the pipeline cannot read
    row = dict.fromkeys(MANIFEST_COLUMNS, "")
    row.update(doc_id=doc_id_for(path), file=path.name, sha256=sha256_bytes(data), bytes=str(len(data)))
    return row


def append_manifest(raw_dir: Path, files: list[Path] | None = None) -> list[dict[str, str]]:
    """Append rows for `files` (default: every unlisted text in raw_dir); return the rows added.

    Only appends, in the manifest's own columns: existing rows, and the files themselves, are never rewritten.
    """
    raw_dir = Path(raw_dir)
    _require_folder(raw_dir, f"Create it (mkdir -p {relative(raw_dir)}), copy the texts into it, then run "
                             f"`make manifest` again.")
    manifest = raw_dir / MANIFEST_NAME
    rows = read_manifest(raw_dir) if manifest.exists() else []
    listed = {row["file"] for row in rows}
    if files:
        candidates = [Path(f) for f in files]
        for f in candidates:
            if not f.is_file():
                raise GongfuError(f"{f}: file not found. Copy the file into {relative(raw_dir)}/ first, then add it.")
            if f.resolve().parent != raw_dir.resolve():
                raise GongfuError(f"{f}: copy the file into {relative(raw_dir)}/ first, then add it.")
            if not is_text_name(f.name):
                raise GongfuError(f"{f}: not a text file ({', '.join(TEXT_SUFFIXES)}). Save the article as .txt.")
    else:
        candidates = sorted(p for p in raw_dir.iterdir() if is_text_name(p.name) and p.is_file()
                            and not p.name.startswith("."))
    new = [manifest_row(p) for p in candidates if p.name not in listed]
    if not new:
        return []
    existing = manifest.read_bytes() if manifest.exists() else b""
    columns = (next(csv.reader(io.StringIO(existing.decode("utf_8_sig"))), None) if existing else None)
    buf = io.StringIO()
    if existing and not existing.endswith(b"\n"):
        buf.write("\n")  # a last row saved without its line end would run into the first new one
    writer = csv.DictWriter(buf, fieldnames=columns or MANIFEST_COLUMNS, lineterminator="\n",
                            extrasaction="ignore")
    if not existing:
        writer.writeheader()
    writer.writerows(new)
    with manifest.open("a", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    return new
