"""The reader's site: a front page with the findings first, the claims explorer and one page per document, in
Chinese (reports/) and English (reports/en/), and the data for other tools (reports/data/).

`build_site` runs after the notebooks' pages are in place and reads only files: the processed tables and the
executed notebooks (for the run's parameters and the comparison's chart headings). `edition_runs` tells the
runner which notebook runs make the two editions: the comparison notebook once per language, the English one
writing into reports/en/ and reports/figures/en/, so neither language overwrites the other.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gongfu import paths
from gongfu.compare import narrative
from gongfu.compare.places import document_labels
from gongfu.errors import GongfuError
from gongfu.share.layout import (
    DATA_SUBDIR,
    EN_SUBDIR,
    Edition,
    document_page,
    href,
    page,
    t,
    write_page,
)

COMPARE = "03_compare"
LANGS = narrative.LANGS


# --------------------------------------------------------------------------- which notebook runs make the editions

@dataclass(frozen=True)
class NotebookRun:
    """One papermill run: the notebook, where its executed copy goes, and its parameters."""

    name: str
    output: Path
    parameters: dict[str, Any]


def edition_runs(names: list[str], resolved: dict[str, dict[str, Any]], stage_reports: Path,
                 stage_figures: Path) -> list[NotebookRun]:
    """The runs that make both editions: every notebook once; the comparison in Chinese into reports/ and again
    in English into reports/en/ with its figures in figures/en/. `-p lang en` makes only the English
    comparison (the Chinese pages stay as they were); a `lang` other than zh or en is refused before any run."""
    runs = []
    for name in names:
        params = resolved[name]
        if name != COMPARE:
            runs.append(NotebookRun(name, stage_reports / f"{name}.ipynb", params))
            continue
        lang = narrative.check_lang(params.get("lang", "zh"))
        if lang == "zh":
            runs.append(NotebookRun(name, stage_reports / f"{name}.ipynb", params))
        runs.append(NotebookRun(name, stage_reports / EN_SUBDIR / f"{name}.ipynb",
                                {**params, "lang": "en", "figures_dir": str(Path(stage_figures) / EN_SUBDIR)}))
    return runs


# --------------------------------------------------------------------------- the front page

def _parameters(notebook: Path) -> tuple[dict[str, Any], str]:
    """The parameters an executed notebook ran with (paths relative to the project) and when it finished."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    meta = nb.get("metadata", {}).get("papermill", {})
    params = {k: (paths.relative(Path(v)) if isinstance(v, str) and v.startswith("/") else v)
              for k, v in meta.get("parameters", {}).items()}
    ran = meta.get("end_time") or datetime.fromtimestamp(notebook.stat().st_mtime, UTC).isoformat(
        timespec="seconds")
    return params, str(ran)[:19].replace("T", " ")


def executed_notebooks(reports_dir: Path) -> list[Path]:
    """Every executed notebook of the run: reports/NN_*.ipynb, then reports/en/NN_*.ipynb."""
    return sorted(reports_dir.glob("[0-9][0-9]_*.ipynb")) + sorted((reports_dir / EN_SUBDIR).glob(
        "[0-9][0-9]_*.ipynb"))


