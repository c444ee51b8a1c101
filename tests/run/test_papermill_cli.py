"""Plain papermill: a GongfuError in a notebook ends in one line; every other failure keeps its traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from papermill.exceptions import PapermillExecutionError

from gongfu import paths
from gongfu.run import papermill_cli

PAPERMILL = str(Path(sys.executable).with_name("papermill"))


def _stopped(ename: str, evalue: str, count: int = 4) -> PapermillExecutionError:
    return PapermillExecutionError(3, count, "check_parameters(...)", ename, evalue, [f"{ename}: {evalue}"])


@pytest.mark.parametrize(("exc", "line"), [
    (_stopped("GongfuError", "data/raw/: raw data folder not found."),
     "error: data/raw/: raw data folder not found. (notebook cell In [4])"),
    (_stopped("GongfuError", "parameter lang='fr' for 03_compare: expected zh or en.", 2),
     "error: parameter lang='fr' for 03_compare: expected zh or en. (notebook cell In [2])"),
    (_stopped("ValueError", "could not convert string to float: 'x'"), None),  # a bug keeps its traceback
    (_stopped("KeyError", "'claims'"), None),
    (ValueError("GongfuError"), None),  # not papermill's error, whatever its text
    (KeyboardInterrupt(), None),
])
def test_one_line(exc: BaseException, line: str | None) -> None:
    assert papermill_cli.one_line(exc) == line


@pytest.mark.parametrize(("argv", "command"), [
    (["/work/.venv/bin/papermill", "a.ipynb", "b.ipynb"], True),
    (["papermill"], True),
    (["C:\\\\env\\\\Scripts\\\\papermill.exe"], True),
    (["/usr/lib/python3.11/site-packages/papermill/__main__.py"], True),
    (["/work/.venv/bin/jupyter-lab"], False),
    (["-c"], False),
    (["/work/.venv/bin/pytest"], False),
    ([], False),
])
def test_is_papermill_command(argv: list[str], command: bool) -> None:
    assert papermill_cli._is_papermill_command(argv) is command


def test_the_engine_is_registered_for_papermill() -> None:
    from papermill.engines import papermill_engines

    assert papermill_engines.get_engine("gongfu") is papermill_cli.GongfuEngine


def test_plain_papermill_ends_in_the_line(tmp_path: Path) -> None:
    done = subprocess.run([PAPERMILL, str(paths.NOTEBOOKS_DIR / "01_clean.ipynb"), str(tmp_path / "out.ipynb"),
                           "-p", "raw_dir", str(tmp_path / "missing")], capture_output=True, text=True, check=False)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {tmp_path / 'missing'}/: raw data folder not found."), last
    assert last.endswith(")") and "(notebook cell In [" in last
