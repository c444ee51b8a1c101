"""Notebook parameters: typed as declared whichever door they come through, paths from the project root."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu import paths
from gongfu.errors import GongfuError
from gongfu.run.parameters import PATH_PARAMETERS, check_parameters, coerce, resolve_path

DECLARED = {"processed_dir": str, "strict": bool, "tolerance": float, "pairwise_limit": int, "lang": str,
            "theme_lexicon": str}


def namespace(**values: object) -> dict[str, object]:
    """A kernel's namespace after the parameters cell and papermill's injected cell."""
    defaults = {"processed_dir": "data/processed", "strict": False, "tolerance": 0.005, "pairwise_limit": 50,
                "lang": "zh", "theme_lexicon": "default"}
    return {"__annotations__": dict(DECLARED), **defaults, **values, "pd": object()}


@pytest.mark.parametrize(
    ("injected", "name", "value"),
    [({"strict": "false"}, "strict", False), ({"strict": "False"}, "strict", False),
     ({"strict": "true"}, "strict", True), ({"strict": True}, "strict", True),
     ({"tolerance": "0.01"}, "tolerance", 0.01), ({"tolerance": 1}, "tolerance", 1.0),
     ({"pairwise_limit": "10"}, "pairwise_limit", 10), ({"lang": "en"}, "lang", "en")],
)
def test_values_plain_papermill_injects_are_typed(injected: dict, name: str, value: object) -> None:
    checked = check_parameters("03_compare", namespace(**injected))

    assert checked[name] == value and type(checked[name]) is type(value)


@pytest.mark.parametrize(
    ("injected", "message"),
    [({"tolerance": "abc"}, "parameter tolerance='abc' for 03_compare: expected float"),
     ({"strict": "sometimes"}, "parameter strict='sometimes' for 03_compare: expected bool"),
     ({"pairwise_limit": 2.5}, "parameter pairwise_limit=2.5 for 03_compare: expected int")],
)
def test_a_wrong_value_is_refused_with_the_runners_message(injected: dict, message: str) -> None:
    name, raw = next(iter(injected.items()))
    with pytest.raises(GongfuError) as in_notebook:
        check_parameters("03_compare", namespace(**injected))
    with pytest.raises(GongfuError) as in_runner:
        coerce(name, raw, DECLARED[name].__name__, "03_compare")

    assert str(in_notebook.value) == str(in_runner.value)
    assert str(in_notebook.value).startswith(message)
    assert in_notebook.value._render_traceback_() == [f"GongfuError: {in_notebook.value}"]


def test_only_declared_names_are_returned() -> None:
    assert set(check_parameters("03_compare", namespace())) == set(DECLARED)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("data/processed", paths.ROOT / "data" / "processed"), ("../elsewhere", paths.ROOT.parent / "elsewhere"),
     ("/tmp/out", "/tmp/out"), ("default", "default")],
)
def test_paths_are_taken_from_the_project_root_not_the_working_folder(value: str, expected: object,
                                                                      tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # as a kernel started in notebooks/, or papermill run from anywhere

    assert check_parameters("03_compare", namespace(processed_dir=value))["processed_dir"] == str(expected)


@given(st.text(alphabet="abcdef/_.", min_size=1, max_size=20).filter(lambda s: s != "default"))
def test_a_resolved_path_is_absolute_and_resolving_it_again_changes_nothing(value: str) -> None:
    once = resolve_path(value)
    assert once.startswith("/") and resolve_path(once) == once


def test_theme_lexicon_is_a_path_parameter_keeping_default() -> None:
    assert "theme_lexicon" in PATH_PARAMETERS
    assert check_parameters("03_compare", namespace())["theme_lexicon"] == "default"
