"""The archive engines: bad files finish as failures, Dask equals local, interrupted runs resume exactly."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import papermill
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu import paths
from gongfu.cli import main
from gongfu.run import document
from gongfu.run.archive import corpus as corpus_module
from gongfu.run.archive import ledger
from gongfu.run.archive.chunks import ChunkTable, cell, column_cells, csv_header, rows_to_table, string_array
from gongfu.run.archive.engines import DASK_CONFIG, dask_client, dask_settings
from gongfu.run.archive.listing import GongfuError, list_sources
from gongfu.run.archive.settings import TABLES, ChunkResult, Interrupted, RunSummary
from gongfu.run.stages import clean_stage, extract_stage
from gongfu.tables import read_csv, to_frame, write_csv

SAMPLE = "临江街道已集聚规上工业企业106家，培育本土上市企业5家。去年南湖区农村居民人均可支配收入为38856元。\n" * 3
TABLE_FILES = ("documents.csv", "edits.csv", "claims.csv", "failures.csv")
BAD = {"zz_empty": "empty", "zz_junk": "not readable as text"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The five real raw texts (with their manifest) plus files a real archive holds: empty, binary junk,
    GBK and UTF-16 (the last two are readable and must not fail)."""
    root = tmp_path / "corpus"
    shutil.copytree(paths.RAW_DIR, root)
    (root / "zz_empty.txt").write_bytes(b"")
    (root / "zz_junk.txt").write_bytes(random.Random(7).randbytes(4000))
    (root / "gbk_note.txt").write_bytes(SAMPLE.encode("gbk"))
    sub = root / "more"  # folders are searched recursively
    sub.mkdir()
    (sub / "utf16_note.txt").write_bytes(SAMPLE.encode("utf-16"))
    return root


