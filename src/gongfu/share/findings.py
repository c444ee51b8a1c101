"""The front page's findings, generated from the tables: each figure quoted is a claim, linked to its sentence.

Like the comparison's text (gongfu.compare.narrative), no number is typed here: every figure is a claim's
mention (in English its `amount_en`), period or year, or the extraction's measured score against the gold set,
and each quoted claim links to its highlight in the document view. tests/share/test_findings.py checks both.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gongfu.compare import kinds, narrative
from gongfu.compare.load import Tables
from gongfu.compare.places import place_label
from gongfu.compare.select import document_place, growth_claims, money_claims
from gongfu.share.layout import Edition, claim_href, t


@dataclass(frozen=True)
class Finding:
    """One finding: a headline and its sentence, as HTML, and the claims it quotes."""

    headline: str
    body: str
    claim_ids: tuple[str, ...]


def _cite(row: dict, edition: Edition, page: Path) -> str:
    label = html.escape(narrative.quote(row, edition.lang))
    return f'<a class="claim-link" href="{html.escape(claim_href(edition, page, row))}">{label}</a>'


def _claim(row: dict, edition: Edition, page: Path) -> str:
    """'indicator（period）figure' with the figure linked (zh), 'figure, indicator (period)' (en)."""
    label = html.escape(narrative.claim_label(row, edition.lang))
    cite = _cite(row, edition, page)
    return f"{label}{cite}" if edition.lang != "en" else f"{cite}, {label}"


def _place(name: str, lang: str) -> str:
    return html.escape(place_label(name, lang))


def _top(frame: pd.DataFrame) -> dict | None:
    if frame.empty:
        return None
    return frame.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()


def largest_amount(tables: Tables, edition: Edition, page: Path) -> Finding | None:
    """The largest total amount reached (not a plan, not per unit), and that periods differ."""
    money = kinds.with_kinds(money_claims(tables.claims))
    top = _top(money[(money["status"] == "actual") & (money["basis"] == "")] if len(money) else money)
    if top is None:
        return None
    lang = edition.lang
    contrast = narrative.period_contrast(tables.claims)
    periods = ""
    if contrast:
        (a, _), (b, _) = contrast
        periods = t(lang, f"其他地方的数字各有时期（如{html.escape(a)}与{html.escape(b)}），不能排在一把尺子上。",
                    f" Other places' figures have periods of their own ({narrative.period_label(a, '', lang)} vs "
                    f"{narrative.period_label(b, '', lang)}), so they are never put on one scale.")
    body = t(lang, f"{_place(top['place'], lang)}：{_claim(top, edition, page)}。{periods}",
             f"{_place(top['place'], lang)}: {_claim(top, edition, page)}.{periods}")
    return Finding(t(lang, "最大的数字，各有各的时期", "The biggest figure, and periods that differ"),
                   body, (top["claim_id"],))


def fastest_growth(tables: Tables, edition: Edition, page: Path) -> Finding | None:
    """The fastest growth rate each place claims: growth is claimed for different things in each place."""
    growth = growth_claims(tables.claims)
    if growth.empty:
        return None
    lang, parts, ids = edition.lang, [], []
    for place in dict.fromkeys(document_place(r) for r in tables.docs.to_dict("records")):
        top = _top(growth[growth["place"] == place])
        if top is not None:
            parts.append(f"{_place(place, lang)}{t(lang, '：', ': ')}{_claim(top, edition, page)}")
            ids.append(top["claim_id"])
    body = t(lang, "各地报出的最快增速：" + "；".join(parts) + "。", "The fastest rate each place reports: "
             + "; ".join(parts) + ".")
    return Finding(t(lang, "各地报出增速的对象各不相同", "Growth is claimed for different things in each place"),
                   body, tuple(ids))


def income_figures(tables: Tables, edition: Edition, page: Path) -> Finding | None:
    """Per-person amounts (the common-prosperity measures): which places give them, which do not."""
    money = kinds.with_kinds(money_claims(tables.claims))
    per_head = money[(money["basis"] == "人") & (money["status"] == "actual")] if len(money) else money
    lang = edition.lang
    places = list(dict.fromkeys(document_place(r) for r in tables.docs.to_dict("records")))
    if per_head.empty:
        return Finding(t(lang, "没有人均收入数字", "No per-person income figures"),
                       t(lang, "所选报道都没有报出人均金额。",
                         "None of the selected reports gives a per-person amount."),
                       ())
    given = list(dict.fromkeys(per_head["place"]))
    cites = [_claim(r, edition, page) for r in per_head.sort_values("claim_id").to_dict("records")]
    others = [p for p in places if p not in given]
    rest = t(lang, f"{narrative.join([_place(p, lang) for p in others])}的报道没有人均金额，数的是企业、项目与服务。"
             if others else "", f" The reports on {narrative.join([_place(p, lang) for p in others], lang)} give none: "
             "they count firms, projects and services instead." if others else "")
    body = t(lang, f"只有{narrative.join([_place(p, lang) for p in given])}报出人均金额：{'；'.join(cites)}。{rest}",
             f"Only {narrative.join([_place(p, lang) for p in given], lang)} gives per-person amounts: "
             f"{'; '.join(cites)}.{rest}")
    return Finding(t(lang, "人均收入数字很少", "Income figures are rare"), body,
                   tuple(per_head.sort_values("claim_id")["claim_id"]))


def emphasis(tables: Tables, edition: Edition, page: Path) -> Finding | None:
    """Which theme the texts give the most space to (the emphasis chart's title, as a sentence)."""
    if tables.shares.empty:
        return None
    from gongfu.compare.places import document_labels

    lang = edition.lang
    title = narrative.emphasis_title(tables.shares, lang, tables.themes_file,
                                     document_labels(tables.all_docs, lang, publisher=False))
    return Finding(t(lang, "篇幅给了什么", "Where the texts give their space"),
                   html.escape(title) + t(lang, "。", "."), ())


def two_sources(tables: Tables, edition: Edition, page: Path) -> Finding | None:
    """The two reports on one place, side by side: agree, differ or contradict."""
    place, pairs = narrative.two_sources_pairs(tables)
    if not place or pairs.empty:
        return None
    lang = edition.lang
    by_id = {r["claim_id"]: r for r in tables.claims.to_dict("records")}
    r = pairs.iloc[0].to_dict()
    a, b = by_id.get(r["claim_a"]), by_id.get(r["claim_b"])
    if a is None or b is None:
        return None
    title = narrative.two_sources_title(pairs, place, lang, tables.claims)
    periods = (narrative.period_label(a["period"], a["year"], lang), narrative.period_label(b["period"], b["year"],
                                                                                          lang))
    body = t(lang, f"{html.escape(title)}：{_cite(a, edition, page)}（{html.escape(periods[0])}）与"
                   f"{_cite(b, edition, page)}（{html.escape(periods[1])}）。",
             f"{html.escape(title)}: {_cite(a, edition, page)} ({html.escape(periods[0])}) and "
             f"{_cite(b, edition, page)} ({html.escape(periods[1])}).")
    return Finding(t(lang, f"{html.escape(place)}的两篇报道", f"The two reports on {_place(place, lang)}"),
                   body, (a["claim_id"], b["claim_id"]))


def trust(tables: Tables, processed_dir: Path, edition: Edition) -> Finding | None:
    """How far to trust the table: precision and recall against the hand-annotated gold set, said only when
    the gold set covers exactly this folder's documents (else the scores would describe other texts)."""
    from gongfu.extract.evaluate import CLAIMS_GOLD, evaluate_processed, load_gold

    try:
        gold = load_gold(CLAIMS_GOLD)
        if set(gold["doc_id"]) != set(tables.docs["doc_id"]) or len(tables.left_out):
            return None
        scores = evaluate_processed(processed_dir).overall
    except Exception:  # no gold set readable here: nothing measured, nothing said
        return None
    lang = edition.lang
    p, r = f"{scores['precision']:.2f}", f"{scores['recall']:.2f}"
    body = t(lang, f"与人工标注的全部{len(gold)}条说法相比，提取的精确率为{p}、召回率为{r}。规则是在这几篇报道上"
                   f"写成的，新报道上的数字会更低：先标注几篇再相信更大的档案。",
             f"Against a hand-annotated set of every claim in the texts ({len(gold)} claims), extraction scores "
             f"precision {p} and recall {r}. The rules were written on these same texts, so expect lower figures "
             f"on new reports: annotate a few before trusting a larger archive.")
    return Finding(t(lang, "这张表可信到什么程度", "How far to trust the table"), body, ())


def findings(tables: Tables, processed_dir: Path, edition: Edition, page: Path) -> list[Finding]:
    """The front page's findings, in reading order; a finding the tables cannot support is left out."""
    made = [f(tables, edition, page) for f in (largest_amount, fastest_growth, income_figures, emphasis,
                                                two_sources)]
    made.append(trust(tables, processed_dir, edition))
    return [f for f in made if f is not None]


def findings_html(items: list[Finding]) -> str:
    """The findings as a list: headline in bold, then its sentence."""
    rows = "".join(f"<li><strong>{f.headline}</strong> {f.body}</li>" for f in items)
    return f'<ul class="findings">{rows}</ul>'
