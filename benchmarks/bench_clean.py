"""Cleaning throughput: `clean_text` over at least 5 MB made by repeating the five raw texts.

Each copy is cleaned as its own document, as the pipeline does, in one process (one core). Prints MB/s
(UTF-8 bytes of raw text per CPU second of this process, best of --repeats, so other work on a shared
machine does not count against it; wall-clock MB/s beside it), documents per second, the time each step takes
and, with --profile, the functions where the time goes. Asserts nothing: the target (issue 4) is
at least 2 MB/s per core. Run with `python benchmarks/bench_clean.py` (or `make bench`).
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import time
from collections import defaultdict
from collections.abc import Callable

import psutil

from gongfu import paths
from gongfu.clean import chain
from gongfu.clean.edits import Tracker
from gongfu.sources import decode_bytes

TARGET_MB_S = 2.0


def corpus(min_mb: float, clean: bool = False) -> list[str]:
    """The decoded raw texts (or, with `clean`, the committed cleaned texts: text that needs nothing), repeated
    until their UTF-8 size reaches `min_mb` megabytes."""
    if clean:
        texts = [p.read_text(encoding="utf-8") for p in sorted((paths.PROCESSED_DIR / "clean").glob("*.txt"))]
    else:
        texts = [decode_bytes(p.read_bytes(), p.name).text for p in sorted(paths.RAW_DIR.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    return texts * math.ceil(min_mb * 1e6 / size)


def clean_all(texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        chain.clean_text(text)
    return time.perf_counter() - started


def clean_all_timed(texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): on a shared machine the CPU figure is the per-core one."""
    wall, cpu = time.perf_counter(), time.process_time()
    clean_all(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def step_times(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each step (and in the bookkeeping around them) over one pass of `texts`."""

    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t
        return wrapper

    patches = [(chain.SIMPLE_STEPS, k, k) for k in list(chain.SIMPLE_STEPS)]
    originals = [(d, k, d[k]) for d, k, _ in patches]
    modules = [(chain, "plainly_simplified", "script scan"), (chain, "convert_script", "script"),
               (chain, "conversion_audit", "script audit"),
               (chain, "markup_changes", "markup"), (chain, "repair_layout", "layout"),
               (chain, "strip_boilerplate", "boilerplate"),
               (Tracker, "apply", "edit tracking"), (chain, "assess", "status"),
               (chain, "pick_sample", "sample")]
    saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in modules]
    try:
        for d, k, name in patches:
            d[k] = timed(name, d[k])
        for obj, attr, name in modules:
            setattr(obj, attr, timed(name, getattr(obj, attr)))
        spent["total"] = clean_all(texts)
    finally:
        for d, k, fn in originals:
            d[k] = fn
        for obj, attr, fn in saved:
            setattr(obj, attr, fn)
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of raw text to clean (default 5)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print the 25 functions with most own time")
    parser.add_argument("--input", choices=("raw", "clean"), default="raw",
                        help="the raw texts (default) or the cleaned outputs fed back in (text that needs nothing)")
    args = parser.parse_args()
    texts = corpus(args.mb, clean=args.input == "clean")
    size = sum(len(t.encode("utf-8")) for t in texts)
    chain.clean_text(texts[0])  # imports, OpenCC dictionaries, lexicons
    runs = [clean_all_timed(texts) for _ in range(args.repeats)]
    wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
    rate = size / cpu / 1e6
    rss = psutil.Process().memory_info().rss / 1e6
    load = ", ".join(f"{x:.1f}" for x in psutil.getloadavg())
    print(f"cleaning ({args.input} texts): {size / 1e6:.1f} MB ({len(texts)} documents), best of {args.repeats}: "
          f"{cpu:.2f} s CPU "
          f"= {rate:.2f} MB/s per core, {len(texts) / cpu:.0f} documents/s; wall {wall:.2f} s = "
          f"{size / wall / 1e6:.2f} MB/s (load average {load} on {psutil.cpu_count()} cores); "
          f"target >= {TARGET_MB_S} MB/s per core: {'met' if rate >= TARGET_MB_S else 'NOT met'}; "
          f"peak RSS {rss:.0f} MB")
    sample = texts[: max(5, len(texts) // 10)]
    spent = step_times(sample)
    total = spent.pop("total")
    print(f"time per step over {len(sample)} documents ({total:.2f} s):")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<14} {seconds:6.3f} s  {100 * seconds / total:5.1f}%")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(clean_all, sample)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
