"""What every reader page shares: the header with links to all pages, the caveats near the top, a table of
contents, one style sheet, and the two editions (Chinese in reports/, English in reports/en/).

Pages link to each other by relative paths, so the folder opens offline, from any place it is copied to.
Nothing is loaded from the network: the style is inline and the few scripts are the site's own.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

EN_SUBDIR = "en"
DATA_SUBDIR = "data"
DOCUMENTS_SUBDIR = "documents"
NOTEBOOK_PAGES = ("01_clean", "02_extract", "03_compare")


def t(lang: str, zh: str, en: str) -> str:
    """The zh or the en wording."""
    return en if lang == "en" else zh


@dataclass(frozen=True)
class Edition:
    """One language's pages: Chinese at the top of reports/, English under reports/en/. Notebook pages of
    01 and 02 (the same in both languages) and the data downloads exist once, under reports/."""

    lang: str
    reports_dir: Path

    @property
    def root(self) -> Path:
        return self.reports_dir / EN_SUBDIR if self.lang == "en" else self.reports_dir

    @property
    def figures_dir(self) -> Path:
        figures = self.reports_dir / "figures"
        return figures / EN_SUBDIR if self.lang == "en" else figures

    def page(self, name: str) -> Path:
        """Where a page of this edition lives: index, explorer, documents/<doc_id>, or a notebook page
        (03_compare in each edition, 01 and 02 once under reports/)."""
        if name in NOTEBOOK_PAGES[:2]:
            return self.reports_dir / f"{name}.html"
        return self.root / f"{name}.html"

    def other(self) -> Edition:
        return Edition("zh" if self.lang == "en" else "en", self.reports_dir)


def href(page: Path, target: Path) -> str:
    """A relative link from `page` to `target` (forward slashes, so it works in every browser)."""
    return Path(os.path.relpath(target, page.parent)).as_posix()


def nav(edition: Edition, page: Path, current: str, doc_ids: list[str] | None = None) -> str:
    """The header: the site's name (back to the front page), links to every page, the other language."""
    lang = edition.lang
    items = [("index", t(lang, "首页", "Front page")), ("explorer", t(lang, "全部数字", "All claims")),
             ("01_clean", t(lang, "清洗", "Cleaning")), ("02_extract", t(lang, "提取", "Extraction")),
             ("03_compare", t(lang, "比较", "Comparison"))]
    links = []
    for name, label in items:
        here = ' aria-current="page"' if name == current else ""
        links.append(f'<a href="{href(page, edition.page(name))}"{here}>{html.escape(label)}</a>')
    if doc_ids:
        links.append(f'<a href="{href(page, edition.page(f"{DOCUMENTS_SUBDIR}/{doc_ids[0]}"))}"'
                     f'{" aria-current=page" if current == "documents" else ""}>'
                     f'{t(lang, "原文", "Texts")}</a>')
    other = edition.other()
    twin = other.page(current if current in ("index", "explorer", "03_compare") else "index")
    if current == "documents":
        twin = other.root / page.relative_to(edition.root)
    switch = t(lang, "English", "中文")
    return (f'<header class="site"><a class="brand" href="{href(page, edition.page("index"))}">共富 gongfu</a>'
            f'<nav>{"".join(links)}<a class="lang" href="{href(page, twin)}" '
            f'hreflang="{other.lang}">{switch}</a></nav></header>')


def caveats(lang: str) -> str:
    """The warning every page opens with: what these numbers are and are not."""
    text = t(lang, "这些数字是地方媒体与政府在报道中的说法，不是经过核实的统计数据；各地的时期、单位与规模不同"
                   "（街道与区相差一个数量级，上半年与1-8月不是同一时期），只有同一时期、同一单位的数字才作比较。",
             "These numbers are what local media and governments claim in their reports, not verified statistics. "
             "Periods, units and sizes differ (a subdistrict and a district differ tenfold; the first half and "
             "January to August are different periods): only figures for the same period and unit are compared.")
    label = t(lang, "注意", "Caveat")
    return f'<aside class="caveats" role="note"><strong>{label}</strong> {html.escape(text)}</aside>'


_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)


def toc(body: str, lang: str) -> str:
    """A table of contents from the body's <h2 id=...> headings ('' when it has fewer than two)."""
    found = [(hid, re.sub(r"<[^>]+>", "", text).replace("¶", "").strip()) for hid, text in _HEADING.findall(body)]
    if len(found) < 2:
        return ""
    items = "".join(f'<li><a href="#{html.escape(hid)}">{html.escape(text)}</a></li>' for hid, text in found)
    return f'<nav class="toc" aria-label="{t(lang, "目录", "Contents")}"><strong>{t(lang, "目录", "Contents")}' \
           f'</strong><ol>{items}</ol></nav>'


STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --accent: #1f5fa8; --mark: #fff1a8;
        --chosen: #ffb347; --font: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei",
        system-ui, sans-serif; }
* { box-sizing: border-box; }
body { font-family: var(--font); color: var(--ink); margin: 0; line-height: 1.6; overflow-wrap: anywhere; }
main { max-width: 64rem; margin: 0 auto; padding: 0 1rem 3rem; }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem 1rem; padding: .6rem 1rem;
              border-bottom: 1px solid var(--line); background: #f6f8fa; }
header.site .brand { font-weight: 600; color: var(--ink); text-decoration: none; }
header.site nav { display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
header.site a { color: var(--accent); }
header.site a[aria-current] { color: var(--ink); font-weight: 600; text-decoration: none; }
header.site .lang { margin-left: auto; }
.caveats { border-left: 4px solid #e08e0b; background: #fff8e6; padding: .5rem .8rem; margin: 1rem 0; }
.toc { border: 1px solid var(--line); padding: .5rem .8rem; margin: 1rem 0; }
.toc ol { margin: .2rem 0 0; padding-left: 1.4rem; }
h1 { font-size: 1.6rem; line-height: 1.3; }
.lead { color: var(--muted); }
.findings li { margin: .4rem 0; }
.findings li strong { display: block; }  /* the finding's heading on a line of its own: no overflow on a phone */
a.claim-link { background: var(--mark); color: var(--ink); text-decoration: underline dotted; }
.thumbs { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
.thumbs figure { margin: 0; border: 1px solid var(--line); padding: .4rem; }
.thumbs img { width: 100%; height: 12rem; object-fit: cover; object-position: top left; }
.thumbs figcaption { font-size: .85rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.num { white-space: nowrap; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .8rem 0; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; max-width: 100%; }
.filters select, .filters input { font: inherit; max-width: 16rem; }
.count { color: var(--muted); }
.doc { display: grid; grid-template-columns: minmax(0, 1fr) 17rem; gap: 1.5rem; }
.doc .text p { margin: 0 0 .8rem; }
.doc .text p.caption { color: var(--muted); font-size: .9rem; }
mark.claim { cursor: help; border-bottom: 2px solid #d9a400; }
mark.claim:target, mark.claim.chosen { background: var(--chosen); outline: 3px solid #c0392b; }
.flag { background: #fde2e1; border-bottom: 2px dashed #c0392b; }
.note { position: sticky; top: 1rem; align-self: start; border: 1px solid var(--line); padding: .6rem .8rem;
        font-size: .9rem; background: #fbfbfb; }
.note dt { color: var(--muted); }
.note dd { margin: 0 0 .3rem; }
del { color: #8a1f11; background: #fbeaea; }
ins { color: #1a5e20; background: #e8f5e9; text-decoration: none; }
details { margin: .6rem 0; }
.edits li { margin: .2rem 0; word-break: break-all; line-break: anywhere; overflow-x: auto; }
img { max-width: 100%; height: auto; }
@media (max-width: 48rem) { .doc { grid-template-columns: minmax(0, 1fr); } .note { position: static; } }
"""


def page(edition: Edition, path: Path, current: str, title: str, body: str,
         doc_ids: list[str] | None = None, script: str = "") -> str:
    """A whole reader page: header, caveats, table of contents, body, in the edition's language."""
    lang = edition.lang
    tag = "zh-CN" if lang != "en" else "en"
    js = f"<script>{script}</script>" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="{tag}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{nav(edition, path, current, doc_ids)}\n<main>\n{caveats(lang)}\n{toc(body, lang)}\n{body}\n</main>\n"
            f"{js}\n</body>\n</html>\n")


def write_page(path: Path, text: str) -> Path:
    """Write a page atomically (beside it, then renamed), so a reader never opens half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's highlight in its document view."""
    return f"c-{claim_id}"


def document_page(edition: Edition, doc_id: str) -> Path:
    return edition.root / DOCUMENTS_SUBDIR / f"{doc_id}.html"


def claim_href(edition: Edition, page: Path, row: dict) -> str:
    """A link from `page` to a claim highlighted in its sentence, in the edition's document view."""
    return f"{href(page, document_page(edition, str(row['doc_id'])))}#{claim_anchor(str(row['claim_id']))}"
