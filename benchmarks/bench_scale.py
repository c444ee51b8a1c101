"""Benchmark `python -m gongfu process` on synthetic archives built from the five raw texts.

    .venv/bin/python benchmarks/bench_scale.py                          # 1k and 10k, every engine
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 --runs local:1,local:2   # a quick look
    .venv/bin/python benchmarks/bench_scale.py --sizes 100000 --runs local:2

Each corpus (benchmarks/out/corpus-<N>/, git-ignored, built once and reused) holds N copies of the five texts
under new doc ids, with about a third of their ASCII numbers changed so no two documents are the same. Each run
is a fresh `process` in a subprocess; its whole process tree (workers, Dask nanny and scheduler included) is
sampled for memory. Prints documents/s, MB/s, peak memory, and the speed-ups, and appends every run to
benchmarks/out/results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT / "data" / "raw"
OUT_DIR = ROOT / "benchmarks" / "out"
PER_FOLDER = 1000
DIGITS = re.compile(r"[0-9]+")


@dataclass
class Result:
    """One measured run."""

    size: int
    engine: str
    workers: int
    seconds: float
    process_seconds: float
    consolidate_seconds: float
    mbytes: float
    peak_rss_mb: float
    peak_pss_mb: float
    failed: int

    @property
    def docs_per_s(self) -> float:
        return self.size / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.mbytes / self.seconds


def perturb(text: str, rng: random.Random) -> str:
    """Change the last digit of about a third of the numbers (lengths and layout stay the same)."""
    def change(match: re.Match[str]) -> str:
        digits = match.group()
        if rng.random() > 1 / 3:
            return digits
        return digits[:-1] + str((int(digits[-1]) + rng.randint(1, 9)) % 10)

    return DIGITS.sub(change, text)


def build_corpus(size: int) -> Path:
    """benchmarks/out/corpus-<size>/: `size` perturbed copies of the raw texts, 1000 per folder (reused)."""
    root = OUT_DIR / f"corpus-{size}"
    stamp = root / ".complete"
    if stamp.is_file():
        return root
    shutil.rmtree(root, ignore_errors=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW_DIR.glob("*.txt"))]
    start = time.perf_counter()
    for i in range(size):
        folder = root / f"{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True)
        base = i % len(texts)
        text = perturb(texts[base], random.Random(i))
        (folder / f"d{i:07d}_{base}.txt").write_text(text, encoding="utf-8", newline="")
    stamp.write_text(str(size))
    print(f"built {root.relative_to(ROOT)} ({size} documents) in {time.perf_counter() - start:.0f}s", flush=True)
    return root


def corpus_mbytes(root: Path) -> float:
    return sum(p.stat().st_size for p in root.rglob("*.txt")) / 1e6


class TreeMemory:
    """Samples the summed RSS and PSS of a process and all its descendants in a background thread."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        rss = pss = 0
        try:
            procs = [self.proc, *self.proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for proc in procs:
            try:
                info = proc.memory_full_info()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)


def run_once(corpus: Path, size: int, engine: str, workers: int, chunk_size: int | None, keep: bool) -> Result:
    """One fresh `process` run in a subprocess, timed end to end (start-up and consolidation included)."""
    out = OUT_DIR / f"run-{size}-{engine}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "gongfu", "process", "--input", str(corpus), "--output", str(out),
           "--engine", engine, "--workers", str(workers), "--format", "csv", "--quiet"]
    if chunk_size:
        cmd += ["--chunk-size", str(chunk_size)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    summary = json.loads((out / "_parts" / "last-run.json").read_text())
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
    return Result(size, engine, workers, seconds, summary["seconds"], summary["consolidate_seconds"],
                  corpus_mbytes(corpus), memory.peak_rss / 2**20, memory.peak_pss / 2**20, summary["failed"])


def code_version() -> str:
    """The cleaner/extractor on disk: last commit touching them, and whether the working tree differs."""
    paths = ["src/gongfu/clean", "src/gongfu/claims.py", "src/gongfu/numbers.py"]
    log = subprocess.run(["git", "log", "--oneline", "-1", "--", *paths[:2]], cwd=ROOT, capture_output=True,
                         text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *paths], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    return log + (" (+ uncommitted changes)" if dirty else "")


def print_table(results: list[Result]) -> None:
    header = (f"{'docs':>7} {'engine':>8} {'workers':>7} {'wall s':>8} {'docs/s':>8} {'MB/s':>6} "
              f"{'peak RSS MB':>11} {'peak PSS MB':>11} {'failed':>6}")
    print(header)
    for r in results:
        print(f"{r.size:>7} {r.engine:>8} {r.workers:>7} {r.seconds:>8.1f} {r.docs_per_s:>8.0f} "
              f"{r.mb_per_s:>6.2f} {r.peak_rss_mb:>11.0f} {r.peak_pss_mb:>11.0f} {r.failed:>6}")
    by = {(r.size, r.engine, r.workers): r for r in results}
    for size in sorted({r.size for r in results}):
        one, two, dask = by.get((size, "local", 1)), by.get((size, "local", 2)), by.get((size, "dask", 2))
        if one and two:
            print(f"{size:>7}: 2 workers over 1 (local): {one.seconds / two.seconds:.2f}x "
                  f"(processing only: {one.process_seconds / two.process_seconds:.2f}x)")
        if two and dask:
            print(f"{size:>7}: dask time / local time (2 workers): {dask.seconds / two.seconds:.2f}x "
                  f"(processing only: {dask.process_seconds / two.process_seconds:.2f}x)")


def parse_runs(spec: str) -> list[tuple[str, int]]:
    runs = []
    for item in spec.split(","):
        engine, _, workers = item.partition(":")
        runs.append((engine, int(workers or 1)))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", default="local:1,local:2,dask:2",
                        help="engine:workers pairs, comma-separated (default local:1,local:2,dask:2)")
    parser.add_argument("--chunk-size", type=int, default=None, help="passed to process (default: automatic)")
    parser.add_argument("--keep", action="store_true", help="keep the run outputs under benchmarks/out/")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = parse_runs(args.runs)
    context = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": psutil.cpu_count(),
               "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
               "python": platform.python_version(), "code": code_version()}
    print(json.dumps(context, ensure_ascii=False), flush=True)
    results = []
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        corpus = build_corpus(size)
        for engine, workers in runs:
            result = run_once(corpus, size, engine, workers, args.chunk_size, args.keep)
            results.append(result)
            row = {**context, **asdict(result), "docs_per_s": result.docs_per_s, "mb_per_s": result.mb_per_s}
            with (OUT_DIR / "results.jsonl").open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{size} {engine}:{workers}: {result.seconds:.1f}s, {result.docs_per_s:.0f} docs/s, "
                  f"peak RSS {result.peak_rss_mb:.0f} MB, PSS {result.peak_pss_mb:.0f} MB", flush=True)
    print_table(results)


if __name__ == "__main__":
    main()
