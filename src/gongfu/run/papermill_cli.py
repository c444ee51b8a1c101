"""Plain `papermill` by hand, as the README shows it: a GongfuError in a notebook ends in its one line, not in
papermill's own Python traceback.

Papermill loads every installed `papermill.engine` entry point when it starts, so registering `GongfuEngine`
(papermill's standard engine, unchanged) in pyproject.toml brings this module in, and with it an exception
hook that only speaks for our own error: any other failure keeps papermill's full traceback.
"""

from __future__ import annotations

import sys
from types import TracebackType

from papermill.engines import NBClientEngine

ERROR_NAME = "GongfuError"


class GongfuEngine(NBClientEngine):
    """Papermill's default engine under the project's name (`papermill --engine gongfu` behaves as without it)."""


def one_line(exc: BaseException) -> str | None:
    """The line to print for a notebook that stopped on a GongfuError ('error: ...', the notebook's cell
    number), or None when the exception is anything else."""
    if type(exc).__name__ != "PapermillExecutionError" or getattr(exc, "ename", "") != ERROR_NAME:
        return None
    return f"error: {getattr(exc, 'evalue', '')} (notebook cell In [{getattr(exc, 'exec_count', '?')}])"


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    line = one_line(exc)
    if line is None:
        _previous(kind, exc, tb)
    else:
        print(line, file=sys.stderr)


def _install() -> None:
    """Chain the hook in front of whatever hook is there, once, and only inside papermill's command."""
    if getattr(sys.excepthook, "__module__", "") != __name__ and _is_papermill_command():
        global _previous
        _previous = sys.excepthook
        sys.excepthook = _hook


def _is_papermill_command(argv: list[str] | None = None) -> bool:
    """Whether this process is the `papermill` command (or `python -m papermill`), not a program that imports
    papermill as a library."""
    first = (sys.argv if argv is None else argv or [""])[0].replace("\\", "/")
    return first.rsplit("/", 1)[-1] in ("papermill", "papermill.exe") or first.endswith("papermill/__main__.py")


_previous = sys.excepthook
_install()
