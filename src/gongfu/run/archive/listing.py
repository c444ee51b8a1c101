"""Listing an archive's input files, compactly, sorted by doc_id."""

from __future__ import annotations

import glob
import heapq
import os
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from gongfu.errors import GongfuError
from gongfu.run.archive.settings import Source
from gongfu.sources import MANIFEST_NAME, TEXT_SUFFIXES, is_text_name, read_manifest


def _has_magic(pattern: str) -> bool:
    return glob.has_magic(pattern)


def _input_files(spec: str, skipped: list[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """(folder, names) for the entries named by `spec`: every text (.txt, .text, .htm, .html, any case) under a
    folder, recursively, or what a glob matches, grouped by the folder they are in (names kept as listed: no
    object per file). Files of other kinds under a folder go to `skipped` as (path, reason); hidden files
    (.DS_Store, editors' lock files) are passed over."""
    if _has_magic(spec):
        grouped: dict[str, list[str]] = {}
        for p in glob.iglob(spec, recursive=True):
            folder, name = os.path.split(p)
            grouped.setdefault(folder, []).append(name)
        yield from grouped.items()
        return
    root = Path(spec)
    if not root.exists():
        raise GongfuError(f"{spec}: input folder not found. Give a folder of .txt files or a quoted glob "
                          f"such as 'archive/**/*.txt'.")
    if root.is_file():
        folder, name = os.path.split(spec)
        yield folder, [name]
        return
    for folder, dirs, files in os.walk(spec):
        names = []
        for name in sorted(files):
            if name.startswith(".") or name == MANIFEST_NAME:
                continue
            if is_text_name(name):
                names.append(name)
            else:
                skipped.append((os.path.join(folder, name), f"skipped: not a text file (only "
                                f"{', '.join(TEXT_SUFFIXES)} are read); save it as .txt to include it"))
        # a folder named like a text is searched, and reported, since it was probably meant as a document
        yield folder, names + [d for d in dirs if is_text_name(d) and not d.startswith(".")]


class SourceList(Sequence):
    """The input documents sorted by (doc_id, path), held compactly: a table of folders (resolved and as
    listed, with their manifest rows) and, per document, its file name and folder number. About 80 bytes a
    document where full Source tuples took about 450, so the process that plans the chunks (and every
    worker forked from it) stays nearly the same size from 1k to 100k documents. Items are Source tuples,
    made when asked for."""

    def __init__(self) -> None:
        self._folders: list[tuple[str, str, dict[str, dict[str, str]]]] = []
        self._names: list[str] = []
        self._folder = array("I")
        self._odd: dict[int, tuple[str, str]] = {}  # (resolved, listed) paths that are not folder + name
        self.skipped: list[tuple[str, str, str]] = []  # (doc_id, path as listed, reason): entries not read

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self._names)
        name = self._names[i]
        resolved_dir, listed_dir, rows = self._folders[self._folder[i]]
        resolved, listed = self._odd.get(i) or (os.path.join(resolved_dir, name), os.path.join(listed_dir, name))
        return os.path.splitext(name)[0], resolved, listed, rows.get(name)

    def __iter__(self) -> Iterator[Source]:
        return (self[i] for i in range(len(self._names)))

    def doc_ids(self) -> Iterator[str]:
        return (os.path.splitext(name)[0] for name in self._names)


def _folder_run(names: list[str], number: int, listed_dir: str,
                odd: dict[str, tuple[str, str]]) -> Iterator[tuple[tuple[str, str], int, str, tuple[str, str] | None]]:
    """One folder's documents as ((doc_id, listed path), folder number, name, odd paths), in that order; made
    one at a time, so merging the folders holds one entry per folder, not one per document."""
    def key(name: str) -> tuple[str, str]:
        return os.path.splitext(name)[0], odd[name][1] if name in odd else os.path.join(listed_dir, name)

    for name in sorted(names, key=key):
        yield key(name), number, name, odd.get(name)


def list_sources(spec: str, exclude: Path | None = None) -> SourceList:
    """The input documents sorted by doc_id (the file name's stem), with manifest rows where a
    MANIFEST.csv sits beside the files. Holds names, never texts. Duplicate doc_ids are refused; what was
    passed over (other kinds of file, folders) is in `.skipped`, with the reason, for the failures table."""
    excluded = str(exclude.resolve()) + os.sep if exclude else None
    sources = SourceList()
    skipped: list[tuple[str, str]] = []
    runs = []  # per folder: its documents sorted by (doc_id, listed path), with odd paths
    for folder, names in _input_files(spec, skipped):
        resolved_dir = str(Path(folder or ".").resolve())
        if excluded and (resolved_dir + os.sep).startswith(excluded):
            continue
        listed_dir = str(Path(folder))
        listed_dir = "" if listed_dir == "." else listed_dir
        kept, odd = [], {}
        for name in names:
            path = os.path.join(folder, name)
            if name == MANIFEST_NAME:
                continue
            if not os.path.isfile(path):
                what = "a folder" if os.path.isdir(path) else "a link to nothing"
                skipped.append((str(Path(path)), f"skipped: {what}, not a text file"))
                continue
            listed = str(Path(path))
            resolved = str(Path(path).resolve()) if os.path.islink(path) else os.path.join(resolved_dir, name)
            if excluded and resolved.startswith(excluded):
                continue
            if listed != os.path.join(listed_dir, name) or resolved != os.path.join(resolved_dir, name):
                odd[name] = (resolved, listed)
            kept.append(name)
        if not kept:
            continue
        has = os.path.isfile(os.path.join(folder, MANIFEST_NAME))
        rows = {r["file"]: r for r in read_manifest(Path(folder or "."))} if has else {}
        number = len(sources._folders)
        sources._folders.append((resolved_dir, listed_dir, rows))

        runs.append(_folder_run(kept, number, listed_dir, odd))
    previous: tuple[str, str] | None = None
    for (doc_id, listed), number, name, odd_paths in heapq.merge(*runs, key=lambda entry: entry[0]):
        if previous is not None and previous[0] == doc_id:
            raise GongfuError(f"{listed}: doc_id {doc_id} is also the name of {previous[1]}. Doc ids are file "
                              f"names and must be unique: rename one of them.")
        previous = (doc_id, listed)
        if odd_paths is not None:
            sources._odd[len(sources._names)] = odd_paths
        sources._names.append(name)
        sources._folder.append(number)
    sources.skipped = sorted((os.path.splitext(os.path.basename(p))[0], p, why) for p, why in skipped
                             if not (excluded and str(Path(p).resolve()).startswith(excluded)))
    if not len(sources):
        passed = (f"; {len(sources.skipped)} entries skipped, e.g. {sources.skipped[0][1]} "
                  f"({sources.skipped[0][2].removeprefix('skipped: ')})" if sources.skipped else "")
        raise GongfuError(f"{spec}: no input files found (a folder is searched for {', '.join(TEXT_SUFFIXES)} "
                          f"files; a glob must match files{passed}). Check the path.")
    return sources
