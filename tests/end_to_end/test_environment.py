"""The set-up files agree: conda users and pip users get the same pinned dependencies."""

from __future__ import annotations

import re
import tomllib

import yaml

from gongfu import paths


def _name(requirement: str) -> str:
    return re.split(r"[\[=<>!~ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_and_pyproject_pin_the_same_packages() -> None:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip_pins = set(project["dependencies"]) | set(project["optional-dependencies"]["test"])
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    conda_python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]

    assert set(pip_section) == pip_pins
    assert all("==" in pin for pin in pip_pins), "pin exact versions: same inputs, same outputs"
    assert conda_python == ["python=3.11"] and project["requires-python"].startswith(">=3.11")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]

    assert commands[-1] == "make test"
    assert "make test" in readme and "make run" in readme


def test_makefile_targets_are_self_documented() -> None:
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("help", "setup", "run", "test", "lab", "html"):
        assert re.search(rf"^{target}:.*## \S", makefile, re.M), f"`make {target}` lacks a ## description"