def run_details(reports_dir: Path, lang: str, commit: str) -> str:
    """The run's date, commit and parameters per notebook, in a collapsed block."""
    rows = []
    for nb in executed_notebooks(reports_dir):
        params, ran = _parameters(nb)
        items = "".join(f"<li><code>{html.escape(k)}</code> = <code>{html.escape(repr(v))}</code></li>"
                        for k, v in params.items())
        rows.append(f"<tr><td>{html.escape(nb.relative_to(reports_dir).as_posix())}"  # where it is published
                    f"</td><td>{html.escape(ran)} UTC</td><td><code>{html.escape(commit)}</code></td>"
                    f"<td><ul>{items}</ul></td></tr>")
    head = "".join(f"<th>{x}</th>" for x in (t(lang, "笔记本", "Notebook"), t(lang, "运行时间", "Run (UTC)"),
                                              "Git commit", t(lang, "参数", "Parameters")))
    return (f"<details><summary>{t(lang, '这次运行：时间、提交与参数', 'This run: date, commit and parameters')}"
            f'</summary><div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            f"</table></div></details>")


_H3 = re.compile(r'<h3 id="([^"]+)"[^>]*>(.*?)<a class="anchor-link"', re.S)


def chart_sections(compare_page: Path) -> list[tuple[str, str]]:
    """(anchor, title) of each chart heading on the comparison page, in order."""
    if not compare_page.is_file():
        return []
    return [(a, re.sub(r"<[^>]+>", "", title).strip()) for a, title in _H3.findall(
        compare_page.read_text(encoding="utf-8"))]


def chart_names(archive: bool) -> tuple[str, ...]:
    from gongfu.compare.charts import ARCHIVE_CHART_NAMES, CHART_NAMES

    return ARCHIVE_CHART_NAMES if archive else CHART_NAMES


def prune_figures(figures_dir: Path, names: tuple[str, ...]) -> list[Path]:
    """Remove chart files no current chart writes (left by an earlier version or the other mode), so the
    front page and the downloads show only this run's charts."""
    stale = [p for p in sorted(figures_dir.glob("[0-9]_*.*")) if p.stem not in names]
    for p in stale:
        p.unlink()
    return stale


def thumbnails(edition: Edition, index: Path, names: tuple[str, ...]) -> str:
    """Each chart drawn as a thumbnail linking to its section of the comparison page."""
    compare = edition.page(COMPARE)
    sections = chart_sections(compare)
    items = []
    for number, name in enumerate(names):
        png = edition.figures_dir / f"{name}.png"
        if not png.is_file():
            continue
        anchor, title = sections[number] if number < len(sections) else ("", name)
        target = href(index, compare) + (f"#{anchor}" if anchor else "")
        svg = png.with_suffix(".svg")
        svg_link = f' · <a href="{href(index, svg)}">SVG</a>' if svg.is_file() else ""
        items.append(f'<figure><a href="{html.escape(target)}"><img src="{href(index, png)}" '
                     f'alt="{html.escape(title)}"></a><figcaption>{html.escape(title)}{svg_link}</figcaption>'
                     f"</figure>")
    return f'<div class="thumbs">{"".join(items)}</div>' if items else ""


def downloads(edition: Edition, index: Path) -> str:
    """Links to every table, the Excel-safe copies, the database, the package description, the figures."""
    from gongfu.share.export import DATABASE, EXCEL_SUBDIR, PACKAGE

    lang, data = edition.lang, edition.reports_dir / DATA_SUBDIR
    csvs = sorted(p for p in data.glob("*.csv"))
    items = [f'<li><a href="{href(index, p)}">{p.name}</a> (<a href="{href(index, data / EXCEL_SUBDIR / p.name)}">'
             f'{t(lang, "Excel 版，带 BOM", "for Excel, with BOM")}</a>)</li>' for p in csvs]
    database = t(lang, "全部表格与清洗后正文，一个 SQLite 文件（可用 Datasette 打开：datasette gongfu.sqlite）",
                 "every table and the cleaned texts in one SQLite file (opens in Datasette: datasette gongfu.sqlite)")
    package = t(lang, "数据包说明（frictionless）：字段、类型、键与数据字典",
                "data package description (frictionless): fields, types, keys and the data dictionary")
    items.append(f'<li><a href="{href(index, data / DATABASE)}">{DATABASE}</a>: {database}</li>')
    items.append(f'<li><a href="{href(index, data / PACKAGE)}">{PACKAGE}</a>: {package}</li>')
    svgs = sorted(edition.figures_dir.glob("*.svg"))
    if svgs:
        links = " · ".join(f'<a href="{href(index, p)}">{p.name}</a>' for p in svgs)
        items.append(f"<li>{t(lang, '图表（SVG）：', 'Charts (SVG): ')}{links}</li>")
    return f"<ul>{''.join(items)}</ul>"


def pages_list(tables, edition: Edition, index: Path) -> str:
    """The site's pages with what each holds, and each report's document view."""
    lang = edition.lang
    labels = document_labels(tables.all_docs, lang)
    docs = "".join(f'<li><a href="{href(index, document_page(edition, str(d)))}">{html.escape(labels[str(d)])}'
                   f"</a></li>" for d in tables.docs["doc_id"])
    entries = [
        ("explorer", t(lang, "全部数字说法", "Every claim"),
         t(lang, "按地方、指标、主题、状态、时期筛选或搜索，每条连到原句",
           "filter by place, indicator, theme, status or period, or search; each links to its sentence")),
        (COMPARE, t(lang, "比较", "Comparison"),
         t(lang, "各地的数字、图表与两篇报道的交叉核对", "each place's numbers, the charts, the two-source check")),
        ("01_clean", t(lang, "清洗", "Cleaning"), t(lang, "每篇报道改了什么、为什么", "what was changed in each "
                                                   "report, and why")),
        ("02_extract", t(lang, "提取", "Extraction"), t(lang, "数字怎样找出、准确度如何", "how the numbers were "
                                                       "found, and how well")),
    ]
    sep = t(lang, "：", ": ")
    items = "".join(f'<li><a href="{href(index, edition.page(n))}">{html.escape(name)}</a>{sep}{html.escape(what)}'
                    f"</li>" for n, name, what in entries)
    return (f"<ul>{items}</ul><p>{t(lang, '每篇报道的原文（数字已标出）：', 'Each report, its numbers highlighted:')}"
            f"</p><ul>{docs}</ul>")


def front_page(tables, processed_dir: Path, edition: Edition, commit: str) -> str:
    """index.html of one edition: title, findings, charts, pages, downloads, the run's details."""
    from gongfu.share.findings import findings, findings_html

    lang, index = edition.lang, edition.page("index")
    title = t(lang, "共富 gongfu：浙江共同富裕示范区地方报道中的数字",
              "共富 gongfu: the numbers in local reports on Zhejiang's common-prosperity zone")
    lead = t(lang, "地方报道中的每一个数字：说的是什么、关于哪里、哪个时期，以及出自哪一句。"
                   "下面的每个数字都可以点开，在原文中看到它。",
             "Every number in local-news reports on Zhejiang's common-prosperity pilot zone: what it "
             "measures, about which place, for which period, and the sentence it came from. Click any number below "
             "to see it in its sentence.")
    body = (f"<h1>{html.escape(title)}</h1><p class=\"lead\">{html.escape(lead)}</p>"
            f'<h2 id="findings">{t(lang, "发现", "Findings")}</h2>'
            f"{findings_html(findings(tables, processed_dir, edition, index))}"
            f'<h2 id="charts">{t(lang, "图表", "Charts")}</h2>{thumbnails(edition, index, chart_names(tables.archive))}'
            f'<h2 id="pages">{t(lang, "页面", "Pages")}</h2>{pages_list(tables, edition, index)}'
            f'<h2 id="downloads">{t(lang, "下载", "Downloads")}</h2>{downloads(edition, index)}'
            f'<h2 id="run">{t(lang, "这次运行", "This run")}</h2>{run_details(edition.reports_dir, lang, commit)}')
    doc_ids = [str(d) for d in tables.docs["doc_id"]]
    return page(edition, index, "index", title, body, doc_ids)


# --------------------------------------------------------------------------- the whole site

def compare_parameters(reports_dir: Path) -> dict[str, Any]:
    """The selection the comparison notebook ran with (documents, places, lexicon, tolerance, limit)."""
    nb = reports_dir / f"{COMPARE}.ipynb"
    if not nb.is_file():
        nb = reports_dir / EN_SUBDIR / f"{COMPARE}.ipynb"
    if not nb.is_file():
        return {}
    params = json.loads(nb.read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {}).get(
        "parameters", {})
    return {k: params[k] for k in ("documents", "places", "theme_lexicon", "tolerance", "pairwise_limit")
            if k in params}


def build_site(reports_dir: Path = paths.REPORTS_DIR, processed_dir: Path = paths.PROCESSED_DIR) -> list[Path]:
    """Write both editions (front page, explorer, document views) and reports/data/; return the pages."""
    from gongfu.run.stages import compare_stage
    from gongfu.share.document_view import write_documents
    from gongfu.share.explorer import write_explorer
    from gongfu.share.export import write_exports
    from gongfu.share.report import git_commit
    from gongfu.tables import read_csv

    reports_dir, processed_dir = Path(reports_dir), Path(processed_dir)
    if not (processed_dir / "claims.csv").is_file():
        raise GongfuError(f"{paths.relative(processed_dir)}/claims.csv: not found. Run `make run` first.")
    params = compare_parameters(reports_dir)
    tables = compare_stage(processed_dir, documents=params.get("documents", "all"),
                           places=params.get("places", "all"), theme_lexicon=params.get("theme_lexicon", "default"),
                           tolerance=params.get("tolerance"), pairwise_limit=params.get("pairwise_limit", 50),
                           write=False)
    edits_csv = processed_dir / "edits.csv"
    edits = read_csv(edits_csv) if edits_csv.is_file() else None
    write_exports(processed_dir, reports_dir / DATA_SUBDIR)
    commit = git_commit()
    written = []
    for lang in reversed(LANGS):  # the Chinese front page last: the page to open
        edition = Edition(lang, reports_dir)
        prune_figures(edition.figures_dir, chart_names(tables.archive))
        written.append(write_explorer(tables, edition))
        if edits is not None:
            written += write_documents(tables, edits, edition)
        written.append(write_page(edition.page("index"), front_page(tables, processed_dir, edition, commit)))
    return written
