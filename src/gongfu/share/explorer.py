"""The claims explorer: every claim on one page, filterable by place, indicator, theme, status and period and
searchable, each with its sentence (the number highlighted) and a link to it in its document view.

A static table and a small script of the site's own (no library, no network): the page works offline from any
folder, and without JavaScript it is still the whole table.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from gongfu.compare import kinds, narrative
from gongfu.compare.load import Tables
from gongfu.compare.places import place_label
from gongfu.lexicon import theme_label
from gongfu.share.layout import Edition, claim_href, page, t, write_page

STATUS_ZH = {"actual": "已报出的实际数字", "plan": "计划或目标", "projection": "预期"}
STATUS_EN = {"actual": "actual", "plan": "plan or target", "projection": "projection"}
FILTERS = ("place", "indicator", "theme", "status", "period")


def sentence_span(text: str, row: dict) -> tuple[int, int] | None:
    """Where the claim's mention sits inside its sentence: offsets in the cleaned text (char_start, char_end)
    moved to the sentence's occurrence around them; else the mention's first place in the sentence; None
    when it is not there."""
    sentence, mention = str(row.get("sentence") or ""), str(row.get("mention") or "")
    start, end = int(row.get("char_start") or 0), int(row.get("char_end") or 0)
    at = text.find(sentence, max(0, end - len(sentence))) if sentence else -1
    while at != -1 and at <= start:
        if at + len(sentence) >= end and text[start:end] == mention:
            return start - at, end - at
        at = text.find(sentence, at + 1)
    found = sentence.find(mention) if mention else -1
    return (found, found + len(mention)) if found >= 0 else None


def highlighted_sentence(text: str, row: dict) -> str:
    """The claim's sentence as HTML with its mention in <mark>."""
    sentence = str(row.get("sentence") or "")
    span = sentence_span(text, row)
    if span is None:
        return html.escape(sentence)
    a, b = span
    return f"{html.escape(sentence[:a])}<mark>{html.escape(sentence[a:b])}</mark>{html.escape(sentence[b:])}"


def status_label(status: str, lang: str) -> str:
    return (STATUS_EN if lang == "en" else STATUS_ZH).get(status, status)


def explorer_rows(tables: Tables, lang: str) -> list[dict[str, str]]:
    """One dict per claim with what the explorer shows (in `lang`) and what it filters on."""
    claims = kinds.with_kinds(tables.claims) if len(tables.claims) else tables.claims
    out = []
    for r in claims.to_dict("records"):
        indicator = narrative.indicator_label(r["indicator"], r["indicator_id"], lang) or t(
            lang, narrative.NO_INDICATOR_ZH, narrative.NO_INDICATOR_EN)
        theme = theme_label(r["theme"], lang, tables.themes_file) if r["theme"] not in ("", "unassigned") else \
            t(lang, "未归类", "no theme")
        figure = narrative.quote(r, lang) + (t(lang, "（增速）", " (growth)") if r["is_growth"] else "")
        row = {"claim_id": r["claim_id"], "doc_id": r["doc_id"], "place": place_label(r["place"], lang),
               "entity": place_label(r["entity"], lang), "indicator": indicator, "figure": figure,
               "period": narrative.period_label(r["period"], r["year"], lang), "theme": theme,
               "status": status_label(r["status"], lang),
               "sentence": highlighted_sentence(tables.texts.get(r["doc_id"], ""), r),
               "zh": f"{r['place']} {r['entity']} {r['indicator']} {r['mention']}"}
        row["search"] = " ".join(str(row[k]) for k in ("place", "entity", "indicator", "figure", "period",
                                                       "theme", "status", "zh")) + " " + str(r["sentence"])
        out.append(row)
    return out


