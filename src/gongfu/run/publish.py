"""Publishing a run: every output (tables, pages, figures, screenshots) swapped into place together, or none.

A run builds all its outputs in a staging folder. `publish` then
  1. checks that every destination can be written, and the output it replaces deleted, before anything moves;
  2. writes a journal of the planned swaps beside the staged outputs;
  3. renames each previous output aside (a hidden sibling) and the staged one into its place;
  4. marks the journal committed, then deletes the previous outputs and the journal.
An error in step 3 undoes the renames made so far. A kill at any moment (SIGKILL included) leaves the journal,
and `recover`, which every run calls first, finishes a committed swap or undoes one that was not, so the
outputs are the previous set or the new one, never a mix, and no folder is left beside them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongfu.errors import GongfuError
from gongfu.paths import relative

try:  # POSIX: one publisher at a time per checkout, and a killed one's lock is released by the kernel
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

JOURNAL_NAME = "publish.json"
LOCK_NAME = "publish.lock"


@dataclass(frozen=True)
class Swap:
    """One output: the staged file or folder that replaces `dest` (None: `dest` is removed, as stale)."""

    dest: Path
    staged: Path | None


@contextmanager
def lock(staging_root: Path) -> Iterator[None]:
    """Hold the checkout's publishing lock (waits for another run that is publishing)."""
    staging_root.mkdir(parents=True, exist_ok=True)
    with (staging_root / LOCK_NAME).open("a+") as fh:
        if fcntl is not None:
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def publish(swaps: Sequence[Swap], journal: Path, staging_root: Path) -> None:
    """Swap every staged output into place, or, on any error, leave every destination as it was."""
    with lock(staging_root):
        _recover_unlocked(staging_root)
        swaps = [s for s in swaps if s.staged is not None or os.path.lexists(s.dest)]
        check_separate(swaps)
        check_writable(swaps)
        plan = _plan(swaps, journal.parent.name)
        _write_journal(journal, plan)
        try:
            _apply(plan)
        except BaseException as err:  # an OSError, or anything else: every destination goes back as it was
            _undo(plan)
            journal.unlink()
            if not isinstance(err, OSError):
                raise
            where = err.filename or "a destination"
            raise GongfuError(f"{relative(Path(where))}: publishing failed ({err.strerror or err}); every "
                              f"previous output was put back as it was. Fix that and run again.") from None
        plan["state"] = "committed"
        _write_journal(journal, plan)
        try:
            _finish(plan)
        except OSError as err:  # checked before the swap, so only if something changed meanwhile
            raise GongfuError(f"{relative(Path(err.filename or '.'))}: the new outputs are in place, but this "
                              f"previous one could not be deleted ({err.strerror}). Delete it by hand.") from None
        journal.unlink()


def recover(staging_root: Path) -> list[str]:
    """Finish or undo publishes that a killed run left half done; one line per run recovered."""
    if not staging_root.is_dir():
        return []
    with lock(staging_root):
        return _recover_unlocked(staging_root)


def _recover_unlocked(staging_root: Path) -> list[str]:
    lines = []
    for journal in sorted(staging_root.glob(f"*/{JOURNAL_NAME}")):
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise GongfuError(f"{relative(journal)}: an interrupted run's publish journal cannot be read ({err}). "
                              f"Check data/processed/ and reports/, then delete {relative(journal.parent)}.") from None
        if plan.get("state") == "committed":
            _finish(plan)
            lines.append(f"an earlier run was stopped after publishing: finished tidying up "
                         f"({relative(journal.parent)})")
        else:
            _undo(plan)
            lines.append(f"an earlier run was stopped while publishing: its outputs were taken back out, the "
                         f"previous ones are in place ({relative(journal.parent)})")
        shutil.rmtree(journal.parent, ignore_errors=True)
    return lines


# ------------------------------------------------------------------------------------------------- checks

def check_separate(swaps: Sequence[Swap]) -> None:
    """Refuse destinations inside one another: swapping the outer one would carry the inner one with it."""
    dests = sorted((s.dest for s in swaps), key=lambda p: len(p.parts))
    for i, outer in enumerate(dests):
        for inner in dests[i + 1:]:
            if inner == outer or outer in inner.parents:
                raise GongfuError(f"{relative(inner)} is inside {relative(outer)}, and both are outputs of this "
                                  f"run: choose separate folders (processed_dir, figures_dir in params.yaml).")


