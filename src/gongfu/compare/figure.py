"""Figures that render Chinese and save byte-stable: the packaged CJK font, saving and showing.

Importing this module registers Noto Sans CJK SC from the `mplfonts` package (OFL-licensed, installed
by pip, never downloaded at run time) and makes it matplotlib's sans-serif font, so Chinese labels
render without "Glyph missing" warnings on a fresh machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    """The Noto Sans CJK SC file shipped inside the mplfonts package."""
    import mplfonts

    path = Path(mplfonts.__file__).resolve().parent / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        from gongfu.errors import GongfuError

        raise GongfuError(f"{path}: CJK font missing from the mplfonts package. Reinstall it with "
                          f"`make setup` (pip install -e .).")
    return path


def use_cjk_font() -> str:
    """Register the CJK font with matplotlib and make it the default; return its family name."""
    path = cjk_font_path()
    manager = font_manager.fontManager
    manager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    # A system install of fonts-noto-cjk (Debian; CI adds it for the browser) registers the same family
    # name from a .ttc, and matplotlib would pick that one: figures would then differ between machines.
    # Keep only the packaged file under this family name.
    manager.ttflist = [f for f in manager.ttflist if f.name != family or Path(f.fname).resolve() == path]
    if hasattr(manager, "_findfont_cached"):
        manager._findfont_cached.cache_clear()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.hashsalt"] = "gongfu"  # stable ids in SVG output
    matplotlib.rcParams["svg.fonttype"] = "path"  # SVGs carry glyph outlines: no font needed to view
    return family


FONT_FAMILY = use_cjk_font()


@dataclass
class Chart:
    """A finished chart, or (fig None) the reason there is none."""

    name: str
    title: str
    fig: plt.Figure | None
    message: str = ""


def save_figure(fig: plt.Figure, figures_dir: str | Path, name: str,
                formats: tuple[str, ...] = ("png", "svg"), dpi: int = 150) -> list[Path]:
    """Save `fig` as figures_dir/name.<fmt> for each format, byte-stable across reruns."""
    out_dir = Path(figures_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None} if fmt == "svg" else {}
        fig.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
        written.append(path)
    return written


def png_bytes(fig: plt.Figure, dpi: int = 110, with_title: bool = True) -> bytes:
    """The figure as PNG bytes (for embedding in a notebook), deterministic like `save_figure`."""
    import io

    title = fig._suptitle  # the finding, set by _finish (matplotlib keeps no public handle on it)
    if title is not None:
        title.set_visible(with_title)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    if title is not None:
        title.set_visible(True)
    return buf.getvalue()
