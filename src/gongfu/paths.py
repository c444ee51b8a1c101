"""The project's paths, from one root, so no other module spells a path."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The repository root: $GONGFU_ROOT if set, else the checkout this package was installed from."""
    env = os.environ.get("GONGFU_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "notebooks").is_dir():
            return parent
    return Path.cwd().resolve()


ROOT = project_root()
RAW_DIR = ROOT / "data" / "raw"
PROCESSED_DIR = ROOT / "data" / "processed"
HELDOUT_DIR = ROOT / "data" / "heldout"  # a second annotated set, in the devset format, for generalisation
HELDOUT2_DIR = ROOT / "data" / "heldout2"  # a third, written blind (its first score is in its README)
HELDOUT3_DIR = ROOT / "data" / "heldout3"  # a fourth, written blind (its first score is in its README)
HELDOUT4_DIR = ROOT / "data" / "heldout4"  # a fifth, written blind (its first score is in its README)
HELDOUT5_DIR = ROOT / "data" / "heldout5"  # a sixth, written blind: official and statistical genres
HELDOUT6_DIR = ROOT / "data" / "heldout6"  # a seventh, written blind: features, people and business
GOLD_DIR = ROOT / "data" / "gold"  # hand-annotated evaluation sets (gongfu.extract.evaluate)
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = ROOT / "reports"
STAGING_DIR = ROOT / ".gongfu" / "runs"
PARAMS_FILE = ROOT / "params.yaml"
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
MANIFEST_NAME = "MANIFEST.csv"


def relative(path: Path) -> str:
    """`path` relative to the project root when it is inside it (for messages), else as given."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