def run(corpus: Path, out: Path, **kwargs) -> RunSummary:
    kwargs.setdefault("workers", 2)
    kwargs.setdefault("chunk_size", 2)
    return corpus_module.process_corpus(str(corpus), out, progress=False, **kwargs)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every table and cleaned text of an output, by relative path (the work area excepted)."""
    files = [out / name for name in TABLE_FILES] + sorted((out / "clean").iterdir())
    return {str(p.relative_to(out)): p.read_bytes() for p in files}


def test_local_engine_finishes_with_failures_listed(corpus: Path, tmp_path: Path) -> None:
    summary = run(corpus, tmp_path / "out")
    out = tmp_path / "out"
    docs = read_csv(out / "documents.csv")
    assert summary.total == summary.processed == len(docs) == 9
    assert docs["doc_id"].is_unique and list(docs["doc_id"]) == sorted(docs["doc_id"])
    assert summary.failed == 2
    failures = read_csv(out / "failures.csv")
    assert list(failures.columns) == ["doc_id", "file", "reason"]
    assert dict(zip(failures["doc_id"], failures["file"], strict=True)) == {
        d: str(corpus / f"{d}.txt") for d in BAD}
    for doc_id, reason in zip(failures["doc_id"], failures["reason"], strict=True):
        assert BAD[doc_id] in reason
    status = docs.set_index("doc_id")["status"]
    assert set(status[status == "failed"].index) == set(BAD)
    encodings = docs.set_index("doc_id")["encoding"]
    assert encodings["gbk_note"] in {"gb18030", "gbk"} and encodings["utf16_note"] == "utf_16"
    assert {p.stem for p in (out / "clean").iterdir()} == set(docs["doc_id"]) - set(BAD)
    claims = read_csv(out / "claims.csv")
    assert set(claims["doc_id"]) <= set(docs["doc_id"]) - set(BAD)
    assert (claims["doc_id"] == "gbk_note").sum() == (claims["doc_id"] == "utf16_note").sum() > 0


def test_same_tables_as_the_notebook_stages(raw_copy: Path, tmp_path: Path) -> None:
    """On the five texts, `process` writes what notebooks 01 and 02 write, so notebook 03 can read it."""
    staged = tmp_path / "staged"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # documents with warnings are reported by the stages, not failed
        clean_stage(raw_copy, staged, progress=False)
        extract_stage(staged, progress=False)
    run(raw_copy, tmp_path / "out", workers=1)
    for name in ("documents.csv", "edits.csv", "claims.csv"):
        expected, got = read_csv(staged / name), read_csv(tmp_path / "out" / name)
        assert list(got.columns) == list(expected.columns)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert snapshot_clean(tmp_path / "out") == snapshot_clean(staged)


def snapshot_clean(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "clean").iterdir())}


def test_dask_claims_equal_local_row_for_row(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "local", workers=2)
    summary = run(corpus, tmp_path / "dask", engine="dask", workers=1, dask_processes=False, chunk_size=3)
    assert summary.failed == 2
    local, dask = tmp_path / "local", tmp_path / "dask"
    for name in TABLE_FILES:
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name
    claims = read_csv(local / "claims.csv")
    assert len(claims) > 100
    parquet = pd.read_parquet(dask / "claims.parquet")
    assert parquet.shape == claims.shape and list(parquet["claim_id"]) == list(claims["claim_id"])
    assert snapshot(dask) == snapshot(local)


def test_dask_worker_processes_at_a_scheduler_address_equal_local(corpus: Path, tmp_path: Path) -> None:
    """--scheduler: separate worker processes (each imports gongfu itself) give the same bytes."""
    from dask.distributed import LocalCluster

    run(corpus, tmp_path / "local", workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run(corpus, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, fmt="csv")
        assert summary.processed == 9 and summary.failed == 2
        assert len(cluster.scheduler.workers) == 2  # the run left the cluster it was given running
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
    assert not (tmp_path / "dask" / "claims.parquet").exists()  # --format csv honoured by the dask engine


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_run_resumes_without_redoing_or_duplicating(corpus: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 workers: int) -> None:
    calls = tmp_path / "calls.log"
    real = document.process_document

    def recorded(raw: bytes, doc_id: str, *args, **kwargs):
        with calls.open("a") as fh:  # appends from every worker process (they are forked)
            fh.write(doc_id + "\n")
        return real(raw, doc_id, *args, **kwargs)

    monkeypatch.setattr(document, "process_document", recorded)
    out = tmp_path / "out"
    committed = []

    def stop_after_two(result: ChunkResult) -> None:
        committed.append(result)
        if len(committed) == 2:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as stopped:
        run(corpus, out, workers=workers, chunk_size=1, on_chunk=stop_after_two)
    first = stopped.value.summary
    assert 2 <= first.done < 9 and not (out / "claims.csv").exists()
    parts = sorted((out / "_parts" / "csv" / "documents").glob("*.csv"))  # the rows so far, readable mid-run
    so_far = pd.concat([pd.read_csv(p, dtype=str) for p in parts])
    assert len(so_far) == first.done and so_far["doc_id"].is_unique
    markers = {p: p.stat().st_mtime_ns for p in (out / "_parts" / "done").iterdir()}
    assert len(markers) == first.done
    done_first = set(calls.read_text().split())
    calls.unlink()

    second = run(corpus, out, workers=workers, chunk_size=1)
    redone = calls.read_text().split()
    assert second.done_before == first.done and second.processed == 9 - first.done == len(redone)
    assert not done_first & set(redone) or workers == 2  # (a pool may have started a chunk it never committed)
    assert {p: p.stat().st_mtime_ns for p in markers} == markers  # finished chunks untouched
    assert second.failed == 2

    fresh = tmp_path / "fresh"
    run(corpus, fresh, workers=1, chunk_size=4)
    assert snapshot(out) == snapshot(fresh)
    assert read_csv(out / "documents.csv")["doc_id"].is_unique


SLOW_CLI = """
import sys, time
from gongfu.run import document
real = document.process_document
def slow(*args, **kwargs):
    time.sleep(0.03)
    return real(*args, **kwargs)
