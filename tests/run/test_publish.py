"""Publishing: every output swapped in together; a failure or a kill at any step leaves the old set or the new."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongfu.errors import GongfuError
from gongfu.run import publish as publishing
from gongfu.run.publish import Swap, check_separate, publish, recover

OLD = {
    "processed/claims.csv": "doc_id,claim_id\n000,old\n",
    "processed/clean/000.txt": "临江街道已集聚规上工业企业104家。\n",
    "processed/stale.csv": "a table the new run no longer writes\n",
    "reports/index.html": "<p>旧的报告</p>",
    "reports/screenshots/index.png": "old screenshot",
    "reports/notes.txt": "not an output: must stay",
}
STAGED = {
    "processed/claims.csv": "doc_id,claim_id\n000,new\n",
    "processed/clean/000.txt": "临江街道已集聚规上工业企业106家。\n",
    "figures/1_themes.svg": "<svg/>",
    "reports/index.html": "<p>新的报告</p>",
    "reports/03_compare.html": "<p>比较</p>",
}
NEW = {
    "processed/claims.csv": STAGED["processed/claims.csv"],
    "processed/clean/000.txt": STAGED["processed/clean/000.txt"],
    "reports/figures/1_themes.svg": STAGED["figures/1_themes.svg"],
    "reports/index.html": STAGED["reports/index.html"],
    "reports/notes.txt": OLD["reports/notes.txt"],
    "pages/zh/03_compare.html": STAGED["reports/03_compare.html"],
}


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def tree(root: Path) -> dict[str, str]:
    """Every file under root, hidden ones included, with its text; folders without files count as ''."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_file():
            out[rel] = path.read_text(encoding="utf-8")
        elif not any(path.iterdir()):
            out[rel + "/"] = ""
    return out


def scenario(root: Path) -> tuple[list[Swap], Path]:
    """Previous outputs in root/out, a run's outputs in root/stage; the swaps a run would ask for: a folder
    replaced, a folder added, a file replaced, a stale folder removed, a file whose folders do not exist yet."""
    out, stage = root / "out", root / "stage"
    write_tree(out, OLD)
    write_tree(stage, STAGED)
    swaps = [Swap(out / "processed", stage / "processed"), Swap(out / "reports/figures", stage / "figures"),
             Swap(out / "reports/index.html", stage / "reports/index.html"),
             Swap(out / "reports/screenshots", None),
             Swap(out / "pages/zh/03_compare.html", stage / "reports/03_compare.html")]
    return swaps, stage / publishing.JOURNAL_NAME


def test_publish_swaps_every_output_and_leaves_nothing_beside_them(tmp_path: Path) -> None:
    swaps, journal = scenario(tmp_path)

    publish(swaps, journal, tmp_path)

    assert tree(tmp_path / "out") == NEW
    assert not journal.exists()


class Injected(OSError):
    pass


def failing_at(step: int, calls: list[int]) -> Callable:
    real = os.rename

    def rename(src, dst, *args, **kwargs):
        calls[0] += 1
        if calls[0] == step:
            raise Injected(errno.EIO, "input/output error (injected)", str(dst))
        return real(src, dst, *args, **kwargs)

    return rename


def test_a_failure_at_any_rename_puts_every_previous_output_back(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    step = 1
    while True:
        root = tmp_path / f"step{step}"
        swaps, journal = scenario(root)
        calls = [0]
        monkeypatch.setattr(os, "rename", failing_at(step, calls))
        try:
            publish(swaps, journal, root)
        except GongfuError as err:
            assert "publishing failed (input/output error (injected)); every previous output was put back" in str(err)
            assert tree(root / "out") == OLD, f"failure at rename {step}"
            assert not journal.exists()
        else:
            assert tree(root / "out") == NEW
            break
        finally:
            monkeypatch.undo()
        step += 1
    assert step > 6  # the scenario takes several renames, and each was a failure point


KILLER = """
import json, os, shutil, signal, sys
from pathlib import Path
from gongfu.run import publish as p

root, step = Path(sys.argv[1]), int(sys.argv[2])
calls = [0]
def killing(function):
    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == step:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return wrapper
swaps = [p.Swap(Path(d), Path(s) if s else None) for d, s in json.loads(sys.argv[3])]
for name in ("rename", "replace", "makedirs", "fsync"):
    setattr(os, name, killing(getattr(os, name)))
shutil.rmtree = killing(shutil.rmtree)
p.publish(swaps, root / "stage" / "publish.json", root)
"""


def test_a_kill_at_any_step_leaves_the_old_or_the_new_outputs_once_recovered(tmp_path: Path) -> None:
    """SIGKILL before each file-system call of a publish (journal writes, renames, deletions): after the
    recovery the next run starts with, the outputs are exactly the old set or exactly the new one."""
    seen = set()
    step = 1
    while True:
        root = tmp_path / f"step{step}"
        swaps, _ = scenario(root)
        plan = json.dumps([[str(s.dest), str(s.staged) if s.staged else None] for s in swaps])
        done = subprocess.run([sys.executable, "-c", KILLER, str(root), str(step), plan], capture_output=True,
                              text=True, check=False)
        recover(root)
        state = tree(root / "out")
        assert state in (OLD, NEW), f"a kill at step {step} left a mix: {state}"
        assert not any(".old-" in p or ".new-" in p for p in state)
        seen.add("old" if state == OLD else "new")
        if done.returncode == 0:
            break
        assert done.returncode == -9, done.stderr
        step += 1
    assert seen == {"old", "new"} and step > 10


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(["replace folder", "add folder", "replace file", "add file", "remove"]),
                      min_size=1, max_size=5, unique=True),
       step=st.integers(min_value=1, max_value=12))
