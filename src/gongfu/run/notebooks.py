"""Batch runs: the notebooks in order through papermill, written aside and moved in only on success.

A run stages everything under .gongfu/runs/<id>/ (a copy of the current processed data, then each
notebook's outputs), so a failing cell leaves data/processed/ and reports/ exactly as they were
and the partially executed notebook stays in the staging folder for inspection.
"""

from __future__ import annotations

import ast
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gongfu import paths
from gongfu.errors import GongfuError
from gongfu.sources import verify_manifest
from gongfu.tables import CLAIMS_FILE

# Parameters holding paths: given relative to the project root in params.yaml, passed absolute.
PATH_PARAMETERS = ("raw_dir", "processed_dir", "figures_dir", "claims_path", "input_dir")


@dataclass
class RunResult:
    """What a successful run produced, for the summary line and the tests."""

    notebooks: list[str]
    processed_dir: Path
    reports_dir: Path
    seconds: float
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)


def notebook_names(notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> list[str]:
    """The pipeline's notebooks, in run order (their names sort in stage order: 01_, 02_, ...)."""
    if not notebooks_dir.is_dir():
        raise GongfuError(f"{paths.relative(notebooks_dir)}/: notebooks folder not found. Run from the "
                          f"project root of a full checkout.")
    return sorted(p.stem for p in notebooks_dir.glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(path: Path) -> dict[str, dict[str, Any]]:
    """The parameters a notebook declares: name -> {default, type, help}, via papermill's inspector."""
    import papermill

    inspected = papermill.inspect_notebook(str(path))
    out = {}
    for name, info in inspected.items():
        try:
            default = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError):
            default = info["default"]
        out[name] = {"default": default, "type": info["inferred_type_name"], "help": info["help"]}
    return out


def load_params(params_file: Path = paths.PARAMS_FILE) -> dict[str, dict[str, Any]]:
    """params.yaml: the batch defaults, one section per notebook (plus `common` for all)."""
    if not params_file.is_file():
        raise GongfuError(f"{paths.relative(params_file)}: parameters file not found. Restore it with "
                          f"`git checkout -- {paths.relative(params_file)}`.")
    try:
        data = yaml.safe_load(params_file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise GongfuError(f"{paths.relative(params_file)}: not valid YAML ({err}).") from err
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise GongfuError(f"{paths.relative(params_file)}: expected sections `common:` and one per "
                          f"notebook, each a mapping of parameter: value.")
    return data


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


def resolve_parameters(names: list[str], overrides: dict[str, str], params: dict[str, dict[str, Any]],
                       processed_dir: Path, figures_dir: Path,
                       notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> dict[str, dict[str, Any]]:
    """Each notebook's parameters: notebook defaults < params.yaml < -p overrides, type-checked.

    Unknown override keys are refused (papermill itself would only warn and carry on).
    """
    declared = {n: notebook_parameters(notebooks_dir / f"{n}.ipynb") for n in names}
    known = set().union(*[set(d) for d in declared.values()]) if declared else set()
    for key in overrides:
        if key not in known:
            raise GongfuError(f"unknown parameter {key!r} for {', '.join(names)}. Known: "
                              f"{', '.join(sorted(known))}.")
    for section, values in params.items():
        if section != "common" and section not in declared and section not in notebook_names(notebooks_dir):
            raise GongfuError(f"params.yaml: section {section!r} names no notebook. Notebooks: "
                              f"{', '.join(notebook_names(notebooks_dir))}.")
        for key in values:
            if section != "common" and key not in declared.get(section, {key: None}):
                raise GongfuError(f"params.yaml: {section}.{key} is not a parameter of {section}.")
    resolved: dict[str, dict[str, Any]] = {}
    for name in names:
        values: dict[str, Any] = {}
        for key, info in declared[name].items():
            for source in (params.get("common", {}), params.get(name, {}), overrides):
                if key in source:
                    values[key] = coerce(key, source[key], info["type"], name)
            if key in PATH_PARAMETERS and key in values:
                values[key] = str((paths.ROOT / values[key]).resolve())
        if "processed_dir" in declared[name]:
            values["processed_dir"] = str(processed_dir)
        if "figures_dir" in declared[name]:
            values["figures_dir"] = str(figures_dir)
        resolved[name] = values
    return resolved


def kernel_config(platform: str = os.name):
    """The kernel's settings for a batch run: on POSIX its sockets are IPC files readable only by this user,
    not localhost TCP ports, so a run needs no network port and ipykernel does not warn, once per notebook, that
    its TCP traffic is unencrypted. Windows keeps TCP."""
    from traitlets.config import Config

    config = Config()
    if platform == "posix":
        config.KernelManager.transport = "ipc"
    return config


def run_pipeline(only: list[str] | None = None, overrides: dict[str, str] | None = None,
                 params_file: Path = paths.PARAMS_FILE, processed_dir: Path = paths.PROCESSED_DIR,
                 reports_dir: Path = paths.REPORTS_DIR, progress: bool = True,
                 notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> RunResult:
    """Run the notebooks (all, or `only` these) and move their outputs into place on success."""
    import papermill
    from tqdm.auto import tqdm

    from gongfu.share.report import export_html
    from gongfu.share.site import build_site, edition_runs

    started = time.perf_counter()
    all_names = notebook_names(notebooks_dir)
    names = all_names
    if only:
        unknown = [n for n in only if n not in all_names]
        if unknown:
            raise GongfuError(f"--only {unknown[0]}: no such notebook. Choose from: {', '.join(all_names)}.")
        names = [n for n in all_names if n in only]
    params = load_params(params_file)
    raw_dir = paths.ROOT / params.get("common", {}).get("raw_dir", "data/raw")
    verify_manifest(raw_dir)
    _check_kernel()

    overrides = dict(overrides or {})
    if "processed_dir" in overrides:  # `-p processed_dir DIR` makes DIR the run's input and output folder
        processed_dir = paths.ROOT / overrides.pop("processed_dir")
        if not processed_dir.is_dir():
            raise GongfuError(f"-p processed_dir {paths.relative(processed_dir)}: no such folder. Give the output "
                              "folder of an earlier run or of `python -m gongfu process`.")
    processed_dir, reports_dir = Path(processed_dir).resolve(), Path(reports_dir).resolve()
    paths.STAGING_DIR.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=paths.STAGING_DIR))
    stage_processed, stage_reports = stage / "processed", stage / "reports"
    stage_figures = stage_reports / "figures"
    try:  # refuse bad parameters before any work, leaving nothing behind
        resolved = resolve_parameters(names, overrides, params, stage_processed, stage_figures,
                                      notebooks_dir)
        runs = edition_runs(names, resolved, stage_reports, stage_figures)  # 03 once per language
    except GongfuError:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if only and processed_dir.is_dir():  # a partial run's later stages read the current earlier outputs
        shutil.copytree(processed_dir, stage_processed)
    stage_processed.mkdir(parents=True, exist_ok=True)
    stage_figures.mkdir(parents=True, exist_ok=True)

    bar = tqdm(runs, desc="pipeline", unit="notebook", disable=not progress, file=sys.stderr)
    for run in bar:
        name, out_nb = run.name, run.output
        bar.set_postfix_str(name)
        out_nb.parent.mkdir(parents=True, exist_ok=True)
        try:
            papermill.execute_notebook(
                str(notebooks_dir / f"{name}.ipynb"), str(out_nb), parameters=run.parameters,
                kernel_name="python3", cwd=str(notebooks_dir), progress_bar=False,
                log_output=False, request_save_on_cell_execute=False, config=kernel_config(),
            )
        except papermill.PapermillExecutionError as err:
            raise GongfuError(
                f"{name}: cell {err.exec_count} failed with {err.ename}: {_first_line(err.evalue)}. "
                f"Partial notebook: {paths.relative(out_nb)}. Previous outputs in "
                f"{paths.relative(processed_dir)}/ and {paths.relative(reports_dir)}/ are unchanged."
            ) from err
    bar.close()

    moves = {str(stage_processed): str(processed_dir), str(stage_figures): str(reports_dir / "figures")}
    for run in runs:
        _retarget(run.output, moves)
        export_html(run.output, run.output.with_suffix(".html"))
    _publish(stage_processed, processed_dir, stage_reports, reports_dir)
    if (processed_dir / CLAIMS_FILE).is_file():  # a run of 01_clean alone has no claims to show yet
        build_site(reports_dir, processed_dir)  # front pages, explorer, document views, reports/data/
    shutil.rmtree(stage, ignore_errors=True)
    from gongfu.share.browser import screenshot_reports

    print(screenshot_reports(reports_dir), file=sys.stderr)  # after success; never fails the run
    return RunResult(names, processed_dir, reports_dir, time.perf_counter() - started, resolved)


def _retarget(notebook: Path, moves: dict[str, str]) -> None:
    """Point an executed notebook's recorded parameters at where its outputs end up, not the staging area."""
    text = notebook.read_text(encoding="utf-8")
    for old, new in moves.items():
        text = text.replace(old, new)
    notebook.write_text(text, encoding="utf-8")


def _first_line(text: str) -> str:
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else str(text)


def _check_kernel() -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel as err:
        raise GongfuError("Jupyter kernel 'python3' not found in this environment. Run `make setup` "
                          "(it installs ipykernel into .venv) and use .venv/bin/python.") from err


def _publish(stage_processed: Path, processed_dir: Path, stage_reports: Path, reports_dir: Path) -> None:
    """Swap the staged outputs in: the processed folder as a whole, reports file by file."""
    processed_dir.parent.mkdir(parents=True, exist_ok=True)
    backup = processed_dir.with_name(processed_dir.name + ".previous")
    shutil.rmtree(backup, ignore_errors=True)
    if processed_dir.exists():
        processed_dir.rename(backup)
    shutil.move(str(stage_processed), str(processed_dir))
    shutil.rmtree(backup, ignore_errors=True)
    reports_dir.mkdir(parents=True, exist_ok=True)
    for src in sorted(stage_reports.rglob("*")):
        if src.is_file():
            dest = reports_dir / src.relative_to(stage_reports)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
