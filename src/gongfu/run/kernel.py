"""The Jupyter kernel the batch run executes the notebooks in: its sockets, where its own output goes, whether
it is installed."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from gongfu.errors import GongfuError


def kernel_config(platform: str = os.name, log: Path | None = None, sockets: Path | None = None):
    """The kernel's settings for a batch run: on POSIX its sockets are IPC files readable only by this user,
    not localhost TCP ports, so a run needs no network port and ipykernel does not warn, once per notebook, that
    its TCP traffic is unencrypted (Windows keeps TCP). The socket files go in `sockets` (the staging folder),
    not the kernel's working folder, where a killed run would leave them among the notebooks. With `log`, the
    kernel process's own output goes there."""
    from traitlets.config import Config

    config = Config()
    if platform == "posix":
        config.KernelManager.transport = "ipc"
        if sockets is not None:
            config.KernelManager.ip = str(_socket_prefix(sockets))
    if log is not None:
        config.QuietKernelManager.log_path = str(log)
    return config


def _socket_prefix(folder: Path) -> Path:
    """Where the kernel's IPC sockets go: `folder` unless its path is too long for a socket address (about
    107 bytes on Linux, with '-<port>' appended), else a short one in the system's temporary folder."""
    if len(os.fsencode(folder / "kernel-ipc-00000")) < 100:
        return folder / "kernel-ipc"
    return Path(tempfile.mkdtemp(prefix="gongfu-")) / "kernel-ipc"


def check_kernel() -> None:
    """Refuse, with what to do, an environment without the kernel the notebooks run in."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel as err:
        raise GongfuError("Jupyter kernel 'python3' not found in this environment. Run `make setup` "
                          "(it installs ipykernel into .venv) and use .venv/bin/python.") from err


@cache
def quiet_kernel_manager() -> type:
    """The kernel manager papermill starts the kernel with: the kernel's own output (ipykernel's log lines, such
    as 'KeyboardInterrupt caught in kernel' at shutdown, and the ZMQ traceback it prints when a run is
    interrupted) goes to a log file in the staging folder, not the terminal. Cell outputs are unaffected."""
    from jupyter_client import AsyncKernelManager
    from traitlets import Unicode

    class QuietKernelManager(AsyncKernelManager):
        log_path = Unicode("", config=True, help="file the kernel process's stdout and stderr are appended to")

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            if not self.log_path:
                await super()._async_launch_kernel(kernel_cmd, **kw)
                return
            with open(self.log_path, "ab") as log:  # the kernel keeps its own copy of the descriptor
                await super()._async_launch_kernel(kernel_cmd, **{**kw, "stdout": log, "stderr": log})

    return QuietKernelManager