def check_writable(swaps: Sequence[Swap]) -> None:
    """Refuse, before anything moves, a destination that cannot be replaced: its folder is not writable, or
    a folder of the output it replaces is not (that output could not be deleted), or a file stands where a
    folder goes."""
    for swap in swaps:
        dest = swap.dest
        if os.path.lexists(dest):
            if swap.staged is not None and dest.is_dir() != swap.staged.is_dir():
                kind = "a folder" if dest.is_dir() else "a file"
                raise GongfuError(f"{relative(dest)}: is {kind} where the run writes "
                                  f"{'a folder' if swap.staged.is_dir() else 'a file'}. Move it away and run "
                                  f"again; nothing was published, the previous outputs are unchanged.")
            folders = [Path(f) for f, _, _ in os.walk(dest)] if dest.is_dir() and not dest.is_symlink() else []
        else:
            folders = []
        parent = dest.parent
        while not parent.exists():
            parent = parent.parent
        for folder in [parent, *folders]:
            why = "not a folder" if not folder.is_dir() else _unwritable(folder)
            if why:
                raise GongfuError(f"{relative(folder)}: not writable ({why}), so the new outputs cannot replace "
                                  f"the old. Make it writable (chmod -R u+w {relative(folder)}) and run again; "
                                  f"nothing was published, the previous outputs are unchanged.")


def _unwritable(folder: Path) -> str | None:
    """Why entries cannot be added to or removed from `folder`, or None. Asked of the system (permissions, a
    read-only mount, an immutable flag), never by writing a test file that a kill could leave behind."""
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    return "read-only file system" if os.access(folder, os.R_OK) and _read_only_mount(folder) else "permission denied"


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


# ------------------------------------------------------------------------------------------ the journal

def _plan(swaps: Sequence[Swap], token: str) -> dict[str, Any]:
    """The journal's content: folders to create, and per destination the paths of the swap."""
    create: list[str] = []
    entries = []
    for swap in swaps:
        missing = []
        parent = swap.dest.parent
        while not parent.exists():
            missing.append(str(parent))
            parent = parent.parent
        create.extend(p for p in reversed(missing) if p not in create)
        copy = swap.staged is not None and _device(swap.staged) != _device(parent)
        new = (str(swap.dest.with_name(f".{swap.dest.name}.new-{token}")) if copy
               else (str(swap.staged) if swap.staged is not None else None))
        entries.append({"dest": str(swap.dest), "new": new, "copy_from": str(swap.staged) if copy else None,
                        "old": str(swap.dest.with_name(f".{swap.dest.name}.old-{token}")),
                        "existed": os.path.lexists(swap.dest)})
    return {"state": "swapping", "pid": os.getpid(), "create": create, "swaps": entries}


def _device(path: Path) -> int:
    return os.stat(path).st_dev


def _write_journal(journal: Path, plan: dict[str, Any]) -> None:
    tmp = journal.with_name(f".{journal.name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(plan, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, journal)


def _apply(plan: dict[str, Any]) -> None:
    for folder in plan["create"]:
        os.makedirs(folder, exist_ok=True)
    for entry in plan["swaps"]:
        if entry["copy_from"]:  # another file system: copied beside the destination first, so the swap is a rename
            source = Path(entry["copy_from"])
            if source.is_dir():
                shutil.copytree(source, entry["new"], symlinks=True)
            else:
                shutil.copy2(source, entry["new"])
    for entry in plan["swaps"]:
        if entry["existed"]:
            os.rename(entry["dest"], entry["old"])
        if entry["new"]:
            os.rename(entry["new"], entry["dest"])


def _undo(plan: dict[str, Any]) -> None:
    """Put every previous output back; safe to repeat, and to run after a kill at any point of `_apply`."""
    for entry in reversed(plan["swaps"]):
        dest, new, old = entry["dest"], entry["new"], entry["old"]
        if entry["existed"]:
            if os.path.lexists(old):
                if new and os.path.lexists(dest) and not os.path.lexists(new):
                    os.rename(dest, new)  # the new output goes back where it came from
                if not os.path.lexists(dest):
                    os.rename(old, dest)
        elif new and os.path.lexists(dest) and not os.path.lexists(new):
            os.rename(dest, new)
        if entry["copy_from"] and new and os.path.lexists(new):
            _remove(Path(new))
    for folder in reversed(plan["create"]):
        try:
            os.rmdir(folder)
        except OSError:
            pass


def _finish(plan: dict[str, Any]) -> None:
    """After the commit: delete the previous outputs moved aside."""
    for entry in plan["swaps"]:
        if os.path.lexists(entry["old"]):
            _remove(Path(entry["old"]))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
