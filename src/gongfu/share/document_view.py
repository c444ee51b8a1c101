"""One page per document: the cleaned text with every claim highlighted where it stands (hover, focus or follow a
link for its value, unit, indicator, entity and period), passages flagged by the cleaner marked, and every edit
the cleaner made listed with what it removed struck through: any number checked against its source in a click.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from gongfu.compare import kinds, narrative
from gongfu.compare.load import Tables
from gongfu.compare.places import document_labels, place_label
from gongfu.share.explorer import status_label
from gongfu.share.layout import Edition, claim_anchor, document_page, href, page, t, write_page

CAPTION_MARK = "图："


def claim_spans(claims: pd.DataFrame, text: str) -> list[tuple[int, int, dict]]:
    """(start, end, claim) for each claim whose offsets point at its mention in `text`, in text order; a claim
    overlapping an earlier one is left out of the highlighting (it keeps its row in the explorer)."""
    out, last = [], -1
    rows = sorted(claims.to_dict("records"), key=lambda r: (int(r["char_start"]), int(r["char_end"])))
    for r in rows:
        a, b = int(r["char_start"]), int(r["char_end"])
        if a >= last and 0 <= a < b <= len(text):
            out.append((a, b, r))
            last = b
    return out


def flag_spans(edits: pd.DataFrame, text: str, taken: list[tuple[int, int, dict]]) -> list[tuple[int, int, str]]:
    """(start, end, reason) for each flagged passage (an edit whose text is kept as printed) found in the cleaned
    text and not cutting across a claim."""
    out = []
    for r in edits.to_dict("records") if len(edits) else []:
        passage = str(r["before"]).strip()
        if not passage or str(r["before"]) != str(r["after"]):
            continue
        at = text.find(passage)
        if at < 0 or any(a < at + len(passage) and at < b and not (at <= a and b <= at + len(passage))
                         for a, b, _ in taken):
            continue
        if not any(a < at + len(passage) and at < b for a, b, _ in out):
            out.append((at, at + len(passage), str(r["reason"])))
    return sorted(out)


def claim_details(row: dict, lang: str) -> dict[str, str]:
    """What the note beside the text says about a claim."""
    indicator = narrative.indicator_label(row["indicator"], row["indicator_id"], lang) or t(
        lang, narrative.NO_INDICATOR_ZH, narrative.NO_INDICATOR_EN)
    value = row["value"]
    return {t(lang, "数字", "figure"): narrative.quote(row, lang),
            t(lang, "数值", "value"): f"{value:,.10g}" if pd.notna(value) else "",
            t(lang, "单位", "unit"): str(row["unit"]),
            t(lang, "指标", "indicator"): indicator,
            t(lang, "说的是谁", "about"): place_label(row["entity"], lang),
            t(lang, "时期", "period"): narrative.period_label(row["period"], row["year"], lang),
            t(lang, "状态", "status"): status_label(kinds.status(row), lang),
            "claim_id": str(row["claim_id"])}


def _mark(row: dict, text: str, lang: str) -> str:
    details = claim_details(row, lang)
    data = " ".join(f'data-{i}="{html.escape(v)}"' for i, v in enumerate(details.values()))
    tip = "; ".join(f"{k}: {v}" for k, v in details.items() if v)
    return (f'<mark class="claim" id="{claim_anchor(str(row["claim_id"]))}" tabindex="0" {data} '
            f'title="{html.escape(tip)}">{html.escape(text)}</mark>')


def marked_text(text: str, claims: list[tuple[int, int, dict]], flags: list[tuple[int, int, str]], lang: str) -> str:
    """The cleaned text as paragraphs (one per line) with claims in <mark> and flagged passages in a span;
    captions (lines starting 图：) set apart."""
    events: list[tuple[int, int, str, object]] = []  # (position, order, kind, payload)
    for a, b, reason in flags:
        events += [(a, 1, "flag-open", reason), (b, 0, "flag-close", None)]
    for a, b, row in claims:
        events += [(a, 2, "claim", (b, row))]
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    for at, _, kind, payload in events:
        if at < pos:
            continue
        out.append(html.escape(text[pos:at]))
        pos = at
        if kind == "flag-open":
            out.append(f'<span class="flag" title="{html.escape(str(payload))}">⚑ ')
        elif kind == "flag-close":
            out.append("</span>")
        else:
            end, row = payload
            out.append(_mark(row, text[at:end], lang))
            pos = end
    out.append(html.escape(text[pos:]))
    paragraphs = "".join(out).split("\n")
    return "".join(f'<p class="caption">{p}</p>' if p.startswith(CAPTION_MARK) else f"<p>{p}</p>"
                   for p in paragraphs if p.strip())


def edits_html(edits: pd.DataFrame, lang: str) -> str:
    """Every edit of the document, per cleaning step: removed text struck through, replacements as
    before → after, flags marked, each with its reason (the rows of edits.csv)."""
    if edits.empty:
        return f"<p>{t(lang, '清洗没有改动这篇报道。', 'The cleaner changed nothing in this report.')}</p>"
    parts = []
    for step, group in edits.groupby("step", sort=False):
        items = []
        for r in group.to_dict("records"):
            before, after = html.escape(str(r["before"])), html.escape(str(r["after"]))
            if str(r["before"]) == str(r["after"]):
                change = f'<span class="flag">⚑ {before}</span>'
            elif not str(r["after"]).strip():
                change = f"<del>{before or '␣'}</del>"
            else:
                change = f"<del>{before or '␣'}</del> → <ins>{after}</ins>"
            items.append(f"<li>{change} <small>{html.escape(str(r['reason']))}</small></li>")
        removed = int((group["after"].astype(str).str.strip() == "").sum())
        summary = t(lang, f"{step}：{len(group)}处（其中删除{removed}处）", f"{step}: {len(group)} edits "
                    f"({removed} removals)")
        parts.append(f'<details><summary>{html.escape(summary)}</summary><ul class="edits">{"".join(items)}</ul>'
                     f"</details>")
    return "".join(parts)


_SCRIPT = """(function () {
  var note = document.getElementById('note');
  var names = JSON.parse(note.getAttribute('data-names'));
  function show(mark) {
    var rows = names.map(function (name, i) {
      var v = mark.getAttribute('data-' + i) || '';
      return v ? '<dt>' + name + '</dt><dd></dd>' : '';
    }).join('');
    var dl = document.createElement('dl');
    dl.innerHTML = rows;
    var dds = dl.querySelectorAll('dd'), k = 0;
    names.forEach(function (name, i) {
      var v = mark.getAttribute('data-' + i) || '';
      if (v) { dds[k].textContent = v; k += 1; }
    });
    var box = note.querySelector('.chosen-claim');
    box.innerHTML = '';
    box.appendChild(dl);
  }
  function chosen() {
    document.querySelectorAll('mark.claim.chosen').forEach(function (m) { m.classList.remove('chosen'); });
    var id = decodeURIComponent(location.hash.slice(1));
    var mark = id && document.getElementById(id);
    if (mark && mark.classList.contains('claim')) {
      mark.classList.add('chosen');
      show(mark);
      mark.scrollIntoView({block: 'center'});
    }
  }
  document.querySelectorAll('mark.claim').forEach(function (m) {
    m.addEventListener('mouseenter', function () { show(m); });
    m.addEventListener('focus', function () { show(m); });
  });
  window.addEventListener('hashchange', chosen);
  chosen();
})();"""


def document_html(tables: Tables, edits: pd.DataFrame, doc: dict, edition: Edition) -> str:
    """The document view of one report in one edition."""
    lang, doc_id = edition.lang, str(doc["doc_id"])
    path = document_page(edition, doc_id)
    text = tables.texts.get(doc_id, "")
    claims = tables.claims[tables.claims["doc_id"] == doc_id]
    doc_edits = edits[edits["doc_id"] == doc_id] if len(edits) else edits
    spans = claim_spans(claims, text)
    flags = flag_spans(doc_edits, text, spans)
    label = document_labels(tables.all_docs, lang).get(doc_id, doc_id)
    meta = [str(doc.get(k) or "") for k in ("publisher", "published", "source") if str(doc.get(k) or "").strip()]
    names = list(claim_details(claims.iloc[0].to_dict(), lang)) if len(claims) else []
    legend = t(lang, f"黄色 = 一条数字说法（共{len(claims)}条；指向或点击看详情，从“全部数字”页的链接来到这里时，"
                     f"所选的那条以橙色标出）；⚑ = 清洗时标记待核对的段落；"
                     f"清洗删改的文字列在正文之后（删除的以删除线标出）。",
               f"Yellow = a numeric claim ({len(claims)} in all; hover or focus one for its details; the one a link "
               f"chose is orange); ⚑ = a passage the cleaner flagged for checking; what the cleaner removed or "
               f"changed is listed after the text (removed text struck through).")
    others = "".join(
        f'<li><a href="{href(path, document_page(edition, str(d)))}">'
        f"{html.escape(document_labels(tables.all_docs, lang).get(str(d), str(d)))}</a></li>"
        for d in tables.docs["doc_id"] if str(d) != doc_id)
    note = (f'<aside id="note" class="note" data-names="{html.escape(_json(names))}">'
            f'<strong>{t(lang, "所选数字", "Chosen claim")}</strong><div class="chosen-claim">'
            f'<p>{t(lang, "指向或点击一个黄色数字。", "Hover over or tap a yellow number.")}</p></div>'
            f'<p><a href="{href(path, edition.page("explorer"))}">{t(lang, "← 全部数字说法", "← every claim")}</a></p>'
            f'<p>{t(lang, "其他报道：", "Other reports:")}</p><ul>{others}</ul></aside>')
    title = str(doc.get("title") or doc_id)
    rows_note = t(lang, "每一处都是 edits.csv 的一行（偏移量指向原始文本）。",
                  "Each is a row of edits.csv (offsets point into the raw text).")
    content = (f"<h1>{html.escape(label)}：{html.escape(title)}</h1>" if lang != "en" else
               f"<h1>{html.escape(label)}: {html.escape(title)}</h1>")
    content += (f'<p class="lead">{html.escape(" · ".join(meta))} · <code>{html.escape(doc_id)}</code></p>'
                f"<p>{html.escape(legend)}</p>"
                f'<h2 id="text">{t(lang, "清洗后的正文", "The cleaned text")}</h2>'
                f'<div class="doc"><div class="text" lang="zh-CN">{marked_text(text, spans, flags, lang)}</div>'
                f"{note}</div>"
                f'<h2 id="edits">{t(lang, "清洗的改动", "What the cleaner changed")}</h2>'
                f"<p>{rows_note}</p>"
                f'{edits_html(doc_edits, lang)}')
    doc_ids = [str(d) for d in tables.docs["doc_id"]]
    return page(edition, path, "documents", f"{label} · 共富 gongfu", content, doc_ids, _SCRIPT)


def _json(items: list[str]) -> str:
    import json

    return json.dumps(items, ensure_ascii=False)


def write_documents(tables: Tables, edits: pd.DataFrame, edition: Edition) -> list[Path]:
    """One document view per selected report."""
    out = []
    for doc in tables.docs.to_dict("records"):
        path = document_page(edition, str(doc["doc_id"]))
        out.append(write_page(path, document_html(tables, edits, doc, edition)))
    return out