document.process_document = slow
from gongfu.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_killed_process_tree_resumes_to_the_same_output(corpus: Path, tmp_path: Path, sig: int) -> None:
    """A real run (slowed down), interrupted with Ctrl-C or killed with -9 across its whole process group."""
    for src in sorted(corpus.glob("00*.txt")):
        for i in range(6):
            shutil.copy(src, corpus / f"{src.stem}_copy{i}.txt")
    out, done = tmp_path / "out", tmp_path / "out" / "_parts" / "done"
    argv = ["process", "--input", str(corpus), "--output", str(out), "--workers", "2", "--chunk-size", "2",
            "--quiet"]
    proc = subprocess.Popen([sys.executable, "-c", SLOW_CLI, *argv], start_new_session=True,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (done.is_dir() and len(list(done.glob("*.json"))) >= 3) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL), err
    if sig == signal.SIGINT:
        assert "interrupted:" in err and "rerun the same command to resume" in err
    finished = sum(len(json.loads(p.read_text())["doc_ids"]) for p in done.glob("*.json"))
    assert 6 <= finished < 39 and not (out / "claims.csv").exists()

    summary = run(corpus, out, chunk_size=2)
    assert summary.total == 39 and summary.done_before == finished and summary.processed == 39 - finished
    fresh = tmp_path / "fresh"
    run(corpus, fresh, workers=1, chunk_size=5)
    assert snapshot(out) == snapshot(fresh)


def test_chunk_written_but_not_committed_is_redone_once(corpus: Path, tmp_path: Path) -> None:
    """A kill between a chunk's part files and its done marker: the parts are dropped and the chunk redone."""
    out = tmp_path / "out"
    run(corpus, out, workers=1, chunk_size=3)
    before = snapshot(out)
    marker = sorted((out / "_parts" / "done").iterdir())[0]
    marker.unlink()
    (out / "_parts" / "claims" / ".half-written.parquet.123.tmp").write_bytes(b"PAR1")
    summary = run(corpus, out, workers=1, chunk_size=3)
    assert summary.processed == 3 and summary.done_before == 6
    assert snapshot(out) == before
    assert not list((out / "_parts" / "claims").glob(".*"))


def test_rerun_of_a_finished_output_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(corpus, out)
    before = snapshot(out)
    summary = run(corpus, out)
    assert summary.processed == 0 and summary.done_before == 9 and summary.failed == 2
    assert snapshot(out) == before


