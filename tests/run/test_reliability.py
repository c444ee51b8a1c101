"""Issue 16's probes, one test per row: each ends in one clear line naming the file or parameter and what to do,
a non-zero exit where the run did not do what was asked, no traceback, and no output left half changed."""

from __future__ import annotations

import codecs
import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
import yaml

from gongfu import paths
from gongfu.cli import main
from gongfu.sources import append_manifest, read_manifest

PAPERMILL = str(Path(sys.executable).with_name("papermill"))
MAKE_LINE = re.compile(r"make(\[\d+\])?: ")  # make's own report of a failed recipe
ENGLISH = "The county reported steady growth in rural incomes this year.\nOfficials expect more next year.\n"


def one_line(err: str, *needles: str) -> str:
    """The single line a probe must end in: no traceback, every needle in it."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def write_params(tmp_path: Path, **common: str) -> Path:
    params = yaml.safe_load(paths.PARAMS_FILE.read_text(encoding="utf-8"))
    params["common"].update(common)
    path = tmp_path / "params.yaml"
    path.write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
    return path


def previous_outputs(root: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A processed folder and a reports folder holding a previous run's outputs (marked old), and their bytes."""
    processed, reports = root / "processed", root / "reports"
    for rel in ("claims.csv", "documents.csv", "clean/000.txt", "stale.csv"):
        (processed / rel).parent.mkdir(parents=True, exist_ok=True)
        (processed / rel).write_text(f"old {rel}\n", encoding="utf-8")
    for rel in ("index.html", "01_clean.html", "01_clean.ipynb", "figures/1_themes.png", "screenshots/index.png",
                "notes.txt"):
        (reports / rel).parent.mkdir(parents=True, exist_ok=True)
        (reports / rel).write_text(f"old {rel}\n", encoding="utf-8")
    return processed, reports, files(root)


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Previous outputs in a temporary folder that the CLI's run publishes to (params.yaml and the pages' home)."""
    processed, reports, before = previous_outputs(tmp_path / "outputs")
    monkeypatch.setattr(paths, "REPORTS_DIR", reports)
    params = write_params(tmp_path, processed_dir=str(processed), figures_dir=str(reports / "figures"))
    return params, tmp_path / "outputs", before


# ---------------------------------------------------------------------------------------------- the manifest

@pytest.mark.parametrize(
    ("saved", "code", "line"),
    [("as GBK", 2, "MANIFEST.csv: not UTF-8 (line 2 holds byte 0x"),
     ("with a UTF-8 BOM", 0, "5 raw files match"),
     ("with a row of two fields", 2, "MANIFEST.csv: line 7 has 2 field(s) where the header has 13")],
)
def test_row_manifest_saved_as_gbk_with_a_bom_or_with_a_short_row(raw_copy: Path, saved: str, code: int, line: str,
                                                                  monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    manifest = raw_copy / "MANIFEST.csv"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_bytes({"as GBK": text.encode("gbk"), "with a UTF-8 BOM": codecs.BOM_UTF8 + text.encode(),
                          "with a row of two fields": (text + "005_x,005_x.txt\n").encode()}[saved])
    monkeypatch.setattr(paths, "RAW_DIR", raw_copy)

    got, out, err = cli(["manifest", "verify"], capsys)

    assert got == code
    one_line(err if code else out, line)


@pytest.mark.parametrize("command", [["-m", "gongfu", "manifest", "add"], ["make"]])
def test_row_data_raw_missing_then_manifest_add(tmp_path: Path, command: list[str]) -> None:
    env = {**os.environ, "GONGFU_ROOT": str(tmp_path)}  # a checkout whose data/raw/ is missing
    for inherited in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS"):  # run as a user would, not as `make test`'s child
        env.pop(inherited, None)
    if command == ["make"]:  # the Makefile's target, its set-up step taken as done
        args = ["make", "-s", "-C", str(paths.ROOT), "-o", ".venv/.installed", "manifest",
                f"PY={sys.executable}"]
    else:
        args = [sys.executable, *command]
    done = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)

    assert done.returncode != 0
    error = [line for line in done.stderr.splitlines() if not MAKE_LINE.match(line)]
    one_line("\n".join(error), "error: data/raw/: raw data folder not found. Create it (mkdir -p data/raw)")
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(("written", "line"), [
    (str.upper, "the sha256 of 002_f635a0d975b8c0ba.txt is in upper case (the file matches it). Write it in lower"),
    (lambda h: h[:40], "the sha256 of 002_f635a0d975b8c0ba.txt is cut short (40 of 64 characters; the file matches"),
])
def test_row_manifest_hash_in_upper_case_or_cut_short(raw_copy: Path, written, line: str,
                                                      monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    manifest = raw_copy / "MANIFEST.csv"
    digest = read_manifest(raw_copy)[2]["sha256"]
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(digest, written(digest)), encoding="utf-8")
    monkeypatch.setattr(paths, "RAW_DIR", raw_copy)

    code, _, err = cli(["manifest", "verify"], capsys)

    assert code == 2
    assert "differs" not in one_line(err, line) and "restore" not in err


# ------------------------------------------------------------------------------------------------ publishing

@pytest.mark.parametrize("folder", ["processed", "reports"])
def test_row_processed_or_reports_not_writable(project_outputs, folder: str, unwritable, capsys) -> None:
    params, outputs, before = project_outputs
    unwritable(outputs / folder)

    code, _, err = cli(["run", "--only", "01_clean", "--params", str(params), "--quiet"], capsys)

    assert code == 2
    one_line(err, f"error: {outputs / folder}: not writable (", "Make it writable (chmod -R u+w",
             "nothing was published, the previous outputs are unchanged")
    assert files(outputs) == before
    assert sorted(p.name for p in outputs.iterdir()) == ["processed", "reports"]  # no processed.previous


# ----------------------------------------------------------------------------------------------- the archive

def _big_corpus(root: Path, documents: int) -> Path:
    """Documents of all five raw texts each (about 50 KB, a few hundred milliseconds of work apiece)."""
    text = b"\n".join(p.read_bytes() for p in sorted(paths.RAW_DIR.glob("*.txt")))
    root.mkdir()
    for i in range(documents):
        (root / f"doc{i:04d}.txt").write_bytes(text)
    return root


def test_row_archive_main_process_killed_workers_die_with_it(tmp_path: Path) -> None:
    corpus, out = _big_corpus(tmp_path / "corpus", 240), tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "gongfu", "process", "--input", str(corpus), "--output", str(out),
                            "--workers", "2", "--chunk-size", "60", "--quiet"], start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main_process = psutil.Process(run.pid)
    deadline = time.monotonic() + 120
    while len(list((out / "clean").glob("*.txt")) if (out / "clean").is_dir() else []) < 2:
        assert time.monotonic() < deadline and run.poll() is None, "the workers never started"
        time.sleep(0.05)
    workers = main_process.children()
    assert len(workers) == 2

    run.send_signal(signal.SIGKILL)
    run.wait()

    _, alive = psutil.wait_procs(workers, timeout=3)
    alive = [w for w in alive if w.status() != psutil.STATUS_ZOMBIE]
    for worker in alive:
        worker.kill()
    assert not alive, "workers outlived the run's main process"


def test_row_archive_folder_with_upper_case_and_other_text_names_and_a_folder(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "B.TXT").write_text("临江街道已集聚规上工业企业106家。\n", encoding="utf-8")
    (archive / "c.text").write_text("南湖区生产总值增长13.9%。\n", encoding="utf-8")
    (archive / "d.html").write_text("闻堰街道社会消费品零售总额增长26.4%。\n", encoding="utf-8")
    (archive / "x.txt").mkdir()
    (archive / "scan.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"

    code, stdout, err = cli(["process", "--input", str(archive), "--output", str(out), "--workers", "1",
                             "--quiet"], capsys)

    assert code == 1
    assert "3 of 3 documents" in stdout and "2 other entries skipped" in stdout
    one_line(err, "2 entries were skipped (first: ", "scan.pdf: skipped: not a text file", f"see {out}/failures.csv")
    with (out / "failures.csv").open(encoding="utf-8", newline="") as fh:
        failures = list(csv.reader(fh))
    assert failures[1:] == [["scan", str(archive / "scan.pdf"), "skipped: not a text file (only .txt, .text, .htm, "
                             ".html are read); save it as .txt to include it"],
                            ["x", str(archive / "x.txt"), "skipped: a folder, not a text file"]]
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert all(f"\n{doc}," in documents for doc in ("B", "c", "d"))


# ----------------------------------------------------------------------------------- documents that fail

def test_row_a_document_that_fails_in_gongfu_run(raw_copy: Path, project_outputs, capsys) -> None:
    (raw_copy / "005_english.txt").write_text(ENGLISH, encoding="utf-8")
    append_manifest(raw_copy)
    params, outputs, _ = project_outputs
    params.write_text(params.read_text(encoding="utf-8").replace("raw_dir: data/raw", f"raw_dir: {raw_copy}"),
                      encoding="utf-8")

    code, _, err = cli(["run", "--only", "01_clean", "--params", str(params), "--quiet"], capsys)

    assert code == 0
    warning = next(line for line in err.splitlines() if line.startswith("warning:"))
    assert warning.startswith("warning: 1 of 6 document(s) failed (005_english: nothing left after cleaning")
    assert f"See {outputs / 'processed'}/documents.csv (status, reason); -p strict true makes this an error." in warning

    code, _, err = cli(["run", "--only", "01_clean", "--params", str(params), "--quiet", "-p", "strict", "true"],
                       capsys)

    assert code == 2
    line = one_line(err, "error: 01_clean: cell ", "strict cleaning: 3 document(s) with warnings or failures "
                    "(005_english failed: nothing left after cleaning")
    shutil.rmtree(paths.ROOT / line.split("Partial notebook: ")[1].split("/reports/")[0])


@pytest.mark.parametrize(("data", "line"), [
    (b"  \n\t\n   \n", "error: data/raw/005_blank.txt: the file contains only whitespace."),
    ("临江街道已集聚规上工业企业106家。\n".encode() + "南湖区生产总值增长13.9%。\n".encode("gbk"),
     "error: data/raw/005_blank.txt: mixed encodings: some lines are UTF-8 but line(s) 2 are not (they read as "
     "GB18030/GBK)"),
], ids=["whitespace only", "half UTF-8 half GBK"])
def test_row_whitespace_only_and_half_utf8_half_gbk_files(tmp_path: Path, data: bytes, line: str) -> None:
    root = tmp_path / "checkout"
    shutil.copytree(paths.RAW_DIR, root / "data" / "raw")
    (root / "data" / "raw" / "005_blank.txt").write_bytes(data)

    done = subprocess.run([sys.executable, "-m", "gongfu", "manifest", "add"], cwd=root, capture_output=True,
                          text=True, env={**os.environ, "GONGFU_ROOT": str(root)}, check=False)

    assert done.returncode == 2
    one_line(done.stderr, line)


# ------------------------------------------------------------------------------------------ plain papermill

def test_row_strict_false_through_plain_papermill(tmp_path: Path) -> None:
    """Two of the five documents carry warnings, so strict mode would fail 02_extract: 'false' must mean False."""
    tables = tmp_path / "processed"
    shutil.copytree(paths.PROCESSED_DIR, tables)

    done = subprocess.run([PAPERMILL, str(paths.NOTEBOOKS_DIR / "02_extract.ipynb"), str(tmp_path / "out.ipynb"),
                           "-p", "strict", "false", "-p", "processed_dir", str(tables)],
                          capture_output=True, text=True, check=False)

    assert done.returncode == 0, done.stderr[-1500:]
    assert (tables / "claims.csv").read_bytes() == (paths.PROCESSED_DIR / "claims.csv").read_bytes()


def test_row_tolerance_abc_through_plain_papermill(tmp_path: Path) -> None:
    done = subprocess.run([PAPERMILL, str(paths.NOTEBOOKS_DIR / "03_compare.ipynb"), str(tmp_path / "out.ipynb"),
                           "-p", "tolerance", "abc", "-p", "processed_dir", str(tmp_path / "none"),
                           "-p", "figures_dir", str(tmp_path / "figures")], capture_output=True, text=True, check=False)

    message = ("parameter tolerance='abc' for 03_compare: expected float. See `papermill --help-notebook "
               "notebooks/03_compare.ipynb`.")
    line = f"GongfuError: {message}"
    assert done.returncode != 0
    assert "Traceback" not in done.stderr  # papermill's traceback of itself is replaced by the one line
    assert done.stderr.strip().splitlines()[-1].startswith(f"error: {message} (notebook cell In [")
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert [e.traceback for e in errors] == [[line]]  # the notebook shows the line, not a traceback


# ----------------------------------------------------------------------------------------- terminal output

DRIVER = """
import sys
from pathlib import Path
from gongfu import cli
from gongfu.run import notebooks

