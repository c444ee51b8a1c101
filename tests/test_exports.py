"""Each package names its public functions; importing a package loads none of its modules until asked."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ["gongfu.clean", "gongfu.extract", "gongfu.compare", "gongfu.run", "gongfu.run.archive", "gongfu.share"]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_resolves_to_a_function_or_class_of_the_package(package: str) -> None:
    module = importlib.import_module(package)

    assert module.__all__, f"{package} names no public function"
    for name in module.__all__:
        value = getattr(module, name)
        assert value is not None
        owner = getattr(value, "__module__", None)
        if owner is not None and callable(value):
            assert owner.startswith(package), (name, owner)


@pytest.mark.parametrize("package", PACKAGES)
def test_an_unknown_name_is_an_attribute_error_naming_the_package(package: str) -> None:
    module = importlib.import_module(package)

    with pytest.raises(AttributeError, match=package.replace(".", r"\.")):
        module.no_such_function  # noqa: B018


def test_importing_the_packages_loads_no_stage_module() -> None:
    code = ("import sys, gongfu.clean, gongfu.extract, gongfu.compare, gongfu.run, gongfu.share; "
            "print(sorted(m for m in sys.modules if m.startswith('gongfu.') and m.count('.') > 1 "
            "or m.split('.')[0] in {'pandas', 'matplotlib', 'pyarrow'}))")

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
