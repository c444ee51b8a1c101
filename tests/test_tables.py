"""The processed-folder contract: names, cell readers, and byte-stable writing."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from gongfu import tables


@pytest.mark.parametrize(("cell", "flag"), [
    (True, True), ("True", True), ("true", True), (" TRUE ", True), (1, True), ("1", True), ("yes", True),
    (False, False), ("False", False), ("", False), (None, False), (math.nan, False), (0, False), ("no", False),
])
def test_truthy(cell: object, flag: bool) -> None:
    assert tables.truthy(cell) is flag


@pytest.mark.parametrize(("cell", "text"), [
    (None, ""), (math.nan, ""), ("  南湖区 ", "南湖区"), (2021, "2021"), (3.5, "3.5"), ("", ""),
])
def test_cell_text(cell: object, text: str) -> None:
    assert tables.cell_text(cell) == text


def test_as_bool_maps_a_column() -> None:
    assert tables.as_bool(pd.Series(["True", "", "false", 1])).tolist() == [True, False, False, True]


def test_clean_text_path_is_inside_the_clean_folder() -> None:
    assert tables.clean_text_path("out", "000_x") == Path("out") / "clean" / "000_x.txt"


def test_a_table_written_and_read_back_keeps_ids_as_strings_and_the_bytes_stable(tmp_path: Path) -> None:
    frame = tables.to_frame([{"doc_id": "000_a", "value": 0.1 + 0.2, "unit": "元"}, {"doc_id": "001_b"}],
                            ["doc_id", "value", "unit", "missing"])

    first = tables.write_csv(frame, tmp_path / "t.csv").read_bytes()
    back = tables.read_csv(tmp_path / "t.csv")
    second = tables.write_csv(back, tmp_path / "t.csv").read_bytes()

    assert first == second
    assert back["doc_id"].tolist() == ["000_a", "001_b"]
    assert list(back.columns) == ["doc_id", "value", "unit", "missing"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_file_names_load_without_pandas() -> None:
    code = "import sys, gongfu.tables; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
