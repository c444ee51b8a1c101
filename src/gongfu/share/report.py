"""Sharing: executed notebooks to self-contained reader pages, and the index that lists them."""

from __future__ import annotations

import html
import json
import subprocess
from datetime import UTC, datetime
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
    out.write_text(body, encoding="utf-8")
    return out


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


def write_index(reports_dir: Path = paths.REPORTS_DIR) -> Path:
    """reports/index.html: each page with its title, run date, commit and the parameters it ran with."""
    pages = sorted(reports_dir.glob("[0-9][0-9]_*.ipynb"))
    if not pages:
        raise GongfuError(f"{paths.relative(reports_dir)}/: no executed notebooks to list. Run `make run`.")
    commit = git_commit()
    rows = []
    for nb_path in pages:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        params = nb.get("metadata", {}).get("papermill", {}).get("parameters", {})
        shown = {k: (paths.relative(Path(v)) if isinstance(v, str) and v.startswith("/") else v)
                 for k, v in params.items()}
        ran = nb.get("metadata", {}).get("papermill", {}).get("end_time") or datetime.fromtimestamp(
            nb_path.stat().st_mtime, UTC).isoformat(timespec="seconds")
        param_items = "".join(f"<li><code>{html.escape(k)}</code> = <code>{html.escape(repr(v))}</code></li>"
                              for k, v in shown.items())
        rows.append(
            f'<tr><td><a href="{html.escape(nb_path.stem)}.html">{html.escape(_title(nb, nb_path.stem))}</a>'
            f'<br><small>{html.escape(nb_path.stem)}.ipynb</small></td>'
            f"<td>{html.escape(str(ran)[:19].replace('T', ' '))} UTC</td>"
            f"<td><code>{html.escape(commit)}</code></td><td><ul>{param_items}</ul></td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>共富 gongfu: 报告 Reports</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top; }}
ul {{ margin: 0; padding-left: 1rem; }}
</style>
</head>
<body>
<h1>共富 gongfu：浙江共同富裕示范区地方报道中的数字</h1>
<p>Numbers claimed in five local-news reports on Zhejiang's common-prosperity pilot zone, cleaned,
extracted and compared. Each page below is a notebook executed by <code>make run</code>, shown without code.</p>
<table>
<thead><tr><th>页面 Page</th><th>运行时间 Run (UTC)</th><th>Git commit</th><th>参数 Parameters</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
    out = reports_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


def render_reports(reports_dir: Path = paths.REPORTS_DIR) -> list[Path]:
    """Re-render every executed notebook in reports/ to HTML, then the index (`make html`)."""
    pages = sorted(reports_dir.glob("[0-9][0-9]_*.ipynb")) if reports_dir.is_dir() else []
    if not pages:
        raise GongfuError(f"{paths.relative(reports_dir)}/: no executed notebooks. Run `make run` first.")
    out = [export_html(p, p.with_suffix(".html")) for p in pages]
    out.append(write_index(reports_dir))
    return out
