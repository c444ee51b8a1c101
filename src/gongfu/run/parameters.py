"""The notebooks' parameters: typed as their `parameters` cells declare, paths taken from the project root.

One set of rules for both doors: the batch runner checks `-p` values and params.yaml with them before any
work, and each notebook's first cell after `parameters` calls `check_parameters`, so a run through plain
papermill (whose `-p strict false` arrives as the string 'false') is typed, or refused, with the same message.
"""

from __future__ import annotations

from typing import Any

import yaml

from gongfu import paths
from gongfu.errors import GongfuError

# Parameters holding a path (relative ones are relative to the project root, whatever the kernel's working
# folder). tests/run/test_notebooks.py checks this list against what the notebooks declare.
PATH_PARAMETERS = ("raw_dir", "processed_dir", "figures_dir", "theme_lexicon", "devset_dir")
PATH_KEYWORDS = ("default",)  # a path parameter may name the packaged file instead (theme_lexicon: default)

_TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}


def coerce(name: str, raw: Any, expected: str, notebook: str) -> Any:
    """Turn a `-p key value` string (or a YAML value) into the parameter's declared type, or refuse."""
    want = _TYPES.get(expected.split("[")[0].strip())
    if want is None:
        return raw
    value = raw
    if isinstance(raw, str) and want is not str:
        try:
            value = yaml.safe_load(raw)
        except yaml.YAMLError:
            value = raw
    if want is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if want is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(raw)
    if not isinstance(value, want) or (want is int and isinstance(value, bool)):
        raise GongfuError(f"parameter {name}={raw!r} for {notebook}: expected {expected}. "
                          f"See `papermill --help-notebook notebooks/{notebook}.ipynb`.")
    return value


def resolve_path(value: str) -> str:
    """A path parameter made absolute from the project root (a keyword such as `default` is kept)."""
    if value in PATH_KEYWORDS:
        return value
    return str((paths.ROOT / value).resolve())


def type_name(annotation: Any) -> str:
    """'bool' for `bool` (a class, or the string a postponed annotation leaves)."""
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))


def check_parameters(notebook: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """The notebook's parameters, each of its declared type and with absolute paths, from the kernel's namespace.

    Declared means annotated in the `parameters` cell (`strict: bool = False`); a value of the wrong type is
    refused with the runner's message, naming the parameter and what it expects.
    """
    values = {}
    for name, annotation in namespace.get("__annotations__", {}).items():
        if name in namespace:
            value = coerce(name, namespace[name], type_name(annotation), notebook)
            values[name] = resolve_path(value) if name in PATH_PARAMETERS else value
    return values