_SCRIPT = """(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#claims tbody tr'));
  var controls = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var q = document.getElementById('q'), count = document.getElementById('count');
  function apply() {
    var text = q.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var ok = !text || r.getAttribute('data-search').indexOf(text) !== -1;
      controls.forEach(function (c) {
        if (c.value && r.getAttribute('data-' + c.getAttribute('data-filter')) !== c.value) { ok = false; }
      });
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    count.textContent = count.getAttribute('data-template').replace('{n}', n);
  }
  q.addEventListener('input', apply);
  controls.forEach(function (c) { c.addEventListener('change', apply); });
  var asked = new URLSearchParams(location.search).get('q');
  if (asked) { q.value = asked; }
  apply();
})();"""


def _options(rows: list[dict[str, str]], key: str, lang: str) -> str:
    values = sorted({r[key] for r in rows if r[key]})
    everything = t(lang, "全部", "all")
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)


def explorer_html(tables: Tables, edition: Edition) -> str:
    """The explorer page of one edition."""
    lang, path = edition.lang, edition.page("explorer")
    rows = explorer_rows(tables, lang)
    names = {"place": t(lang, "地方", "Place"), "indicator": t(lang, "指标", "Indicator"),
             "theme": t(lang, "主题", "Theme"), "status": t(lang, "状态", "Status"),
             "period": t(lang, "时期", "Period")}
    filters = "".join(f'<label>{names[k]}<select data-filter="{k}">{_options(rows, k, lang)}</select></label>'
                      for k in FILTERS)
    search = (f'<label>{t(lang, "搜索（地方、指标、原句……）", "Search (place, indicator, sentence…)")}'
              f'<input id="q" type="search" placeholder="{t(lang, "如：南湖区", "e.g. 南湖区 or Nanhu")}"></label>')
    template = t(lang, f"显示 {{n}} / {len(rows)} 条", f"showing {{n}} of {len(rows)} claims")
    head = [names["place"], t(lang, "说的是谁", "About"), names["indicator"], t(lang, "数字", "Figure"),
            names["period"], names["theme"], names["status"], t(lang, "原句（数字已标出）", "Sentence (as written)"),
            ""]
    body = []
    for r in rows:
        attrs = " ".join(f'data-{k}="{html.escape(r[k])}"' for k in FILTERS)
        link = claim_href(edition, path, r)
        body.append(
            f'<tr {attrs} data-search="{html.escape(r["search"].lower())}">'
            f"<td>{html.escape(r['place'])}</td><td>{html.escape(r['entity'])}</td>"
            f"<td>{html.escape(r['indicator'])}</td><td class=\"num\">{html.escape(r['figure'])}</td>"
            f"<td>{html.escape(r['period'])}</td><td>{html.escape(r['theme'])}</td>"
            f"<td>{html.escape(r['status'])}</td><td>{r['sentence']}</td>"
            f'<td><a class="to-text" href="{html.escape(link)}">{t(lang, "看原文", "in the text")}</a></td></tr>')
    intro = t(lang, "每一行是报道中的一条数字说法：原句中的数字已标出，“看原文”在清洗后的全文中标出它。"
                    "数据见 claims.csv（首页的下载）。",
              "Each row is one numeric claim a report makes: the number is marked in its sentence, and 'in the "
              "text' shows it highlighted in the cleaned report. The data is claims.csv (downloads on the front "
              "page).")
    content = (f"<h1>{t(lang, '全部数字说法', 'Every claim')}</h1><p class=\"lead\">{intro}</p>"
               f'<div class="filters">{filters}{search}</div>'
               f'<p id="count" class="count" data-template="{html.escape(template)}">{len(rows)}</p>'
               f'<div class="scroll"><table id="claims"><thead><tr>'
               + "".join(f"<th>{html.escape(h)}</th>" for h in head)
               + f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>")
    doc_ids = [str(d) for d in tables.docs["doc_id"]]
    return page(edition, path, "explorer", t(lang, "全部数字说法 · 共富 gongfu", "Every claim · gongfu"), content,
                doc_ids, _SCRIPT)


def write_explorer(tables: Tables, edition: Edition) -> Path:
    return write_page(edition.page("explorer"), explorer_html(tables, edition))


def claims_frame(tables: Tables, lang: str) -> pd.DataFrame:
    """The explorer's rows as a table (for tests and the notebook)."""
    return pd.DataFrame(explorer_rows(tables, lang))
