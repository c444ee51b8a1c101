"""Fixtures for the run room: folders made unwritable the way a non-root user meets them."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def unwritable() -> Iterator[Callable[[Path], None]]:
    """make(path): `path` can no longer be written by this process, until the test ends.

    For a normal user, chmod 555 (a read-only folder); root ignores permissions, so for root the immutable flag
    (chattr +i), which stops root too. Skips where neither is possible.
    """
    undo: list[Callable[[], object]] = []

    def make(path: Path) -> None:
        if os.geteuid() != 0:
            mode = path.stat().st_mode
            path.chmod(0o555)
            undo.append(lambda: path.chmod(mode))
            return
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: no way to make a folder unwritable")
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True, check=False)
        if done.returncode:
            pytest.skip(f"chattr +i not supported on this file system: {done.stderr.strip()}")
        undo.append(lambda: subprocess.run(["chattr", "-i", str(path)], check=False))

    yield make
    for step in reversed(undo):
        step()
