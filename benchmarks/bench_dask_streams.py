"""Memory of the Dask client + scheduler process against the number of tasks (issue 17), without gongfu's work.

A LocalCluster of two single-thread workers, as `python -m gongfu process --engine dask` starts it, gets
--tasks trivial tasks submitted the way the archive engine submits chunks (two per worker in flight, each
with a chunk-sized argument: --docs Source-like tuples). Prints the RSS of this process (the client and the
scheduler) every fifth of the run, with Dask's `distributed.admin.low-level-log-length` at --log-length
(Dask's default 1000; gongfu's DASK_CONFIG sets 10). Asserts nothing. Example:

    .venv/bin/python benchmarks/bench_dask_streams.py --tasks 3000 --log-length 1000
    .venv/bin/python benchmarks/bench_dask_streams.py --tasks 3000 --log-length 10
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from itertools import islice

import dask
import psutil
from dask.distributed import Client, LocalCluster, as_completed


def count(chunk: list[tuple[str, str, str]]) -> int:
    return len(chunk)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=3000)
    parser.add_argument("--docs", type=int, default=100, help="tuples in each task's argument (default 100)")
    parser.add_argument("--log-length", type=int, default=1000)
    args = parser.parse_args()
    dask.config.set({"distributed.admin.low-level-log-length": args.log_length,
                     "distributed.worker.profile.enabled": False})
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    chunks = ([(f"d{i}_{j:03d}", f"/archive/folder-{i // 10}/d{i}_{j:03d}_report.txt", f"d{i}_{j:03d}_report.txt")
               for j in range(args.docs)] for i in range(args.tasks))

    def submit(chunk: list[tuple[str, str, str]]):
        return client.submit(count, chunk, key=f"chunk-{chunk[0][0]}", pure=False)

    print(f"{args.tasks} tasks of {args.docs} tuples, low-level-log-length {args.log_length}")
    process = psutil.Process()
    running = as_completed([submit(c) for c in islice(chunks, 4)])
    done = 0
    for future in running:
        future.result()
        done += 1
        nxt = next(chunks, None)
        if nxt is not None:
            running.add(submit(nxt))
        if done % max(1, args.tasks // 5) == 0:
            gc.collect()
            print(f"{done:>7} tasks: client + scheduler RSS {process.memory_info().rss / 1e6:.1f} MB", flush=True)
    client.close()
    cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
