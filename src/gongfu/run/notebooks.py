"""Batch runs: the notebooks in order through papermill, built aside and published in one step on success.

A run stages everything under .gongfu/runs/<id>/: processed/ (for a partial run, first a copy of the current
tables), figures/, and reports/ (executed notebooks, reader pages, index, screenshots). Only when every notebook
succeeded does `publish` swap all of it into the destinations params.yaml names (processed_dir, figures_dir;
pages in reports/) at once, so a failing cell, a full disk or a read-only folder leaves every previous output
exactly as it was; the partially executed notebook stays in the staging folder for inspection.
"""

from __future__ import annotations

import ast
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from gongfu import paths
from gongfu.errors import GongfuError
from gongfu.run.kernel import check_kernel, kernel_config, quiet_kernel_manager
from gongfu.run.parameters import PATH_PARAMETERS, coerce, resolve_path
from gongfu.run.publish import JOURNAL_NAME, Swap, check_separate, check_writable, publish, recover
from gongfu.share.layout import DATA_SUBDIR, DOCUMENTS_SUBDIR, EN_SUBDIR
from gongfu.sources import verify_manifest
from gongfu.tables import CLAIMS_FILE

if TYPE_CHECKING:
    from gongfu.share.site import NotebookRun

__all__ = ["PATH_PARAMETERS", "RunResult", "coerce", "load_params", "notebook_names", "notebook_parameters",
           "resolve_parameters", "run_pipeline"]


@dataclass
class RunResult:
    """What a successful run produced, for the summary lines and the tests."""

    notebooks: list[str]
    processed_dir: Path
    reports_dir: Path
    seconds: float
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    figures_dir: Path | None = None
    documents: int = 0  # documents in documents.csv, when the run cleaned or extracted
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason) of failed documents
    warnings: int = 0  # documents with warnings


@dataclass(frozen=True)
class Destinations:
    """Where a run's outputs go: resolved, absolute."""

    raw: Path
    processed: Path
    reports: Path
    figures: Path | None  # None when no notebook of the run draws figures

# what the site writes at the top of reports/, besides the notebook pages (gongfu.share.site.build_site)
SITE_ENTRIES = ("index.html", "explorer.html", DOCUMENTS_SUBDIR, DATA_SUBDIR, EN_SUBDIR)


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