def test_new_files_are_added_incrementally(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    extra = corpus / "001_8caa6e4255689ee4.txt"
    moved = tmp_path / extra.name
    shutil.move(extra, moved)
    run(corpus, out, chunk_size=3)
    shutil.move(moved, extra)  # lands inside an already finished chunk's doc_id range
    summary = run(corpus, out, chunk_size=3)
    assert summary.processed == 1
    fresh = tmp_path / "fresh"
    run(corpus, fresh, workers=1)
    assert snapshot(out) == snapshot(fresh)


def test_a_crashing_document_is_a_failure_not_a_crashed_run(corpus: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    real = document.process_document

    def flaky(raw: bytes, doc_id: str, *args, **kwargs):
        if doc_id == "gbk_note":
            raise RuntimeError("extractor bug")
        return real(raw, doc_id, *args, **kwargs)

    monkeypatch.setattr(document, "process_document", flaky)
    summary = run(corpus, tmp_path / "out", workers=1)
    assert summary.failed == 3 and summary.processed == 9
    failures = read_csv(tmp_path / "out" / "failures.csv").set_index("doc_id")
    assert "internal error RuntimeError: extractor bug" in failures.loc["gbk_note", "reason"]


def test_output_inside_the_input_folder_is_not_read_as_input(corpus: Path) -> None:
    out = corpus / "processed"
    run(corpus, out)
    summary = run(corpus, out)
    assert summary.total == 9 and summary.processed == 0


def test_glob_input(corpus: Path, tmp_path: Path) -> None:
    pattern = str(corpus / "**" / "*_note.txt")
    summary = corpus_module.process_corpus(pattern, tmp_path / "out", workers=1, progress=False)
    assert summary.total == 2 and summary.failed == 0


def cli(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(["process", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_reports_failures_in_summary_and_exit_status(corpus: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    code, out, err = cli(capsys, "--input", str(corpus), "--output", str(tmp_path / "out"), "--workers", "2",
                         "--quiet")
    assert code == 1
    assert "9 of 9 documents" in out and "2 failed" in out
    assert "2 document(s) failed" in err and "failures.csv" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input", "{tmp}/nowhere"], "input folder not found"),
        (["--input", "{tmp}/nowhere/*.txt"], "no input files found"),
        (["--input", "{corpus}", "--engine", "spark"], "--engine spark: unknown engine"),
        (["--input", "{corpus}", "--format", "xlsx"], "--format xlsx: unknown format"),
        (["--input", "{corpus}", "--workers", "0"], "--workers 0: need at least 1"),
        (["--input", "{corpus}", "--chunk-size", "0"], "--chunk-size 0: need at least 1"),
    ],
)
def test_cli_one_line_errors(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str],
                             message: str) -> None:
    args = [a.format(tmp=tmp_path, corpus=corpus) for a in args]
    code, out, err = cli(capsys, *args, "--output", str(tmp_path / "out"), "--quiet")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err


def test_cli_refuses_a_folder_it_did_not_write(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "processed").mkdir()
    (tmp_path / "processed" / "documents.csv").write_text("doc_id\n")
    code, _, err = cli(capsys, "--input", str(corpus), "--output", str(tmp_path / "processed"), "--quiet")
    assert code == 2 and "not written by `gongfu process`" in err


def test_resume_refuses_results_from_other_code(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    run(corpus, tmp_path / "out", workers=1)
    monkeypatch.setattr(ledger, "code_fingerprint", lambda: "a newer cleaner")
    code, _, err = cli(capsys, "--input", str(corpus), "--output", str(tmp_path / "out"), "--quiet")
    assert code == 2 and "started with other cleaner/extractor code" in err and err.count("\n") == 1


def test_duplicate_doc_ids_are_refused(corpus: Path, tmp_path: Path) -> None:
    shutil.copy(corpus / "gbk_note.txt", corpus / "more" / "gbk_note.txt")
    with pytest.raises(GongfuError, match="doc_id gbk_note is also the name of"):
        run(corpus, tmp_path / "out")


def test_cells_are_formatted_from_their_own_value() -> None:
    """So a table's bytes do not depend on which documents share its chunk."""
    values = ["x", None, 3, True, 3.0, float("nan"), np.float64(2.5), np.int64(4), np.bool_(False), 0.1 + 0.2]
    rows = [{"a": v} for v in values] + [{}]
    expected = ["x", "", "3", "True", "3.0", "", "2.5", "4", "False", "0.30000000000000004", ""]
    assert column_cells(rows, "a") == [cell(v) for v in [*values, None]] == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.text(alphabet=',"\n\r 中a', max_size=6)), max_size=5))
def test_csv_lines_are_the_bytes_the_notebook_stages_write(tmp_path_factory, cells: list[tuple[str, str]]) -> None:
    """Workers format CSV lines that are appended as bytes: they must be what `write_csv` writes, encoded a
    document at a time (ChunkTable), with the same cells in its Arrow columns when the output is Parquet."""
    columns = ["doc_id", "text"]
    rows = [{"doc_id": a, "text": b} for a, b in cells]
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_csv(to_frame(rows, columns), path)
    chunk = ChunkTable(columns, parquet=True)
    for i in range(0, len(rows), 2):  # documents of up to two rows
        chunk.add(rows[i:i + 2])
    assert csv_header(columns) + chunk.csv() == path.read_bytes()
    assert chunk.table().equals(rows_to_table(rows, columns)) and chunk.rows == len(rows)
    assert sum(chunk.lengths) == len(chunk.csv()) and len(chunk.lengths) == (len(rows) + 1) // 2


@given(st.lists(st.text(alphabet='中a,"\n\r é\x00😀', max_size=8), max_size=20))
def test_string_arrays_hold_exactly_the_cells(cells: list[str]) -> None:
    """Arrow string arrays are built from the cells' UTF-8 bytes (pa.array would import pandas)."""
    array = string_array(cells)
    array.validate(full=True)
    assert array.to_pylist() == cells


def test_a_worker_without_parquet_never_imports_pyarrow_or_pandas(tmp_path: Path) -> None:
    """CSV output: a chunk is processed and committed without pyarrow (about 80 MB of RSS in every worker)."""
    script = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from gongfu.run.archive.chunks import process_chunk\n"
        "from gongfu.run.archive.ledger import prepare_output\n"
        "from gongfu.run.archive.settings import Settings\n"
        "out = Path(sys.argv[1])\n"
        "settings = prepare_output(out, Settings(str(out)))\n"
        "raw = sorted(Path(sys.argv[2]).glob('*.txt'))[:2]\n"
        "process_chunk([(p.stem, str(p), p.name, None) for p in raw], settings)\n"
        "print(json.dumps(sorted(m for m in ('pyarrow', 'pandas') if m in sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out"), str(paths.RAW_DIR)],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
    assert len(list((tmp_path / "out" / "_parts" / "done").glob("*.json"))) == 1


