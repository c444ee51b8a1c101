"""The batch runner: parameters checked, failures named, previous outputs kept, notebooks committed clean."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from gongfu import paths
from gongfu.cli import main
from gongfu.errors import GongfuError
from gongfu.run import kernel
from gongfu.run import notebooks as runner

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def test_notebooks_run_in_stage_order() -> None:
    assert runner.notebook_names() == ["01_clean", "02_extract", "03_compare"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_with_a_parameters_cell_first(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]

    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_parameter_has_a_type_and_help(path: Path) -> None:
    declared = runner.notebook_parameters(path)

    assert declared
    for name, info in declared.items():
        assert info["type"] != "None", f"{path.stem}.{name} has no type annotation"
        assert info["help"], f"{path.stem}.{name} has no `# help` comment"


def test_params_yaml_agrees_with_the_notebooks_defaults() -> None:
    params = yaml.safe_load(paths.PARAMS_FILE.read_text(encoding="utf-8"))
    for name in runner.notebook_names():
        declared = runner.notebook_parameters(paths.NOTEBOOKS_DIR / f"{name}.ipynb")
        for key, value in {**params["common"], **params.get(name, {})}.items():
            if key in declared:  # both relative to the project root, paths included
                assert declared[key]["default"] == value, f"{name}.{key}: notebook says " \
                                                          f"{declared[key]['default']!r}, params.yaml {value!r}"
        for key in params.get(name, {}):
            assert key in declared, f"params.yaml {name}.{key} is not a parameter of the notebook"


def test_path_parameters_are_the_paths_the_notebooks_declare() -> None:
    declared = {k: info for path in NOTEBOOKS for k, info in runner.notebook_parameters(path).items()}
    paths_declared = {k for k, info in declared.items() if k.endswith(("_dir", "_path")) or "path" in info["help"]}

    assert set(runner.PATH_PARAMETERS) == paths_declared


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_checks_its_parameters_in_the_first_cell_after_them(path: Path) -> None:
    code = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]

    assert f'globals().update(check_parameters("{path.stem}", globals()))' in "".join(code[1]["source"])


def _destinations(params: dict, overrides: dict | None = None, **kwargs) -> runner.Destinations:
    names = runner.notebook_names()
    overrides = overrides or {}
    resolved = runner.resolve_parameters(names, overrides, params)
    return runner.destinations(names, resolved, overrides, params, **kwargs)


def test_destinations_come_from_params_yaml(tmp_path: Path) -> None:
    params = {"common": {"processed_dir": str(tmp_path / "tables"), "figures_dir": "charts"}}

    where = _destinations(params)

    assert (where.processed, where.figures, where.reports) == (tmp_path / "tables", paths.ROOT / "charts",
                                                               paths.REPORTS_DIR)


@pytest.mark.parametrize(
    ("params_figures", "kwargs", "expected"),
    [("reports/figures", {}, "reports/figures"),  # pages moved: figures kept under reports/ move with them
     ("charts", {}, "<root>/charts"),  # figures params.yaml puts elsewhere stay there
     ("reports/figures", {"figures_dir": "own"}, "own")],
)
def test_figures_follow_the_pages_a_caller_moves_unless_put_elsewhere(tmp_path: Path, params_figures: str,
                                                                      kwargs: dict, expected: str) -> None:
    kwargs = {k: tmp_path / v for k, v in kwargs.items()}
    where = _destinations({"common": {"figures_dir": params_figures}}, reports_dir=tmp_path / "reports", **kwargs)

    assert where.figures == (paths.ROOT / "charts" if expected == "<root>/charts" else tmp_path / expected)


def test_a_p_override_wins_over_the_callers_folders(tmp_path: Path) -> None:
    (tmp_path / "given").mkdir()
    where = _destinations({}, {"processed_dir": str(tmp_path / "given"), "figures_dir": str(tmp_path / "figs")},
                          processed_dir=tmp_path / "arg", figures_dir=tmp_path / "arg-figs")

    assert (where.processed, where.figures) == (tmp_path / "given", tmp_path / "figs")


@pytest.mark.parametrize(("key", "value", "what"), [("processed_dir", ".", "the raw texts"),
                                                    ("processed_dir", "data", "the raw texts"),
                                                    ("figures_dir", "notebooks", "the notebooks"),
                                                    ("figures_dir", "..", "the raw texts"),
                                                    ("processed_dir", "data/raw/out", "raw texts' folder")])
def test_an_output_folder_holding_inputs_is_refused(key: str, value: str, what: str) -> None:
    with pytest.raises(GongfuError, match=rf"^{key} .*: (would replace the folder holding|inside the) {what}"):
        _destinations({"common": {key: value}})


@pytest.mark.parametrize(
    ("raw", "expected", "value"),
    [("true", "bool", True), ("False", "bool", False), ("3", "int", 3), ("2", "float", 2.0),
     ("en", "str", "en"), ("2022", "str", "2022")],
)
def test_cli_strings_are_coerced_to_the_declared_type(raw: str, expected: str, value: object) -> None:
    assert runner.coerce("x", raw, expected, "01_clean") == value


@pytest.mark.parametrize(("raw", "expected"), [("maybe", "bool"), ("1.5", "int"), ("ten", "float")])
def test_wrong_type_is_refused_with_the_parameter_named(raw: str, expected: str) -> None:
    with pytest.raises(GongfuError, match=rf"parameter x={raw!r} for 01_clean: expected {expected}"):
        runner.coerce("x", raw, expected, "01_clean")


def _run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def test_unknown_notebook_in_only_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run_cli(["run", "--only", "04_nothing", "--quiet"], capsys)

    assert code == 2
    assert err.count("\n") == 1
    assert "04_nothing: no such notebook. Choose from: 01_clean, 02_extract, 03_compare" in err


def test_unknown_parameter_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run_cli(["run", "-p", "colour", "red", "--quiet"], capsys)

    assert code == 2
    assert "unknown parameter 'colour'" in err and "Known:" in err


def test_wrong_type_parameter_is_refused_before_anything_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run_cli(["run", "--only", "01_clean", "-p", "strict", "sometimes", "--quiet"], capsys)

    assert code == 2
    assert "parameter strict='sometimes' for 01_clean: expected bool" in err


def test_missing_raw_directory_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    params = tmp_path / "params.yaml"
    params.write_text("common:\n  raw_dir: no/such/dir\n", encoding="utf-8")

    code, err = _run_cli(["run", "--params", str(params), "--quiet"], capsys)

    assert code == 2
    assert "raw data folder not found" in err


def test_missing_kernel_says_to_run_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def no_kernel(self: KernelSpecManager, name: str) -> None:
        raise NoSuchKernel(name)

    monkeypatch.setattr(KernelSpecManager, "get_kernel_spec", no_kernel)
    with pytest.raises(GongfuError, match=r"kernel 'python3' not found.*make setup"):
        kernel.check_kernel()


def test_failing_cell_names_notebook_cell_and_error_and_keeps_previous_outputs(tmp_path: Path) -> None:
    # Arrange: a copy of the notebooks whose second stage fails, and previous good outputs.
    notebooks = tmp_path / "notebooks"
    shutil.copytree(paths.NOTEBOOKS_DIR, notebooks)
    nb = nbformat.read(notebooks / "02_extract.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('claims table is broken')"))
    nbformat.write(nb, notebooks / "02_extract.ipynb")
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    processed.mkdir()
    (processed / "claims.csv").write_text("previous,good\n", encoding="utf-8")
    reports.mkdir()
    (reports / "index.html").write_text("previous page", encoding="utf-8")

    # Act
    with pytest.raises(GongfuError) as info:
        runner.run_pipeline(processed_dir=processed, reports_dir=reports, progress=False,
                            notebooks_dir=notebooks)

    # Assert: the message names the notebook, the cell and the error, and points to the partial run.
    message = str(info.value)
    assert message.startswith("02_extract: cell ")
    assert "ValueError: claims table is broken" in message
    partial = paths.ROOT / message.split("Partial notebook: ")[1].split(". Previous")[0]
    assert partial.is_file() and partial.name == "02_extract.ipynb"
    assert sorted(p.name for p in processed.iterdir()) == ["claims.csv"]
    assert (processed / "claims.csv").read_text(encoding="utf-8") == "previous,good\n"
    assert (reports / "index.html").read_text(encoding="utf-8") == "previous page"
    shutil.rmtree(partial.parents[1])


def test_processed_dir_override_is_the_folder_the_run_reads_and_writes(tmp_path: Path) -> None:
    # Arrange: a copy of the committed tables without consistency.csv, which 03_compare writes.
    archive = tmp_path / "archive"
    shutil.copytree(paths.PROCESSED_DIR, archive)
    (archive / "consistency.csv").unlink()
    committed = (paths.PROCESSED_DIR / "consistency.csv").read_bytes()

    # Act
    result = runner.run_pipeline(only=["03_compare"], overrides={"processed_dir": str(archive)},
                                 reports_dir=tmp_path / "reports", progress=False)

    # Assert: the outputs land in the folder named, and the project's own tables are untouched.
    assert result.processed_dir == archive.resolve()
    assert (archive / "consistency.csv").read_bytes() == committed
    assert (paths.PROCESSED_DIR / "consistency.csv").read_bytes() == committed


def test_processed_dir_override_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GongfuError, match=r"processed_dir .*no such folder"):
        runner.run_pipeline(only=["03_compare"], overrides={"processed_dir": str(tmp_path / "nowhere")},
                            reports_dir=tmp_path / "reports", progress=False)


@pytest.mark.parametrize(("platform", "transport"), [("posix", "ipc"), ("nt", None)])
def test_kernel_sockets_are_ipc_files_on_posix_and_tcp_elsewhere(platform: str, transport: str | None) -> None:
    config = kernel.kernel_config(platform)

    assert config.KernelManager.get("transport") == transport


def test_a_run_prints_only_its_screenshot_line(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """No progress bar when stderr is not a terminal, no kernel log lines, no TCP warning: the kernel is a child
    process writing to the terminal's stderr, hence capfd rather than capsys."""
    runner.run_pipeline(only=["01_clean"], processed_dir=tmp_path / "processed", reports_dir=tmp_path / "reports",
                        progress=True)

    err = capfd.readouterr().err
    assert err.splitlines() == [next(line for line in err.splitlines() if line.startswith("screenshots"))]
    assert "without encryption" not in err and "pipeline" not in err
    assert (tmp_path / "processed" / "documents.csv").is_file()
    assert not list(paths.NOTEBOOKS_DIR.glob("kernel-ipc-*")), "kernel sockets left among the notebooks"


