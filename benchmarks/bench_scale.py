"""Benchmark `python -m gongfu process` on synthetic archives built from the five raw texts.

    .venv/bin/python benchmarks/bench_scale.py                          # 1k and 10k, every engine
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 --runs local:1,local:2   # a quick look
    .venv/bin/python benchmarks/bench_scale.py --sizes 100000 --runs local:1,local:2,dask:2   # slow (~1 h)
    .venv/bin/python benchmarks/bench_scale.py --code worktree --repeats 3   # uncommitted code, best of 3

Each corpus (benchmarks/out/corpus-<N>/, git-ignored, built once and reused) holds N copies of the five texts
under new doc ids, with about a third of their ASCII numbers changed so no two documents are the same.

The code measured is a committed revision (--code, default HEAD) exported to benchmarks/out/code-<sha>/, so
edits landing in the working tree during a long run cannot change what is measured and every figure names
its commit. Each run is a fresh `process` in a subprocess; its whole process tree (workers, Dask nanny and
scheduler included) is sampled for memory (summed RSS, and PSS, which counts pages shared between forked
workers once) and for CPU time. The load average is recorded before and after each run: on a shared
machine a wall-time speed-up only means something when the load left two cores free. Prints documents/s,
MB/s, peak memory and the speed-ups, and appends every run to benchmarks/out/results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from io import BytesIO
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
    cpu_seconds: float
    mbytes: float
    peak_rss_mb: float
    peak_pss_mb: float
    failed: int
    load_before: list[float] = field(default_factory=list)
    load_after: list[float] = field(default_factory=list)
    others_cores: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.size / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.mbytes / self.seconds


# ------------------------------------------------------------------------------------------ corpus and code

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


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def code_snapshot(rev: str) -> tuple[Path, str]:
    """The package source to measure, and its description: a committed revision exported to
    benchmarks/out/code-<sha>/src (reused), or with rev 'worktree' a copy of src/ as it is now (uncommitted
    edits included, frozen for the length of the benchmark)."""
    if rev == "worktree":
        dirty = git("status", "--porcelain", "--", "src")
        target = OUT_DIR / f"code-worktree-{datetime.now(UTC):%Y%m%dT%H%M%S}"
        shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        described = f"worktree at {git('log', '--oneline', '-1')}"
        return target / "src", described + (f" + uncommitted src: {' '.join(dirty.split())}" if dirty else "")
    sha = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    target = OUT_DIR / f"code-{sha[:12]}"
    if not (target / ".complete").is_file():
        shutil.rmtree(target, ignore_errors=True)
        archive = subprocess.run(["git", "archive", "--format=tar", sha, "src"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
        (target / ".complete").write_text(sha)
    return target / "src", git("log", "--oneline", "-1", sha)


def run_env(src: Path) -> dict[str, str]:
    """The environment of a measured run: `src` first on the path (ahead of the editable install)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [env.get("PYTHONPATH")])])
    return env


def check_imports_from(src: Path) -> None:
    """Refuse to measure if `gongfu` would be imported from anywhere but `src`."""
    found = subprocess.run([sys.executable, "-c", "import gongfu; print(gongfu.__file__)"], cwd=OUT_DIR,
                           env=run_env(src), capture_output=True, text=True, check=True).stdout.strip()
    if not Path(found).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"gongfu imports from {found}, not from {src}: check PYTHONPATH")


# ------------------------------------------------------------------------------------------------ measuring

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


def children_cpu() -> float:
    """CPU seconds (user + system) of every reaped descendant of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def busy_cpu() -> float:
    """CPU seconds the whole machine has spent busy (all processes, all cores) since boot."""
    t = psutil.cpu_times()
    return t.user + t.nice + t.system + getattr(t, "irq", 0.0) + getattr(t, "softirq", 0.0)


def run_once(corpus: Path, src: Path, size: int, engine: str, workers: int, chunk_size: int | None,
             keep: bool) -> Result:
    """One fresh `process` run in a subprocess, timed end to end (start-up and consolidation included)."""
    out = OUT_DIR / f"run-{size}-{engine}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "gongfu", "process", "--input", str(corpus), "--output", str(out),
           "--engine", engine, "--workers", str(workers), "--format", "csv", "--quiet"]
    if chunk_size:
        cmd += ["--chunk-size", str(chunk_size)]
    before, cpu, busy = load(), children_cpu(), busy_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=OUT_DIR, env=run_env(src), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with TreeMemory(proc.pid) as memory:
        _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    cpu, busy = children_cpu() - cpu, busy_cpu() - busy
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    summary = json.loads((out / "_parts" / "last-run.json").read_text())
    if summary["done_before"] != 0 or summary["processed"] != size:
        raise SystemExit(f"{out}: processed {summary['processed']} of {size} documents")
    if summary["failed"]:  # every synthetic document is readable: a failure means the code measured is broken
        reason = (out / "failures.csv").read_text(encoding="utf-8").splitlines()[1]
        raise SystemExit(f"{summary['failed']} of {size} documents failed, so the figures would measure the "
                         f"failure path; first: {reason[:400]}")
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
    return Result(size, engine, workers, seconds, summary["seconds"], summary["consolidate_seconds"], cpu,
                  corpus_mbytes(corpus), memory.peak_rss / 2**20, memory.peak_pss / 2**20, summary["failed"],
                  before, load(), max(0.0, busy - cpu) / seconds)


# ------------------------------------------------------------------------------------------------ reporting

def best(results: list[Result]) -> dict[tuple[int, str, int], Result]:
    """The fastest of each (size, engine, workers)'s repeats."""
    out: dict[tuple[int, str, int], Result] = {}
    for r in results:
        key = (r.size, r.engine, r.workers)
        if key not in out or r.seconds < out[key].seconds:
            out[key] = r
    return out