def test_any_plan_failing_at_any_step_changes_nothing(kinds: list[str], step: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        out, stage = root / "out", root / "stage"
        swaps = []
        for i, kind in enumerate(kinds):
            dest, staged = out / f"{i}" / "output", stage / f"{i}"
            if kind.startswith("replace") or kind == "remove":
                write_tree(dest if kind.endswith("folder") or kind == "remove" else dest.parent,
                           {"a.csv" if kind != "replace file" else "output": f"old {i}"})
            if kind.endswith("folder"):
                write_tree(staged, {"a.csv": f"new {i}", "sub/b.csv": f"new {i}"})
            elif kind.endswith("file"):
                write_tree(stage, {f"{i}": f"new {i}"})
            swaps.append(Swap(dest, None if kind == "remove" else staged))
        out.mkdir(exist_ok=True)
        stage.mkdir(exist_ok=True)
        before = tree(out)
        monkeypatch.setattr(os, "rename", failing_at(step, [0]))
        try:
            publish(swaps, stage / publishing.JOURNAL_NAME, root)
        except GongfuError:
            assert tree(out) == before
        else:
            assert all(not s.dest.exists() if s.staged is None else s.dest.exists() for s in swaps)
        finally:
            monkeypatch.undo()
        assert not [p for p in tree(out) if ".old-" in p or ".new-" in p]


@pytest.mark.parametrize("which", ["processed", "processed/clean", "reports"])
def test_an_unwritable_destination_is_refused_before_anything_moves(tmp_path: Path, which: str, unwritable,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    swaps, journal = scenario(tmp_path)
    unwritable(tmp_path / "out" / which)
    renames = []
    monkeypatch.setattr(os, "rename", lambda *a: renames.append(a))

    with pytest.raises(GongfuError) as info:
        publish(swaps, journal, tmp_path)

    assert str(info.value).startswith(f"{tmp_path / 'out' / which}: not writable (")
    assert "Make it writable (chmod -R u+w" in str(info.value) and "previous outputs are unchanged" in str(info.value)
    assert renames == [] and not journal.exists()
    monkeypatch.undo()
    assert tree(tmp_path / "out") == OLD


def test_a_file_where_a_folder_goes_is_refused(tmp_path: Path) -> None:
    swaps, journal = scenario(tmp_path)
    shutil.rmtree(tmp_path / "out" / "processed")
    (tmp_path / "out" / "processed").write_text("a file", encoding="utf-8")

    with pytest.raises(GongfuError, match=r"processed: is a file where the run writes a folder\. Move it away"):
        publish(swaps, journal, tmp_path)


@pytest.mark.parametrize(("outer", "inner"), [("out/reports", "out/reports/figures"), ("out/a", "out/a")])
def test_outputs_inside_one_another_are_refused(tmp_path: Path, outer: str, inner: str) -> None:
    with pytest.raises(GongfuError, match=r"is inside .*choose separate folders"):
        check_separate([Swap(tmp_path / outer, None), Swap(tmp_path / inner, None)])


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a second file system (/dev/shm)")
def test_outputs_staged_on_another_file_system_are_copied_beside_the_destination_first(tmp_path: Path) -> None:
    with tempfile.TemporaryDirectory(dir="/dev/shm") as shm:
        stage = Path(shm) / "stage"
        write_tree(stage, STAGED)
        out = tmp_path / "out"
        write_tree(out, OLD)
        if os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
            pytest.skip("/dev/shm is on the same file system here")
        swaps = [Swap(out / "processed", stage / "processed"), Swap(out / "reports/index.html",
                                                                    stage / "reports/index.html")]
        publish(swaps, stage / publishing.JOURNAL_NAME, Path(shm))

        assert (out / "processed/claims.csv").read_text(encoding="utf-8") == STAGED["processed/claims.csv"]
        assert not [p for p in tree(out) if ".new-" in p or ".old-" in p]
