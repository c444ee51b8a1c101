"""Raw inputs: the manifest (read, verify, append) and turning a file's bytes into text.

Every error names the file and says what to do, because the person who meets it is usually a
journalist who dropped a new file into data/raw/, not the author of this module.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from gongfu.errors import GongfuError
from gongfu.paths import MANIFEST_NAME, relative

MANIFEST_COLUMNS = [
    "doc_id", "file", "sha256", "bytes", "publisher", "published", "province", "city",
    "district", "street", "language", "script", "notes",
]
TEXT_SUFFIXES = {".txt"}

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


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a raw file's bytes, detecting the encoding rather than assuming it.

    BOMs decide first (UTF-8, UTF-16), then strict UTF-8, then charset-normalizer among
    Chinese encodings. Empty files and binary junk raise GongfuError naming `name`.
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise GongfuError(f"{name}: the file is empty. Replace it with the article's text or remove it "
                          f"and its row from {MANIFEST_NAME}.")
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
            pass
    best = from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if best is None or best.encoding not in CHINESE_ENCODINGS:
        raise GongfuError(f"{name}: not readable as text in any Chinese encoding (UTF-8, GB18030/GBK, "
                          f"Big5, UTF-16). Is it a binary file (PDF, image, Word)? Save the article as "
                          f"a .txt file and try again.")
    return _checked(str(best), best.encoding, False, name)


def _checked(text: str, encoding: str, bom: bool, name: str) -> Decoded:
    """Refuse decoded text that is mostly control characters: that is binary, whatever decoded it."""
    if not text.strip():
        raise GongfuError(f"{name}: the file holds only whitespace. Replace it with the article's text.")
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


def read_manifest(raw_dir: Path) -> list[dict[str, str]]:
    """The manifest's rows as dicts of strings, in file order."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise GongfuError(f"{relative(raw_dir)}/: raw data folder not found. Run from the project root, "
                          f"or restore it with `git checkout -- data/raw`.")
    manifest = raw_dir / MANIFEST_NAME
    if not manifest.is_file():
        raise GongfuError(f"{relative(manifest)}: manifest not found. Create it with "
                          f"`python -m gongfu manifest add` (it lists every raw file with its sha256).")
    with manifest.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("doc_id", "file", "sha256") if c not in (reader.fieldnames or [])]
        if missing:
            raise GongfuError(f"{relative(manifest)}: missing column(s) {', '.join(missing)}. "
                              f"Expected columns: {', '.join(MANIFEST_COLUMNS)}.")
        rows = [dict(row) for row in reader]
    seen: set[str] = set()
    for row in rows:
        if row["doc_id"] in seen:
            raise GongfuError(f"{relative(manifest)}: doc_id {row['doc_id']} appears twice. Keep one row.")
        seen.add(row["doc_id"])
    return rows


def verify_manifest(raw_dir: Path) -> list[dict[str, str]]:
    """Check every manifest row against its file (present, same sha256); return the rows.

    Refuses with a message naming the file when one is missing or changed, or when a text in
    the folder has no manifest row, so the pipeline never runs on inputs nobody recorded.
    """
    raw_dir = Path(raw_dir)
    rows = read_manifest(raw_dir)
    for row in rows:
        path = raw_dir / row["file"]
        if not path.is_file():
            raise GongfuError(f"{relative(path)}: listed in {MANIFEST_NAME} but missing. Restore it "
                              f"(git checkout -- {relative(path)}) or remove its manifest row.")
        digest = sha256_bytes(path.read_bytes())
        if digest != row["sha256"]:
            raise GongfuError(f"{relative(path)}: sha256 {digest[:12]}… differs from the manifest's "
                              f"{row['sha256'][:12]}…. Raw files are never edited: restore the original "
                              f"(git checkout -- {relative(path)}), or add the new version under a new name.")
    listed = {row["file"] for row in rows}
    unlisted = sorted(p.name for p in raw_dir.iterdir()
                      if p.suffix in TEXT_SUFFIXES and p.name not in listed)
    if unlisted:
        raise GongfuError(f"{relative(raw_dir)}/{unlisted[0]}: not in {MANIFEST_NAME}"
                          f"{f' (and {len(unlisted) - 1} more)' if len(unlisted) > 1 else ''}. "
                          f"Record it with `make manifest` before running the pipeline.")
    return rows


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

    Only appends: existing rows, and the files themselves, are never rewritten.
    """
    raw_dir = Path(raw_dir)
    manifest = raw_dir / MANIFEST_NAME
    rows = read_manifest(raw_dir) if manifest.exists() else []
    listed = {row["file"] for row in rows}
    if files:
        candidates = [Path(f) for f in files]
        for f in candidates:
            if f.resolve().parent != raw_dir.resolve():
                raise GongfuError(f"{f}: copy the file into {relative(raw_dir)}/ first, then add it.")
    else:
        candidates = sorted(p for p in raw_dir.iterdir() if p.suffix in TEXT_SUFFIXES)
    new = [manifest_row(p) for p in candidates if p.name not in listed]
    if not new:
        return []
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    if not manifest.exists():
        writer.writeheader()
    writer.writerows(new)
    with manifest.open("a", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    return new