def test_a_value_in_params_yaml_takes_effect(tmp_path: Path) -> None:
    # Arrange: params.yaml naming other folders for the tables and the figures.
    tables, figures = tmp_path / "elsewhere" / "tables", tmp_path / "elsewhere" / "charts"
    shutil.copytree(paths.PROCESSED_DIR, tables)
    (tables / "consistency.csv").unlink()
    params = yaml.safe_load(paths.PARAMS_FILE.read_text(encoding="utf-8"))
    params["common"].update(processed_dir=str(tables), figures_dir=str(figures))
    params_file = tmp_path / "params.yaml"
    params_file.write_text(yaml.safe_dump(params), encoding="utf-8")
    project_tables = paths.PROCESSED_DIR.stat().st_ino

    # Act
    result = runner.run_pipeline(only=["03_compare"], params_file=params_file, reports_dir=tmp_path / "reports",
                                 progress=False)

    # Assert: the tables and charts are where params.yaml says, the project's own are untouched.
    assert (result.processed_dir, result.figures_dir) == (tables, figures)
    assert (tables / "consistency.csv").read_bytes() == (paths.PROCESSED_DIR / "consistency.csv").read_bytes()
    assert {p.suffix for p in figures.iterdir() if p.is_file()} == {".png", ".svg"}  # en/: the English edition
    assert not (tmp_path / "reports" / "figures").exists()
    assert paths.PROCESSED_DIR.stat().st_ino == project_tables


def test_the_readmes_papermill_command_writes_inside_the_checkout(tmp_path: Path) -> None:
    # Arrange: a checkout (GONGFU_ROOT) with its notebooks and tables, and the README's command as written.
    checkout = tmp_path / "checkout"
    shutil.copytree(paths.NOTEBOOKS_DIR, checkout / "notebooks")
    shutil.copytree(paths.PROCESSED_DIR, checkout / "data" / "processed")
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.startswith(".venv/bin/papermill notebooks/"))
    args = command.split("#")[0].split()
    args[0] = str(Path(sys.executable).with_name("papermill"))
    args[2] = str(tmp_path / "03_en.ipynb")

    # Act: run from the checkout's root, as the README says.
    done = subprocess.run(args, cwd=checkout, env={**os.environ, "GONGFU_ROOT": str(checkout)},
                          capture_output=True, text=True, check=False)

    # Assert: the charts are where the command's figures_dir says, inside the checkout; nothing beside it.
    assert done.returncode == 0, done.stderr[-2000:]
    figures = args[args.index("figures_dir") + 1] if "figures_dir" in args else "reports/figures"
    assert {p.suffix for p in (checkout / figures).iterdir() if p.is_file()} == {".png", ".svg"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["03_en.ipynb", "checkout"]
