"""Lazy package exports: a package names its public functions without importing its modules up front.

An archive worker that imports `gongfu.extract.claims` must not pay for pandas through `gongfu.extract.evaluate`;
so each package's `__init__` maps its public names to the module defining them, imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, public: dict[str, str]) -> tuple[Callable[[str], object], list[str]]:
    """A module `__getattr__` for `package` resolving each public name from its module, and `__all__`."""

    def __getattr__(name: str) -> object:
        if name in public:
            return getattr(import_module(f"{package}.{public[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__, sorted(public)
