"""Wall time of the whole pipeline on the five texts (three notebooks + HTML), then the per-stage benchmarks
and a quick look at archive throughput (`bench_scale.py` on 1,000 documents, 1 and 2 workers).

Run with `make bench`. Prints figures; asserts nothing (speed targets live here, not in timed tests).
Target (issue 3): the whole pipeline under 60 s on the 2-core machine, after installation.
The full archive benchmark (10k and 100k documents, Dask) is `bench_scale.py`; see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gongfu.run.notebooks import run_pipeline

HERE = Path(__file__).resolve().parent


def time_pipeline(repeats: int) -> list[float]:
    """Seconds per full run, each into a fresh temporary folder (data/processed is left alone)."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            run_pipeline(processed_dir=Path(tmp) / "processed", reports_dir=Path(tmp) / "reports", progress=False)
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pipeline-only", action="store_true", help="skip the per-stage and archive benchmarks")
    args = parser.parse_args()
    times = time_pipeline(args.repeats)
    print(f"whole pipeline (3 notebooks + HTML, 5 texts): median {statistics.median(times):.1f} s, "
          f"min {min(times):.1f} s, max {max(times):.1f} s over {len(times)} runs (target < 60 s)")
    if args.pipeline_only:
        return
    for script, args in (("bench_clean.py", []), ("bench_extract.py", []),
                         ("bench_scale.py", ["--sizes", "1000", "--runs", "local:1,local:2", "--code", "worktree"])):
        if (HERE / script).is_file():
            print(f"--- {script} {' '.join(args)}".rstrip(), flush=True)
            subprocess.run([sys.executable, str(HERE / script), *args], check=True)


if __name__ == "__main__":
    main()