class _Terminal(io.StringIO):
    """A captured stderr that says it is a terminal, as a person's is."""

    def isatty(self) -> bool:
        return True


def test_progress_shows_documents_rate_and_time_left_on_a_terminal(corpus: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    corpus_module.process_corpus(str(corpus), tmp_path / "out", workers=1, chunk_size=3, progress=True)
    last = terminal.getvalue().replace("\r", "\n").strip().splitlines()[-1]
    assert "9/9" in last and "doc/s" in last and "<00:00" in last and "failed=2" in last


def test_no_progress_bar_when_stderr_is_not_a_terminal(corpus: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    corpus_module.process_corpus(str(corpus), tmp_path / "out", workers=1, chunk_size=3, progress=True)
    assert "doc/s" not in capsys.readouterr().err


def test_notebook_03_reads_a_process_output(corpus: Path, tmp_path: Path) -> None:
    """Pointed at a `process` output by its processed_dir parameter, notebook 03 compares those documents
    (here with two failed and two without a manifest row) and writes its table there."""
    out, figures = tmp_path / "out", tmp_path / "figures"
    run(corpus, out)
    figures.mkdir()
    executed = tmp_path / "03.ipynb"
    papermill.execute_notebook(str(paths.NOTEBOOKS_DIR / "03_compare.ipynb"), str(executed),
                               parameters={"processed_dir": str(out), "figures_dir": str(figures),
                                           "fig_formats": "png", "lang": "en"},
                               kernel_name="python3", cwd=str(paths.NOTEBOOKS_DIR), progress_bar=False)
    assert (out / "consistency.csv").is_file()
    consistency = read_csv(out / "consistency.csv")
    docs = set(read_csv(out / "documents.csv")["doc_id"])
    compared = set(consistency["doc_a"]) | set(consistency["doc_b"])
    assert {"gbk_note", "utf16_note"} <= compared <= docs - set(BAD)  # the archive's own documents too
    assert {p.suffix for p in figures.iterdir()} == {".png"}
    text = nbformat.writes(nbformat.read(executed, as_version=4))
    assert "Left out because cleaning failed" in text


def archive_of_copies(out: Path, copies: int) -> Path:
    """A `process`-shaped output made without running it: each committed document `copies` times under new
    doc_ids, with no place in documents.csv (as for files without a manifest row)."""
    docs, claims = read_csv(paths.PROCESSED_DIR / "documents.csv"), read_csv(paths.PROCESSED_DIR / "claims.csv")
    (out / "clean").mkdir(parents=True)
    doc_rows, claim_rows = [], []
    for k in range(copies):
        doc_rows.append(docs.assign(doc_id=f"copy{k}_" + docs["doc_id"], province="", city="", district="",
                                    street=""))
        claim_rows.append(claims.assign(doc_id=f"copy{k}_" + claims["doc_id"],
                                        claim_id=f"copy{k}_" + claims["claim_id"]))
        for doc_id in docs["doc_id"]:
            shutil.copy(paths.PROCESSED_DIR / "clean" / f"{doc_id}.txt", out / "clean" / f"copy{k}_{doc_id}.txt")
    write_csv(pd.concat(doc_rows, ignore_index=True), out / "documents.csv")
    write_csv(pd.concat(claim_rows, ignore_index=True), out / "claims.csv")
    return out


def test_notebook_03_summarises_an_archive_above_pairwise_limit(tmp_path: Path) -> None:
    """More documents than pairwise_limit: one cross-check row per group (consistency_groups.csv, no pairs),
    aggregate charts and a summary in counts, in the same notebook."""
    out, figures = archive_of_copies(tmp_path / "out", 4), tmp_path / "figures"
    (out / "consistency.csv").write_text("stale\n", encoding="utf-8")
    executed = tmp_path / "03.ipynb"
    papermill.execute_notebook(str(paths.NOTEBOOKS_DIR / "03_compare.ipynb"), str(executed),
                               parameters={"processed_dir": str(out), "figures_dir": str(figures),
                                           "fig_formats": "png", "lang": "en", "pairwise_limit": 10, "top_n": 5},
                               kernel_name="python3", cwd=str(paths.NOTEBOOKS_DIR), progress_bar=False)
    assert not (out / "consistency.csv").exists()
    groups = read_csv(out / "consistency_groups.csv")
    claims = read_csv(out / "claims.csv")
    keys = ["entity", "indicator_id", "indicator", "is_growth", "unit", "year", "span"]
    assert len(groups) > 0 and not groups.duplicated(keys).any()  # one row per group
    assert (groups["documents"] >= 2).all() and groups["claims"].sum() <= len(claims)
    assert set(groups["claim_a"]) | set(groups["claim_b"]) <= set(claims["claim_id"])
    assert {p.name for p in figures.iterdir()} == {f"{name}.png" for name in (
        "1_themes_by_place", "2_growth_ranges", "3_money_ranges", "4_theme_leaders", "5_cross_check_groups")}
    text = nbformat.writes(nbformat.read(executed, as_version=4))
    assert "This page summarises an archive: 20 reports" in text
    assert "Linjiang Subdistrict A" not in text  # no report-by-report prose


def test_format_parquet_writes_datasets_equal_to_the_csv_tables(corpus: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    code, _, _ = cli(capsys, "--input", str(corpus), "--output", str(out), "--format", "parquet", "--workers", "1",
                     "--chunk-size", "2", "--quiet")
    assert code == 1  # two documents failed
    for table in TABLES:
        from_parquet = pd.read_parquet(out / f"{table}.parquet")
        from_csv = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
        assert len(from_csv) == len(from_parquet) > 0
        pd.testing.assert_frame_equal(from_parquet, from_csv, check_dtype=False)


def test_new_files_land_in_doc_id_order_in_the_parquet_datasets_too(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    extra = corpus / "001_8caa6e4255689ee4.txt"
    moved = tmp_path / extra.name
    shutil.move(extra, moved)
    run(corpus, out, chunk_size=3, fmt="parquet")
    shutil.move(moved, extra)  # overlapping chunks: their rows are merged in doc_id order
    run(corpus, out, chunk_size=3, fmt="parquet")
    for table in ("documents", "claims"):
        from_parquet = pd.read_parquet(out / f"{table}.parquet")
        assert list(from_parquet["doc_id"]) == sorted(from_parquet["doc_id"])
        from_csv = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(from_parquet, from_csv, check_dtype=False)


def test_a_work_area_keeps_the_parts_it_started_with(corpus: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    """A Parquet work area finished with --format csv goes on writing Parquet parts; a CSV one cannot give
    Parquet (its first chunks have none) and says so in one line."""
    first = sorted(corpus.glob("*.txt"))[:3]
    started = tmp_path / "started"
    started.mkdir()
    for path in first:
        shutil.copy(path, started / path.name)
    parquet = tmp_path / "parquet"
    run(started, parquet, chunk_size=1, fmt="parquet")
    run(corpus, parquet, chunk_size=1, fmt="csv")
    chunks = len(list((parquet / "_parts" / "done").glob("*.json")))
    assert chunks > len(first) and len(list((parquet / "_parts" / "claims").glob("*.parquet"))) == chunks
    plain = tmp_path / "csv"
    run(started, plain, chunk_size=1, fmt="csv")
    assert not list((plain / "_parts" / "claims").glob("*.parquet"))
    code, _, err = cli(capsys, "--input", str(corpus), "--output", str(plain), "--format", "parquet", "--quiet")
    assert code == 2 and err.count("\n") == 1 and "started with --format csv" in err


@pytest.mark.parametrize(("preset", "expected"), [(None, "system"), ("jemalloc", "jemalloc")])
def test_process_gives_its_workers_the_system_arrow_allocator_unless_told_otherwise(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch,
        preset: str | None, expected: str) -> None:
    if preset is None:
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    else:
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", preset)
    seen = []
    monkeypatch.setattr(corpus_module, "process_corpus", lambda *a, **k: seen.append(os.environ.get(
        "ARROW_DEFAULT_MEMORY_POOL")) or RunSummary(str(tmp_path)))
    cli(capsys, "--input", str(corpus), "--output", str(tmp_path / "out"), "--quiet")
    assert seen == [expected]


def _keep(chunk: list[str]) -> int:
    return len(chunk)


def test_the_local_dask_cluster_runs_without_the_profiler_and_keeps_no_long_message_logs() -> None:
    import dask

    kept = DASK_CONFIG["distributed.admin.low-level-log-length"]
    with dask_settings():
        client = dask_client(1, None)
        try:
            assert list(client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values()) == [False]
            chunk = [f"{n:06d}_a_long_file_name.txt" for n in range(200)]  # a task argument, as chunks are
            for n in range(3 * kept):  # one at a time: each task is a message of its own
                assert client.submit(_keep, chunk, key=f"chunk-{n}", pure=False).result() == 200
            streams = [client.scheduler_comm, *client.cluster.scheduler.stream_comms.values()]
            # the debug logs of the client's and the scheduler's batched streams keep at most `kept` messages
            # (Dask's default, 1,000, kept every compute-task message of a run, arguments included)
            assert all(len(s.recent_message_log) <= kept for s in streams)
            assert any(len(s.recent_message_log) == kept for s in streams)
        finally:
            cluster = client.cluster
            client.close()
            cluster.close()
    assert dask.config.get("distributed.worker.profile.enabled") is True  # only the cluster gongfu started
    assert dask.config.get("distributed.admin.low-level-log-length") == 1000


def test_sources_are_sorted_across_folders_with_paths_as_listed_and_as_read(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "d1.txt").write_text("第一篇。", encoding="utf-8")
    (tmp_path / "a" / "d2.txt").write_text("第二篇。", encoding="utf-8")
    (tmp_path / "a" / "d0.txt").symlink_to(tmp_path / "b" / "d1.txt")  # read through the link's target
    monkeypatch.chdir(tmp_path)
    sources = list_sources(".")
    assert [s[0] for s in sources] == ["d0", "d1", "d2"] == list(sources.doc_ids())
    assert [s[2] for s in sources] == ["a/d0.txt", "b/d1.txt", "a/d2.txt"]
    assert sources[0][1] == str(tmp_path / "b" / "d1.txt") and sources[-1][1] == str(tmp_path / "a" / "d2.txt")
    assert sources[1:] == [sources[1], sources[2]] and len(sources) == 3
    with pytest.raises(IndexError):
        sources[3]


def test_a_listing_of_many_files_holds_names_not_a_tuple_per_document(tmp_path: Path) -> None:
    import tracemalloc

    for k in range(4):
        folder = tmp_path / f"{k:02d}"
        folder.mkdir()
        for i in range(1500):
            (folder / f"d{k}{i:05d}_document_with_a_longish_name.txt").touch()
    tracemalloc.start()
    sources = list_sources(str(tmp_path))
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(sources) == 6000
    assert held / len(sources) < 150  # bytes a document; full Source tuples with two paths took about 450


def test_the_process_that_plans_and_submits_chunks_does_not_load_pyarrow() -> None:
    # A Dask client process only needs pyarrow to merge, after its workers are gone: 29 MB less while they run.
    code = ("import sys; import gongfu.cli, gongfu.run.archive.corpus; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pyarrow', 'pandas'}))")

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