def resolve_parameters(names: list[str], overrides: dict[str, Any], params: dict[str, dict[str, Any]],
                       notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> dict[str, dict[str, Any]]:
    """Each notebook's parameters: notebook defaults < params.yaml < -p overrides, type-checked, paths absolute
    from the project root.

    Unknown override keys and params.yaml entries are refused (papermill itself would only warn and carry on).
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
            value = info["default"]
            for source in (params.get("common", {}), params.get(name, {}), overrides):
                if key in source:
                    value = source[key]
            value = coerce(key, value, info["type"], name)
            values[key] = resolve_path(value) if key in PATH_PARAMETERS else value
        resolved[name] = values
    return resolved


def destinations(names: list[str], resolved: dict[str, dict[str, Any]], overrides: dict[str, Any],
                 params: dict[str, dict[str, Any]], processed_dir: Path | None = None,
                 reports_dir: Path | None = None, figures_dir: Path | None = None,
                 notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> Destinations:
    """Where the run publishes: `-p` overrides, else the caller's folders, else params.yaml.

    A caller that moves the pages (reports_dir, as the tests do) moves a figures_dir that params.yaml keeps
    under reports/ with them; a figures_dir params.yaml puts elsewhere stays where it says.
    """
    def setting(key: str) -> Path | None:
        values = {resolved[n][key] for n in names if key in resolved[n]}
        if len(values) > 1:
            raise GongfuError(f"params.yaml: {key} differs between notebooks ({', '.join(sorted(values))}). Set "
                              f"it once, under common:.")
        return Path(values.pop()) if values else None

    raw = setting("raw_dir") or Path(resolve_path(str(params.get("common", {}).get("raw_dir", "data/raw"))))
    if "processed_dir" in overrides:  # `-p processed_dir DIR` makes DIR the run's input and output folder
        processed = setting("processed_dir")
        if processed is None or not processed.is_dir():
            raise GongfuError(f"-p processed_dir {overrides['processed_dir']}: no such folder. Give the output "
                              "folder of an earlier run or of `python -m gongfu process`.")
    elif processed_dir is not None:
        processed = Path(processed_dir).resolve()
    else:
        processed = setting("processed_dir") or paths.PROCESSED_DIR
    reports = Path(reports_dir).resolve() if reports_dir is not None else paths.REPORTS_DIR
    figures = setting("figures_dir")
    if figures is not None and "figures_dir" not in overrides:
        if figures_dir is not None:
            figures = Path(figures_dir).resolve()
        elif reports_dir is not None and paths.REPORTS_DIR in figures.parents:
            figures = reports / figures.relative_to(paths.REPORTS_DIR)
    for key, folder in (("processed_dir", processed), ("figures_dir", figures)):
        if folder is not None:
            _check_destination(key, folder, raw, notebooks_dir)
    return Destinations(raw, processed, reports, figures)


def _check_destination(key: str, folder: Path, raw: Path, notebooks_dir: Path) -> None:
    """Refuse an output folder that holds the inputs or the code (each run replaces it as a whole), or that
    lies among the raw texts, which are never written."""
    if raw in folder.parents:
        raise GongfuError(f"{key} {paths.relative(folder)}: inside the raw texts' folder {paths.relative(raw)}/, "
                          f"which is never written. Choose a folder outside it.")
    for what, inside in (("the raw texts", raw), ("the notebooks", notebooks_dir), ("the project", paths.ROOT),
                         ("the staging area", paths.STAGING_DIR)):
        if folder == inside or folder in inside.parents:
            raise GongfuError(f"{key} {paths.relative(folder)}: would replace the folder holding {what} (each "
                              f"run replaces {key} as a whole). Choose a folder of its own, such as "
                              f"{'data/processed' if key == 'processed_dir' else 'reports/figures'}.")


def run_pipeline(only: list[str] | None = None, overrides: dict[str, Any] | None = None,
                 params_file: Path = paths.PARAMS_FILE, processed_dir: Path | None = None,
                 reports_dir: Path | None = None, progress: bool = True,
                 notebooks_dir: Path = paths.NOTEBOOKS_DIR, figures_dir: Path | None = None) -> RunResult:
    """Run the notebooks (all, or `only` these) in a staging folder and publish every output in one step.

    processed_dir, reports_dir, figures_dir: where to publish instead of what params.yaml says (tests, API);
    a `-p processed_dir` or `-p figures_dir` override wins over both.
    """
    import papermill
    from tqdm.auto import tqdm

    started = time.perf_counter()
    names = _selected(only, notebooks_dir)
    params = load_params(params_file)
    overrides = dict(overrides or {})
    resolved = resolve_parameters(names, overrides, params, notebooks_dir)
    where = destinations(names, resolved, overrides, params, processed_dir, reports_dir, figures_dir, notebooks_dir)
    check_separate(_swaps(names, where, None))  # before any work, and again when publishing: outputs inside one
    check_writable(_swaps(names, where, None))  # another cannot be swapped, nor outputs in a read-only folder
    verify_manifest(where.raw)
    check_kernel()
    for line in recover(paths.STAGING_DIR):  # a killed run's half-done publish, undone before reading anything
        print(line, file=sys.stderr)

    paths.STAGING_DIR.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=paths.STAGING_DIR))
    staged = Destinations(where.raw, stage / "processed", stage / "reports", _staged_figures(where, stage))
    if set(names) != set(notebook_names(notebooks_dir)) and where.processed.is_dir():
        shutil.copytree(where.processed, staged.processed)  # a partial run's later stages read the earlier outputs
    for folder in (staged.processed, staged.reports, staged.figures):
        folder.mkdir(parents=True, exist_ok=True)
    into_stage = {"processed_dir": str(staged.processed), "figures_dir": str(staged.figures)}
    run_values = {n: {k: into_stage.get(k, v) for k, v in values.items()} for n, values in resolved.items()}
    from gongfu.share.site import edition_runs

    try:  # 03 once per language (reports/ and reports/en/); a lang other than zh or en is refused before any work
        runs = edition_runs(names, run_values, staged.reports, staged.figures)
    except GongfuError:
        shutil.rmtree(stage, ignore_errors=True)
        raise

    config = kernel_config(log=stage / "kernel.log", sockets=stage)
    bar = tqdm(runs, desc="pipeline", unit="notebook", disable=None if progress else True, file=sys.stderr)
    try:
        for run in bar:
            bar.set_postfix_str(run.name)
            _execute(papermill, run.name, notebooks_dir, run.output, run.parameters, config, where)
        bar.close()
        screenshots = _build_pages(names, runs, staged, where, notebooks_dir)
        documents, failed, warned = (_document_status(staged.processed) if {"01_clean", "02_extract"} & set(names)
                                     else (0, [], 0))
    except KeyboardInterrupt:  # nothing to inspect in an interrupted run: its staging folder goes
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        bar.close()
    try:
        with _uninterrupted():  # Ctrl-C must not cut the swap short (it takes a few renames)
            publish(_swaps(names, where, staged), stage / JOURNAL_NAME, paths.STAGING_DIR)
    finally:  # published, or refused with every previous output in place: either way nothing to inspect
        shutil.rmtree(stage, ignore_errors=True)
    print(screenshots, file=sys.stderr)
    return RunResult(names, where.processed, where.reports, time.perf_counter() - started, resolved,
                     where.figures, documents, failed, warned)


def _execute(papermill, name: str, notebooks_dir: Path, out_nb: Path, values: dict[str, Any], config,
             where: Destinations) -> None:
    """One notebook through papermill into the staging folder; a failing cell becomes one line naming it."""
    out_nb.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(notebooks_dir / f"{name}.ipynb"), str(out_nb), parameters=values, kernel_name="python3",
            cwd=str(notebooks_dir), progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            config=config, kernel_manager_class=quiet_kernel_manager(),
        )
    except papermill.PapermillExecutionError as err:
        raise GongfuError(
            f"{name}: cell {err.exec_count} failed with {err.ename}: {_first_line(err.evalue).rstrip('.')}. "
            f"Partial notebook: {paths.relative(out_nb)}. Previous outputs in "
            f"{paths.relative(where.processed)}/ and {paths.relative(where.reports)}/ are unchanged."
        ) from err


def _selected(only: list[str] | None, notebooks_dir: Path) -> list[str]:
    all_names = notebook_names(notebooks_dir)
    if not only:
        return all_names
    unknown = [n for n in only if n not in all_names]
    if unknown:
        raise GongfuError(f"--only {unknown[0]}: no such notebook. Choose from: {', '.join(all_names)}.")
    return [n for n in all_names if n in only]


def _swaps(names: list[str], where: Destinations, staged: Destinations | None) -> list[Swap]:
    """Every output of the run, destination and staged path: tables, figures, pages, index, screenshots."""
    from gongfu.share.browser import SCREENSHOTS_SUBDIR

    def staged_path(base: str, *parts: str) -> Path | None:
        if staged is None:
            return None
        path = getattr(staged, base).joinpath(*parts)
        return path if path.exists() else None

    swaps = [Swap(where.processed, staged_path("processed"))]
    if where.figures is not None:
        swaps.append(Swap(where.figures, staged_path("figures")))
    pages = [f"{n}.{ext}" for n in names for ext in ("ipynb", "html")] + list(SITE_ENTRIES)
    swaps += [Swap(where.reports / page, staged_path("reports", page)) for page in pages]
    swaps.append(Swap(where.reports / SCREENSHOTS_SUBDIR, staged_path("reports", SCREENSHOTS_SUBDIR)))
    return swaps


def _build_pages(names: list[str], runs: list[NotebookRun], staged: Destinations, where: Destinations,
                 notebooks_dir: Path) -> str:
    """The reader pages, the site (front pages, explorer, document views, downloads, both editions) and the
    screenshots, in the staging folder, so they are published with the tables; returns the screenshots line."""
    from gongfu.share.browser import SCREENSHOTS_SUBDIR, screenshot_reports
    from gongfu.share.report import export_html
    from gongfu.share.site import build_site

    moves = {str(staged.processed): str(where.processed), str(staged.reports): str(where.reports)}
    if where.figures is not None:
        moves[str(staged.figures)] = str(where.figures)
    for run in runs:
        _retarget(run.output, moves)
        export_html(run.output, run.output.with_suffix(".html"))
    for name in set(notebook_names(notebooks_dir)) - set(names):  # pages of notebooks not run, for the site
        for edition in (Path(), Path(EN_SUBDIR)):
            for ext in ("ipynb", "html"):
                page = where.reports / edition / f"{name}.{ext}"
                if page.is_file():
                    (staged.reports / edition).mkdir(parents=True, exist_ok=True)
                    shutil.copy2(page, staged.reports / edition / page.name)
    if (staged.processed / CLAIMS_FILE).is_file() and (staged.reports / "03_compare.ipynb").is_file():
        # the site shows the comparison: a first run of 01_clean alone has neither claims nor a comparison yet
        build_site(staged.reports, staged.processed)
    line = screenshot_reports(staged.reports)  # never fails the run: says why when it cannot
    return line.replace(paths.relative(staged.reports / SCREENSHOTS_SUBDIR),
                        paths.relative(where.reports / SCREENSHOTS_SUBDIR))


def _document_status(processed: Path) -> tuple[int, list[tuple[str, str]], int]:
    """From the staged documents.csv: how many documents, which failed (with the reason), how many warned."""
    from gongfu.tables import read_csv

    table = processed / "documents.csv"
    if not table.is_file():
        return 0, [], 0
    docs = read_csv(table).astype(object).fillna("")
    failed = [(str(d), str(r)) for d, r in docs.loc[docs["status"] == "failed", ["doc_id", "reason"]].to_numpy()]
    return len(docs), failed, int((docs["status"] == "warning").sum())


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C (SIGINT) is ignored inside the block: the run then simply completes. Only the main thread can
    set a handler, and only it receives signals anyway."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _retarget(notebook: Path, moves: dict[str, str]) -> None:
    """Point an executed notebook's recorded parameters at where its outputs end up, not the staging area."""
    text = notebook.read_text(encoding="utf-8")
    for old, new in moves.items():
        text = text.replace(old, new)
    notebook.write_text(text, encoding="utf-8")


def _first_line(text: str) -> str:
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else str(text)


def _staged_figures(where: Destinations, stage: Path) -> Path:
    """Where the run draws its figures: at the same place under the staged reports/ as they will be published
    (reports/figures by default, which the site's pages link to), else a folder of their own."""
    if where.figures is not None and where.figures.is_relative_to(where.reports):
        return stage / "reports" / where.figures.relative_to(where.reports)
    return stage / "figures"
