"""Sharing: executed notebooks to self-contained reader pages (with the site's header, caveats and contents),
and `make html`, which re-renders them and the site."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from gongfu import paths
from gongfu.errors import GongfuError

# The lab template without the scripts it fetches from a CDN (require.js, MathJax, mermaid): these pages hold no
# widgets, maths or diagrams, so they open offline with nothing to load and no console errors. Charts keep the
# alt text (their finding) the notebook gave them, which the stock template drops.
READER_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">
:root { --jp-content-font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui,
         sans-serif; }
</style>
{%- endblock html_head_css -%}
{% block data_png scoped %}
{%- set alt = output | get_metadata('alt', 'image/png') -%}
{%- if alt and 'image/png' not in output.metadata.get('filenames', {}) %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}" alt="{{ alt | escape_html }}"/>
</div>
{%- else -%}{{ super() }}{%- endif -%}
{% endblock data_png %}
"""

# Added to each notebook page: the site's header and notes, and charts kept readable on a phone (a chart never
# shrinks below a legible width; it scrolls sideways instead), tables scroll inside their box.
PAGE_STYLE = """
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem 1rem; padding: .6rem 1rem;
              border-bottom: 1px solid #d8dee4; background: #f6f8fa; font-family: var(--jp-content-font-family); }
header.site .brand { font-weight: 600; color: #1f2328; text-decoration: none; }
header.site nav { display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
header.site a { color: #1f5fa8; }
header.site a[aria-current] { color: #1f2328; font-weight: 600; text-decoration: none; }
header.site .lang { margin-left: auto; }
.caveats { border-left: 4px solid #e08e0b; background: #fff8e6; padding: .5rem .8rem; margin: 1rem 0; }
.toc { border: 1px solid #d8dee4; padding: .5rem .8rem; margin: 1rem 0; }
.toc ol { margin: .2rem 0 0; padding-left: 1.4rem; }
.jp-RenderedImage { overflow-x: auto; }
.jp-RenderedImage img { width: 100%; min-width: 36rem; max-width: 72rem; height: auto; }
.jp-RenderedHTMLCommon, .jp-OutputArea-output { overflow-x: auto; max-width: 100%; }
body { overflow-wrap: anywhere; }
"""


def export_html(notebook: Path, out: Path) -> Path:
    """Write the reader version of an executed notebook: no code, figures embedded, UTF-8 declared, no
    external scripts, titled with the notebook's heading."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            raw_template=READER_TEMPLATE)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": _title(nb, notebook.stem)}})
    if "<meta charset" not in body.lower():
        body = body.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
    body = body.replace('<html lang="en">', '<html lang="zh-CN">', 1)  # browsers pick Chinese glyph forms
    out.write_text(with_site_chrome(body, out, notebook.stem), encoding="utf-8")
    return out


def with_site_chrome(body: str, out: Path, name: str) -> str:
    """A notebook page with the site's header (links to every page and the other language), the caveats and
    a table of contents at the top; the edition is the folder it is written to (reports/en/ is English)."""
    from gongfu.share.layout import EN_SUBDIR, Edition, caveats, nav, toc

    lang = "en" if out.parent.name == EN_SUBDIR else "zh"
    edition = Edition(lang, out.parent.parent if lang == "en" else out.parent)
    head = nav(edition, out, name)
    top = caveats(lang) + toc(body, lang)
    body = body.replace("</head>", f"<style>{PAGE_STYLE}</style>\n</head>", 1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + head, body, count=1)
    return re.sub(r"(<main[^>]*>)", lambda m: m.group(1) + "\n" + top, body, count=1)


def _title(nb: dict, fallback: str) -> str:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def git_commit() -> str:
    """The commit the outputs were made from, with `+dirty` when the tree had uncommitted changes."""
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return sha + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


def render_reports(reports_dir: Path = paths.REPORTS_DIR, processed_dir: Path = paths.PROCESSED_DIR) -> list[Path]:
    """Re-render every executed notebook in reports/ and reports/en/ to HTML, then the site (`make html`)."""
    from gongfu.share.site import build_site, executed_notebooks

    pages = executed_notebooks(reports_dir) if reports_dir.is_dir() else []
    if not pages:
        raise GongfuError(f"{paths.relative(reports_dir)}/: no executed notebooks. Run `make run` first.")
    out = [export_html(p, p.with_suffix(".html")) for p in pages]
    return out + build_site(reports_dir, processed_dir)


def show_table(frame, empty: str) -> None:
    """Show a table in a notebook as a reader sees it: no index column, nothing cut; an empty table is a line
    saying so (`empty`) instead of bare headers."""
    from IPython.display import Markdown, display

    if frame is None or len(frame) == 0:
        display(Markdown(f"*{empty}*"))
        return
    display(frame.style.hide(axis="index").format(precision=3, na_rep=""))