def print_table(results: list[Result]) -> None:
    by = best(results)
    print(f"{'docs':>7} {'engine':>6} {'w':>2} {'wall s':>7} {'docs/s':>7} {'MB/s':>5} {'cpu s':>7} "
          f"{'RSS MB':>7} {'PSS MB':>7} {'others':>6}  load 1/5/15 min before -> after")
    for r in by.values():
        print(f"{r.size:>7} {r.engine:>6} {r.workers:>2} {r.seconds:>7.1f} {r.docs_per_s:>7.0f} {r.mb_per_s:>5.2f} "
              f"{r.cpu_seconds:>7.1f} {r.peak_rss_mb:>7.0f} {r.peak_pss_mb:>7.0f} {r.others_cores:>6.2f}  "
              f"{'/'.join(map(str, r.load_before))} -> {'/'.join(map(str, r.load_after))}")
    print("(others: cores kept busy by other processes during the run, from the machine's CPU time minus this "
          "run's; the load average includes the previous run's own processes)")
    for size in sorted({r.size for r in results}):
        one, two, dask = by.get((size, "local", 1)), by.get((size, "local", 2)), by.get((size, "dask", 2))
        if one and two:
            print(f"{size:>7}: 2 workers over 1 (local): {one.seconds / two.seconds:.2f}x wall, "
                  f"{one.process_seconds / two.process_seconds:.2f}x processing only; CPU time with 2 workers "
                  f"{two.cpu_seconds / one.cpu_seconds:.2f}x that with 1")
        if two and dask:
            print(f"{size:>7}: dask time / local time (2 workers): {dask.seconds / two.seconds:.2f}x wall, "
                  f"{dask.process_seconds / two.process_seconds:.2f}x processing only")


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
    parser.add_argument("--code", default="HEAD", help="git revision to measure, or worktree (default HEAD)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs of each size/engine, interleaved; the fastest is reported (default 1)")
    parser.add_argument("--chunk-size", type=int, default=None, help="passed to process (default: automatic)")
    parser.add_argument("--keep", action="store_true", help="keep the run outputs under benchmarks/out/")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = parse_runs(args.runs)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    src, code = code_snapshot(args.code)
    check_imports_from(src)
    context = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": psutil.cpu_count(),
               "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
               "python": platform.python_version(), "code": code}
    print(json.dumps(context, ensure_ascii=False), flush=True)
    results = []
    try:
        for size in sizes:
            corpus = build_corpus(size)
            for _ in range(args.repeats):
                for engine, workers in runs:
                    result = run_once(corpus, src, size, engine, workers, args.chunk_size, args.keep)
                    results.append(result)
                    record(context, result)
    finally:
        if args.code == "worktree":  # a copy made for this run only
            shutil.rmtree(src.parent, ignore_errors=True)
    print_table(results)


def record(context: dict[str, object], result: Result) -> None:
    """Append a run to benchmarks/out/results.jsonl and print it."""
    row = {**context, **asdict(result), "docs_per_s": result.docs_per_s, "mb_per_s": result.mb_per_s}
    with (OUT_DIR / "results.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{result.size} {result.engine}:{result.workers}: {result.seconds:.1f}s, {result.docs_per_s:.0f} docs/s, "
          f"cpu {result.cpu_seconds:.1f}s, peak RSS {result.peak_rss_mb:.0f} MB, PSS {result.peak_pss_mb:.0f} MB, "
          f"load {result.load_before} -> {result.load_after}, others busy {result.others_cores:.2f} cores", flush=True)


if __name__ == "__main__":
    main()
