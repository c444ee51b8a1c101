"""Engines that map chunks: serial, local processes, a Dask cluster."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from itertools import islice

from gongfu.errors import GongfuError
from gongfu.run.archive.chunks import chunk_key, process_chunk
from gongfu.run.archive.settings import ChunkHook, ChunkResult, Settings, Source

# ------------------------------------------------------------------------------------------------ engines

def run_serial(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook) -> None:
    """One worker: process chunks in this process, no pool."""
    for chunk in chunks:
        on_done(process_chunk(chunk, settings))


def _result(future: Future) -> ChunkResult:
    try:
        return future.result()
    except BrokenExecutor as err:
        raise GongfuError("a worker process died (out of memory, or killed). Finished chunks are kept: rerun "
                          "the same command to resume, with fewer --workers if memory is short.") from err
    except OSError as err:
        raise GongfuError(f"a worker could not write its results ({err}). Finished chunks are kept: fix the "
                          f"problem and rerun the same command to resume.") from err


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """A worker's first act: end when the run's main process ends, however it ends (SIGKILL included), so no
    worker goes on committing chunks, and holding memory, for a run nobody is waiting for.

    On Linux the kernel sends SIGKILL at the parent's death (prctl PR_SET_PDEATHSIG); elsewhere a thread checks
    once a second that the parent is still the one that started the worker.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    else:
        armed = False
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def run_local(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook, workers: int) -> None:
    """A pool of `workers` processes; at most two chunks per worker in flight, results taken as they finish."""
    if workers == 1:
        run_serial(chunks, settings, on_done)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=die_with_parent,
                               initargs=(os.getpid(),))
    pending: set[Future] = set()
    try:
        for chunk in chunks:
            if len(pending) >= 2 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    on_done(_result(future))
            pending.add(pool.submit(process_chunk, chunk, settings))
        for future in _as_finished(pending):
            on_done(_result(future))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _as_finished(pending: set[Future]) -> Iterator[Future]:
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from finished


# Dask keeps the last `distributed.admin.low-level-log-length` (default 1,000) messages of every batched
# stream for debugging: the client's to the scheduler and the scheduler's to each worker, and each
# compute-task message holds its task's arguments (a chunk's Source tuples). A 100k run has only about 1,000
# chunks, so those logs never fill and grow with the archive (about 50 kB a chunk, 0.5 kB a document, in
# the client + scheduler process). Ten messages are plenty to debug with, and memory stays flat.
DASK_CONFIG = {
    "distributed.admin.low-level-log-length": 10,
    # the workers' statistical profiler (a thread sampling every task's stack for the dashboard, which is
    # off) cost each worker about 15 MB and some CPU
    "distributed.worker.profile.enabled": False,
}


def dask_settings():
    """DASK_CONFIG set, as a context manager (Dask restores the previous settings on leaving it)."""
    import dask
    import distributed  # noqa: F401  its defaults join the config now, or leaving the context would drop them

    return dask.config.set(DASK_CONFIG)


def dask_client(workers: int, scheduler: str | None, processes: bool = True):
    """A Dask client: to the scheduler at `scheduler`, or to a new LocalCluster of `workers` workers (create it
    inside `dask_settings()`: the workers and the message streams read their settings when they start)."""
    import logging

    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as err:
            raise GongfuError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({err}). Start one "
                              f"(dask scheduler) or leave --scheduler out to use a local cluster.") from err
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster)


def run_dask(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook, workers: int,
             scheduler: str | None = None, processes: bool = True) -> None:
    """The same `process_chunk` as Dask tasks; at most two chunks per worker thread in flight.

    With --scheduler, the workers must see the same file system paths (input and output) and have gongfu
    installed at the same version.
    """
    with dask_settings():  # for the whole run: the streams to workers that (re)join are made later
        _run_dask(chunks, settings, on_done, workers, scheduler, processes)


def _run_dask(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook, workers: int,
              scheduler: str | None, processes: bool) -> None:
    from dask.distributed import as_completed

    client = dask_client(workers, scheduler, processes)
    try:
        limit = 2 * max(1, sum(client.nthreads().values()))
        todo = iter(chunks)

        def submit(chunk: list[Source]) -> Future:
            return client.submit(process_chunk, chunk, settings, key=f"chunk-{chunk_key(s[0] for s in chunk)}",
                                 pure=False)

        running = as_completed([submit(c) for c in islice(todo, limit)])
        for future in running:
            on_done(_result(future))
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
