"""Extraction throughput (issue 5): claims from a corpus made by repeating the cleaned texts.

    .venv/bin/python benchmarks/bench_extract.py                       # data/processed, >= 5 M characters, best of 3
    .venv/bin/python benchmarks/bench_extract.py --processed /tmp/p --chars 10000000 --repeats 5 --profile

Reads documents.csv and clean/<doc_id>.txt from a processed folder (never writes there), repeats the texts as
separate documents until the corpus holds --chars characters (5 M characters is about 15 MB of UTF-8), and times
`gongfu.claims.extract_claims` over every document on one core, best of --repeats: wall and CPU seconds,
characters/s, MB/s of UTF-8 text and claims/s, then the CPU time and MB/s of its parts (reading numbers, indexing
the document context) on the same corpus. The load average is printed too: on a shared machine wall time means
little when the cores were busy. Prints figures; asserts nothing. Targets: at least 1 M characters/s on one core
for the extraction, 10 MB/s for the number reader alone.

--against SRC times another version's code in the same process, alternately with this one, round by round: SRC is
the `src/` of another checkout (`git archive <commit> | tar -x -C /tmp/base`, then --against /tmp/base/src), whose
`gongfu` package is copied to a temporary folder as `gongfu_other` with its imports renamed. On a shared machine
two processes run minutes apart see different loads; alternating in one process, the best of --repeats rounds of
each is a fair before/after. The claims of both are asserted equal.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import importlib
import os
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from gongfu.extract.claims import extract_claims
from gongfu.extract.context import DocumentContext
from gongfu.extract.numbers import find_quantities
from gongfu.paths import PROCESSED_DIR, ROOT

TARGET_CHARS_PER_S = 1_000_000
READER_TARGET_MB_S = 10.0  # find_quantities alone, MB/s of UTF-8 text on one core


def load_corpus(processed: Path, chars: int) -> list[tuple[dict[str, Any], str]]:
    """(documents.csv row, cleaned text) pairs, the texts repeated under new doc ids up to `chars` characters."""
    docs = pd.read_csv(processed / "documents.csv", dtype=str, keep_default_na=False)
    base = [(row, (processed / "clean" / f"{row['doc_id']}.txt").read_text(encoding="utf-8"))
            for row in docs.to_dict("records") if row.get("status") != "failed"]
    base = [(row, text) for row, text in base if text]
    if not base:
        raise SystemExit(f"{processed}: no cleaned texts; run 01_clean (make run) first")
    corpus, total, copy = [], 0, 0
    while total < chars:
        for row, text in base:
            corpus.append(({**row, "doc_id": f"{row['doc_id']}-{copy}"}, text))
            total += len(text)
        copy += 1
    return corpus


def timed(corpus: list[tuple[dict[str, Any], str]], work: Callable[[dict[str, Any], str], Any],
          repeats: int) -> tuple[float, float, int]:
    """Best wall and CPU seconds of `repeats` passes of `work` over the corpus, and what the last pass returned
    in total (claims counted when `work` returns a list)."""
    walls, cpus, count = [], [], 0
    for _ in range(repeats):
        wall, cpu, count = time.perf_counter(), time.process_time(), 0
        for doc, text in corpus:
            out = work(doc, text)
            count += len(out) if isinstance(out, list) else 0
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), count


_IMPORT = re.compile(r"\b(from|import) gongfu(?=[. \n])")


def load_other(src: Path) -> tuple[ModuleType, ModuleType]:
    """The claims and numbers modules of the `gongfu` package in `src`, loaded beside this one as `gongfu_other`
    (a copy in a temporary folder, its `gongfu` imports renamed; data paths from this checkout's root)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-against-"))
    atexit.register(shutil.rmtree, folder, True)
    shutil.copytree(src / "gongfu", folder / "gongfu_other")
    for path in (folder / "gongfu_other").rglob("*.py"):
        path.write_text(_IMPORT.sub(r"\1 gongfu_other", path.read_text(encoding="utf-8")), encoding="utf-8")
    os.environ.setdefault("GONGFU_ROOT", str(ROOT))
    sys.path.insert(0, str(folder))
    return (importlib.import_module("gongfu_other.extract.claims"),
            importlib.import_module("gongfu_other.extract.numbers"))


def against(corpus: list[tuple[dict[str, Any], str]], src: Path, repeats: int) -> None:
    """Print this code's extraction and number reader beside those of the code in `src`, timed alternately."""
    claims, numbers = load_other(src)
    mbytes = sum(len(text.encode("utf-8")) for _, text in corpus) / 1e6
    work = {
        ("extraction", "other"): lambda doc, text: claims.extract_claims(text, doc),
        ("extraction", "this"): lambda doc, text: extract_claims(text, doc),
        ("number reader", "other"): lambda doc, text: numbers.find_quantities(text),
        ("number reader", "this"): lambda doc, text: find_quantities(text),
    }
    doc, text = corpus[0]
    if claims.extract_claims(text, doc) != extract_claims(text, doc):
        raise SystemExit(f"{src}: its claims differ from this code's on {doc.get('doc_id')}")
    best = dict.fromkeys(work, float("inf"))
    load_before = os.getloadavg()[0]
    for _ in range(repeats):
        for key, run in work.items():
            best[key] = min(best[key], timed(corpus, run, 1)[1])
    print(f"against {src}: best of {repeats} alternating rounds, CPU, load average {load_before:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after")
    for part in ("extraction", "number reader"):
        other, this = best[(part, "other")], best[(part, "this")]
        print(f"  {part}: other {other:.3f} s ({mbytes / other:.2f} MB/s), this {this:.3f} s "
              f"({mbytes / this:.2f} MB/s): {other / this:.3f}x")
    for doc, text in corpus:
        if claims.extract_claims(text, doc) != extract_claims(text, doc):
            raise SystemExit(f"{src}: its claims differ from this code's on {doc.get('doc_id')}")
    print("  claims equal on every document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processed", type=Path, default=PROCESSED_DIR, help="processed folder to read")
    parser.add_argument("--chars", type=int, default=5_000_000, help="corpus size in characters")
    parser.add_argument("--repeats", type=int, default=3, help="passes; the best is reported")
    parser.add_argument("--profile", action="store_true", help="also print the 15 costliest functions")
    parser.add_argument("--against", type=Path, metavar="SRC",
                        help="another checkout's src/: time its code alternately with this one's, in this process")
    args = parser.parse_args()

    corpus = load_corpus(args.processed, args.chars)
    if args.against:
        against(corpus, args.against, args.repeats)
        return
    chars = sum(len(text) for _, text in corpus)
    mbytes = sum(len(text.encode("utf-8")) for _, text in corpus) / 1e6
    extract_claims(*reversed(corpus[0]))  # load lexicons and compile patterns outside the timing
    load_before = os.getloadavg()[0]
    wall, cpu, claims = timed(corpus, lambda doc, text: extract_claims(text, doc), args.repeats)
    load_after = os.getloadavg()[0]
    print(f"extraction: {len(corpus)} documents, {chars:,} characters ({mbytes:.1f} MB UTF-8), {claims:,} claims; "
          f"best of {args.repeats}")
    print(f"  wall {wall:.2f} s: {chars / wall / 1e6:.2f} M characters/s, {mbytes / wall:.2f} MB/s, "
          f"{claims / wall:,.0f} claims/s")
    print(f"  CPU  {cpu:.2f} s: {chars / cpu / 1e6:.2f} M characters/s, {mbytes / cpu:.2f} MB/s on one core "
          f"(target {TARGET_CHARS_PER_S / 1e6:.0f} M characters/s: "
          f"{'met' if chars / cpu >= TARGET_CHARS_PER_S else 'not met'})")
    print(f"  load average {load_before:.2f} before, {load_after:.2f} after (2 cores: above ~1 the wall time is "
          f"inflated by other work)")
    parts = {
        "reading numbers (find_quantities)": lambda doc, text: find_quantities(text),
        "document context (DocumentContext)": lambda doc, text: DocumentContext(text, doc),
    }
    for name, work in parts.items():
        _, part_cpu, _ = timed(corpus, work, args.repeats)
        print(f"  {name}: CPU {part_cpu:.2f} s ({part_cpu / cpu:.0%} of extraction), {mbytes / part_cpu:.2f} MB/s")
        if work is parts["reading numbers (find_quantities)"]:
            print(f"    number reader target {READER_TARGET_MB_S:.0f} MB/s per core (issue 13): "
                  f"{'met' if mbytes / part_cpu >= READER_TARGET_MB_S else 'not met'}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        timed(corpus[: max(1, len(corpus) // 5)], lambda doc, text: extract_claims(text, doc), 1)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)
    print(f"  median document: {statistics.median(len(t) for _, t in corpus):,.0f} characters")


if __name__ == "__main__":
    main()