root, notebooks_dir = Path(sys.argv[1]), Path(sys.argv[2])
run_pipeline = notebooks.run_pipeline
def isolated(**kwargs):
    return run_pipeline(**kwargs, processed_dir=root / "processed", reports_dir=root / "reports",
                        notebooks_dir=notebooks_dir)
notebooks.run_pipeline = isolated
sys.exit(cli.main(sys.argv[3:]))
"""


def notebooks_with(tmp_path: Path, source: str) -> Path:
    """A copy of the notebooks whose 01_clean ends with one more cell."""
    copy = tmp_path / "notebooks"
    shutil.copytree(paths.NOTEBOOKS_DIR, copy)
    nb = nbformat.read(copy / "01_clean.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(source))
    nbformat.write(nb, copy / "01_clean.ipynb")
    return copy


def test_row_ctrl_c_during_a_run(tmp_path: Path) -> None:
    marker = tmp_path / "cell-running"
    notebooks = notebooks_with(tmp_path, f"import pathlib, time\npathlib.Path({str(marker)!r}).touch()\n"
                                         "time.sleep(120)")
    run = subprocess.Popen([sys.executable, "-c", DRIVER, str(tmp_path / "out"), str(notebooks), "run", "--only",
                            "01_clean"], start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    deadline = time.monotonic() + 180
    while not marker.exists():
        assert time.monotonic() < deadline and run.poll() is None, run.stderr.read() if run.poll() else "too slow"
        time.sleep(0.1)

    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C does: the terminal signals the run's process group
    _, err = run.communicate(timeout=60)

    assert run.returncode == 130
    one_line(err, "interrupted: previous outputs are unchanged")
    assert not (tmp_path / "out" / "processed").exists()


def test_row_a_successful_run_prints_no_kernel_noise(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """What the kernel process itself writes to its stderr (ipykernel's '[IPKernelApp] ERROR | KeyboardInterrupt
    caught in kernel.' when it is stopped) never reaches the terminal; the cell's own output stays in the page."""
    notebooks = notebooks_with(tmp_path, "import os\nos.write(2, b'[IPKernelApp] ERROR | KeyboardInterrupt caught "
                                         "in kernel.\\n')\nprint('cell output')")
    from gongfu.run.notebooks import run_pipeline

    run_pipeline(only=["01_clean"], processed_dir=tmp_path / "processed", reports_dir=tmp_path / "reports",
                 notebooks_dir=notebooks, progress=True)

    err = capfd.readouterr().err
    assert "IPKernelApp" not in err and "pipeline" not in err
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith("screenshots")]
    assert "cell output" in (tmp_path / "reports" / "01_clean.ipynb").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ the kill loop

PHASES = ("reports/01_clean.ipynb", "reports/03_compare.ipynb", "reports/screenshots", "publish.json")


def _new_stages(before: set[str]) -> list[Path]:
    return [p for p in paths.STAGING_DIR.iterdir() if p.is_dir() and p.name not in before]


@pytest.mark.pipeline
def test_a_kill_at_any_phase_of_a_whole_run_leaves_the_old_or_the_new_outputs(tmp_path: Path) -> None:
    """SIGKILL the run (and its Chromium) as each phase begins: while the first and the last notebook run, while
    the screenshots are taken (pages and index built), while publishing; then let it finish. After the recovery
    every run starts with, the outputs are the previous ones, byte for byte, or a complete new set, never a mix."""
    from gongfu.run.publish import recover

    outputs = tmp_path / "outputs"
    paths.STAGING_DIR.mkdir(parents=True, exist_ok=True)
    hit, outcomes = [], []
    for phase in (*PHASES, None):
        shutil.rmtree(outputs, ignore_errors=True)
        _, _, old = previous_outputs(outputs)
        before = {p.name for p in paths.STAGING_DIR.iterdir()}
        run = subprocess.Popen([sys.executable, "-c", DRIVER, str(outputs), str(paths.NOTEBOOKS_DIR), "run",
                                "--quiet"], start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        while phase is not None and run.poll() is None:
            if any((stage / phase).exists() for stage in _new_stages(before)):
                os.killpg(run.pid, signal.SIGKILL)
                hit.append(phase)
                break
            time.sleep(0.002)
        run.wait()
        time.sleep(1.5)  # the kernel notices its parent is gone (it polls every second) and exits

        recover(paths.STAGING_DIR)
        now = files(outputs)
        if now != old:  # then it must be the whole new set
            assert now["reports/notes.txt"] == old["reports/notes.txt"]  # not an output: never touched
            new = {k: v for k, v in now.items() if k.startswith("processed/")}
            committed = {f"processed/{k}": v for k, v in files(paths.PROCESSED_DIR).items()}
            assert new == committed, f"killed at {phase}: processed is not the new set"
            assert not [k for k, v in now.items() if v.startswith(b"old ") and k != "reports/notes.txt"], phase
            pages = {k for k in now if k.startswith("reports/") and k.count("/") == 1}
            assert pages == {f"reports/{n}.{e}" for n in ("01_clean", "02_extract", "03_compare")
                             for e in ("ipynb", "html")} | {"reports/index.html", "reports/explorer.html",
                                                             "reports/notes.txt"}, phase
        assert sorted(p.name for p in outputs.iterdir()) == ["processed", "reports"]
        assert not [k for k in now if ".old-" in k or ".new-" in k]
        for stage in _new_stages(before):
            shutil.rmtree(stage, ignore_errors=True)
        if phase is None:
            assert now != old, "the run that was let finish did not publish"
        outcomes.append(f"{phase if phase in hit else 'no kill'}: {'old' if now == old else 'new'}")
    print("kill loop:", "; ".join(outcomes))  # shown with pytest -s
    assert len(hit) >= 3, f"kills landed only at {hit}"
