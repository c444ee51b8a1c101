"""The batch runner: parameters checked, failures named, previous outputs kept, notebooks committed clean."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from gongfu import paths
from gongfu.cli import main
from gongfu.errors import GongfuError
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
            if key not in declared:
                continue
            default = declared[key]["default"]
            if key in runner.PATH_PARAMETERS:  # notebook defaults are relative to notebooks/
                assert (paths.NOTEBOOKS_DIR / default).resolve() == (paths.ROOT / value).resolve(), key
            else:
                assert default == value, f"{name}.{key}: notebook says {default!r}, params.yaml {value!r}"
        for key in params.get(name, {}):
            assert key in declared, f"params.yaml {name}.{key} is not a parameter of the notebook"


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
        runner._check_kernel()


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
    config = runner.kernel_config(platform)

    assert config.KernelManager.get("transport") == transport


def test_a_run_does_not_print_the_kernels_plain_tcp_warning(tmp_path: Path,
                                                           capfd: pytest.CaptureFixture[str]) -> None:
    # The kernel is a child process writing to the terminal's stderr, hence capfd rather than capsys.
    runner.run_pipeline(only=["01_clean"], processed_dir=tmp_path / "processed", reports_dir=tmp_path / "reports",
                        progress=False)

    err = capfd.readouterr().err
    assert "without encryption" not in err
    assert (tmp_path / "processed" / "documents.csv").is_file()
