"""The comparison's words: chart titles that state a finding and markdown paragraphs, all generated from tables.

No number is typed here: every number in the output is a claim's `mention`, `period` or `year` as written in
claims.csv (tests/test_narrative.py checks this). Counts and shares are given as words ("most", "none"),
documents are named by place and publisher, never by a numbered id. In English, places and organisations are
named from the gazetteer (gongfu.places), romanised with the Chinese in brackets where it has no entry.
"""

from __future__ import annotations

import re

import pandas as pd

from gongfu.compare import UNASSIGNED, Tables, document_place, period_key
from gongfu.places import document_labels, place_label
from gongfu.themes import THEMES_FILE, indicator_label, theme_label

_SPAN_EN = {"H1": "H1", "H2": "H2", "Q1": "Q1", "FY": "full year", "now": "current", "YTD": "year to date"}


def t(lang: str, zh: str, en: str) -> str:
    """The zh or the en wording."""
    return en if lang == "en" else zh


def period_label(period: str, year: str = "", lang: str = "zh") -> str:
    """A claim's period for a label: zh as written (year added when resolved and not already there); en short."""
    period, year = str(period or ""), str(year or "")
    if lang == "en":
        return _period_en(period, year)
    if year and year not in period and period_key(period, year).span not in ("now", ""):
        return f"{year}年{period.replace('今年', '').replace('去年', '')}"
    return period or "时期未注明"


_MONTHS_EN = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _period_en(period: str, year: str) -> str:
    key = period_key(period, year)
    when = str(key.year) if key.year else "last year" if "去年" in period else "this year" if "今年" in period else ""
    if key.span.startswith("M"):
        a, b = (int(x) for x in key.span[1:].split("-"))
        span = f"{_MONTHS_EN[a]}–{_MONTHS_EN[b]}" if 1 <= a <= 12 and 1 <= b <= 12 else key.span
    elif key.span == "FY" and when:
        span = ""
    else:
        span = _SPAN_EN.get(key.span, "")
    text = " ".join(x for x in (span, when) if x)
    return text or period or "period not stated"


# A claim whose indicator the extraction did not identify (the report may well name it).
NO_INDICATOR_ZH, NO_INDICATOR_EN = "指标未识别", "indicator not identified"


def claim_label(row: dict, lang: str = "zh", with_period: bool = True) -> str:
    """'indicator（period）', with the entity first when it is not the report's own place."""
    indicator = indicator_label(row.get("indicator", ""), row.get("indicator_id", ""), lang) or t(
        lang, NO_INDICATOR_ZH, NO_INDICATOR_EN)
    entity = row.get("entity", "")
    if entity and entity != row.get("place", ""):
        indicator = f"{entity}·{indicator}" if lang != "en" else f"{place_label(entity, lang)}: {indicator}"
    if not with_period:
        return indicator
    return f"{indicator}（{period_label(row.get('period', ''), row.get('year', ''), lang)}）" if lang != "en" \
        else f"{indicator} ({period_label(row.get('period', ''), row.get('year', ''), lang)})"


def join(items: list[str], lang: str = "zh") -> str:
    """A list in prose: 、 in Chinese, commas and 'and' in English."""
    items = [i for i in items if i]
    if lang != "en":
        return "、".join(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def places_in(names: list[str], lang: str = "zh") -> str:
    """Place names in prose (`join`), each in English for en."""
    return join([place_label(n, lang) for n in names], lang)


# --------------------------------------------------------------------------- chart titles (findings)

def heatmap_title(counts: pd.DataFrame, lang: str = "zh", themes_file=THEMES_FILE) -> str:
    """The theme with the most claims, and whether it is also where most reports' numbers cluster."""
    assigned = counts.drop(index=UNASSIGNED, errors="ignore")
    if counts.to_numpy().sum() == 0:
        return t(lang, "所选报道中没有数字说法", "The selected reports make no numeric claims")
    if assigned.to_numpy().sum() == 0:
        return t(lang, "这些数字尚未归入任何主题", "None of the numbers could be given a theme yet")
    top_id = assigned.sum(axis=1).idxmax()  # ties: the lexicon's order
    top = theme_label(top_id, lang, themes_file)
    leaders = assigned.loc[:, assigned.sum() > 0].idxmax()  # each report's own top theme
    if len(leaders) == 1:
        return t(lang, f"这篇报道的数字集中在「{top}」", f"This report's numbers are mostly about {top.lower()}")
    if (leaders == top_id).sum() * 2 > len(leaders):
        return t(lang, f"多数报道的数字集中在「{top}」", f"Most reports' numbers are about {top.lower()}")
    return t(lang, f"「{top}」的数字最多，但各篇报道的重点不同",
             f"{top} has the most numbers, but each report has its own focus")


def growth_title(growth: pd.DataFrame, lang: str = "zh") -> str:
    """The fastest growth rate claimed."""
    if growth.empty:
        return t(lang, "所选报道中没有增速数字", "The selected reports state no growth rates")
    top = growth.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
    return t(lang, f"{top['place']}报出最快增速：{claim_label(top, lang)}{top['mention']}",
             f"Fastest growth claimed: {top['mention']}, {claim_label(top, lang)}, {place_label(top['place'], lang)}")


def money_title(money: pd.DataFrame, lang: str = "zh") -> str:
    """The largest money figure claimed, with the warning that periods differ."""
    if money.empty:
        return t(lang, "所选报道中没有金额数字", "The selected reports state no money amounts")
    top = money.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
    return t(lang, f"金额最大的是{top['place']}的{claim_label(top, lang)}{top['mention']}；各地时期不同，不能直接相比",
             f"Largest amount: {top['mention']}, {claim_label(top, lang)}, {place_label(top['place'], lang)}; "
             f"periods differ, "
             f"so places are not directly comparable")


def emphasis_title(shares: pd.DataFrame, lang: str = "zh", themes_file=THEMES_FILE,
                   labels: dict[str, str] | None = None) -> str:
    """The theme most texts give the most space to, and the texts that lean elsewhere (by `labels`)."""
    leaders = top_themes(shares)
    if not leaders:
        return t(lang, "没有可分析的正文", "No text to analyse")
    counts = pd.Series(list(leaders.values())).value_counts(sort=False)
    top_id = counts.idxmax()  # ties: the first text's
    top = theme_label(top_id, lang, themes_file)
    if len(leaders) == 1:
        return t(lang, f"这篇报道篇幅最多的是「{top}」", f"This report gives most space to {top.lower()}")
    if counts[top_id] == len(leaders):
        return t(lang, f"每篇报道篇幅最多的都是「{top}」", f"Every report gives most space to {top.lower()}")
    labels = labels or {}
    others = [(labels.get(d, d), theme_label(x, lang, themes_file)) for d, x in leaders.items() if x != top_id]
    lean = t(lang, "，".join(f"{d}侧重「{x}」" for d, x in others),
             ", ".join(f"{d} leans to {x.lower()}" for d, x in others))
    if counts[top_id] * 2 > len(leaders):
        return t(lang, f"多数报道篇幅最多给了「{top}」；{lean}",
                 f"Most reports give most space to {top.lower()}; {lean}")
    first = [labels.get(d, d) for d, x in leaders.items() if x == top_id]
    return t(lang, f"各篇报道侧重不同：{join(first)}侧重「{top}」，{lean}",
             f"The reports lean different ways: {join(first, lang)} to {top.lower()}, {lean}")


def top_themes(shares: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the theme its text gives the most space to (ties: lexicon order); texts without any left out."""
    assigned = shares[(shares["theme"] != UNASSIGNED) & (shares["chars"] > 0)] if len(shares) else shares
    out = {}
    for doc_id, group in assigned.groupby("doc_id", sort=False):
        out[doc_id] = group.loc[group["chars"].idxmax(), "theme"]  # first maximum = lexicon order
    return out


STATUS_ZH = {"agree": "一致", "disagree": "不一致", "period_unclear": "时期不明", "period_mismatch": "时期不同，未比较",
             "unit_mismatch": "单位不同，未比较"}
STATUS_EN = {"agree": "agree", "disagree": "disagree", "period_unclear": "period unclear",
             "period_mismatch": "different periods, not compared", "unit_mismatch": "different units, not compared"}


def status_label(row: dict, lang: str = "zh") -> str:
    """A consistency row's verdict in words (period_unclear says whether the values differ)."""
    status = row["status"]
    text = (STATUS_EN if lang == "en" else STATUS_ZH)[status]
    if status == "period_unclear":
        differ = str(row["values_agree"]) == "False"
        text += t(lang, "，数字不同" if differ else "，数字相符", ", values differ" if differ else ", values agree")
    return text


def differs(row: dict) -> bool:
    """Whether a consistency row is a disagreement worth marking (same or unclear period, values differ)."""
    return row["status"] in ("disagree", "period_unclear") and str(row["values_agree"]) == "False"


def contradicts(row: dict) -> bool:
    """Whether two figures for the same, known period differ: a real contradiction, not a change over time."""
    return row["status"] == "disagree"


def two_sources_title(pairs: pd.DataFrame, place: str, lang: str = "zh") -> str:
    """What the two reports on one place say about the same indicators."""
    name = place_label(place, lang)
    if not place:
        return t(lang, "没有一个地方有两篇报道", "No place has two reports")
    if pairs.empty:
        return t(lang, f"{place}的两篇报道没有报出同一指标的数字",
                 f"The two reports on {name} share no indicator")
    rows = pairs.to_dict("records")
    bad = [r for r in rows if contradicts(r)] or [r for r in rows if differs(r)]
    if bad:
        r = bad[0]
        ind = indicator_label(r["indicator"], r["indicator_id"], lang)
        if contradicts(r):
            return t(lang, f"{place}两篇报道对{ind}说法不一：{r['mention_a']}与{r['mention_b']}",
                     f"The two reports on {name} disagree on {ind}: {r['mention_a']} vs {r['mention_b']}")
        return t(lang, f"{place}两篇报道的{ind}数字不同：{r['mention_a']}与{r['mention_b']}，但时期不明，未必矛盾",
                 f"The two reports on {name} give different {ind} figures, {r['mention_a']} vs "
                 f"{r['mention_b']}, for periods the texts do not fix: not necessarily a contradiction")
    if all(r["status"] == "agree" for r in rows):
        return t(lang, f"{place}两篇报道的共同指标说法一致", f"The two reports on {name} agree")
    return t(lang, f"{place}两篇报道的共同指标无法直接比较（时期或单位不同）",
             f"The two reports on {name} cannot be compared directly (periods or units differ)")


# --------------------------------------------------------------------------- paragraphs

def coverage_paragraph(tables: Tables, lang: str = "zh") -> str:
    """Which reports are compared, which were left out and why."""
    labels = _labels(tables, lang)
    kept = join([labels[d] for d in tables.docs["doc_id"]], lang)
    text = t(lang, f"本页比较以下报道：{kept}。" if kept else "本页没有可比较的报道。",
             f"This page compares these reports: {kept}." if kept else "No report is left to compare.")
    if len(tables.left_out):
        left_labels = document_labels(tables.all_docs, lang)
        left = tables.left_out.to_dict("records")
        failed = [left_labels[r["doc_id"]] for r in left if r.get("status") == "failed"]
        unselected = [left_labels[r["doc_id"]] for r in left if r.get("status") != "failed"]
        if unselected:
            text += t(lang, f"未纳入（按参数排除）：{join(unselected, lang)}。",
                      f" Left out by the parameters: {join(unselected, lang)}.")
        if failed:
            text += t(lang, f"未纳入（清洗失败）：{join(failed, lang)}。",
                      f" Left out because cleaning failed: {join(failed, lang)}.")
    if tables.missing_texts:
        missing = join([labels[d] for d in tables.missing_texts], lang)
        text += t(lang, f"缺少清洗后正文、不计入篇幅分析：{missing}。",
                  f" Cleaned text missing, so not in the theme-emphasis analysis: {missing}.")
    return text


def places_paragraphs(tables: Tables, lang: str = "zh") -> list[str]:
    """Per place: the biggest money figure and the fastest growth rate its reports claim."""
    from gongfu.compare import growth_claims, money_claims

    claims, out, labels = tables.claims, [], _labels(tables, lang)
    places = list(dict.fromkeys(document_place(r) for r in tables.docs.to_dict("records")))
    money, growth = money_claims(claims), growth_claims(claims)
    for place in places:
        parts = []
        several = sum(document_place(r) == place for r in tables.docs.to_dict("records")) > 1

        def cite(r: dict, several: bool = several) -> str:
            label = labels.get(r["doc_id"], r["doc_label"])
            return (f"，见{label}" if lang != "en" else f", per {label}") if several else ""

        m = money[money["place"] == place] if len(money) else money
        g = growth[growth["place"] == place] if len(growth) else growth
        if len(m):
            r = m.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
            parts.append(t(lang, f"金额最大的说法是{claim_label(r, lang)}{r['mention']}{cite(r)}",
                           f"its largest amount is {r['mention']}, {claim_label(r, lang)}{cite(r)}"))
        if len(g):
            r = g.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
            parts.append(t(lang, f"增速最快的是{claim_label(r, lang)}增长{r['mention']}{cite(r)}",
                           f"its fastest growth is {r['mention']}, {claim_label(r, lang)}{cite(r)}"))
        n_claims = int((claims["place"] == place).sum()) if len(claims) else 0
        if not parts:
            parts.append(t(lang, "所选报道中没有金额或增速数字" if n_claims else "所选报道中没有任何数字说法",
                           "its reports state no amount or growth rate" if n_claims else
                           "its reports make no numeric claim"))
        out.append(t(lang, f"**{place}**：{'；'.join(parts)}。",
                     f"**{place_label(place, lang, zh=True)}**: {'; '.join(parts)}."))
    return out


def emphasis_paragraph(tables: Tables, lang: str = "zh") -> str:
    """Per report: the two themes its text gives most space to (in words, no shares)."""
    shares, labels = tables.shares, _labels(tables, lang)
    assigned = shares[(shares["theme"] != UNASSIGNED) & (shares["chars"] > 0)] if len(shares) else shares
    if assigned.empty:
        return t(lang, "没有可用于篇幅分析的正文。", "There is no cleaned text to measure emphasis on.")
    parts = []
    for doc_id, group in assigned.groupby("doc_id", sort=False):
        top = [theme_label(x, lang, tables.themes_file) for x in group.sort_values(
            "chars", ascending=False, kind="stable")["theme"].head(2)]  # ties: lexicon order, as top_themes
        then_zh = f"，其次是「{top[1]}」" if len(top) > 1 else ""
        parts.append(t(lang, f"{labels[doc_id]}篇幅最多给了「{top[0]}」{then_zh}",
                       f"{labels[doc_id]} gives most space to {top[0].lower()}"
                       + (f", then {top[1].lower()}" if len(top) > 1 else "")))
    return t(lang, "；".join(parts) + "。", "; ".join(parts) + ".")


def consistency_paragraph(tables: Tables, lang: str = "zh") -> str:
    """The cross-source check in words: each pair of claims about the same thing and the verdict."""
    pairs = tables.consistency
    if pairs.empty:
        return t(lang, "交叉核对：在识别出指标的数字中，没有两篇报道对同一地方、同一指标报出数字，因此无从核对。",
                 "Cross-check: among the numbers whose indicator was identified, no two reports give a number "
                 "for the same place and indicator, so there is nothing to cross-check.")
    labels = _labels(tables, lang)
    parts = []
    for r in pairs.to_dict("records"):
        ind = indicator_label(r["indicator"], r["indicator_id"], lang)
        pa = period_label(r["period_a"], r["year_a"], lang)
        pb = period_label(r["period_b"], r["year_b"], lang)
        parts.append(t(lang, f"{r['entity']}{ind}：{labels.get(r['doc_a'], r['doc_a'])}说{r['mention_a']}（{pa}），"
                             f"{labels.get(r['doc_b'], r['doc_b'])}说{r['mention_b']}（{pb}），{status_label(r, lang)}",
                       f"{place_label(r['entity'], lang)} {ind}: {labels.get(r['doc_a'], r['doc_a'])} says "
                       f"{r['mention_a']} ({pa}), "
                       f"{labels.get(r['doc_b'], r['doc_b'])} says {r['mention_b']} ({pb}): {status_label(r, lang)}"))
    return t(lang, "交叉核对：" + "；".join(parts) + "。", "Cross-check: " + "; ".join(parts) + ".")


def caveats_paragraph(tables: Tables, lang: str = "zh") -> str:
    """What a reader must keep in mind: places of different size, and different periods."""
    places = [document_place(r) for r in tables.docs.to_dict("records")]
    streets = sorted({p for p in places if p.endswith("街道")})
    districts = sorted({p for p in places if p.endswith("区")})
    parts = []
    if streets and districts:
        parts.append(t(lang, f"{join(streets)}是街道，{join(districts)}是区：区的规模大得多，总量数字不能横向比较",
                       f"{places_in(streets, lang)} are subdistricts (街道) and {places_in(districts, lang)} "
                       f"districts (区): "
                       f"a district is far larger, so totals are not comparable across them"))
    pair = period_contrast(tables.claims)
    if tables.claims.empty:
        pass  # no figures, no periods to warn about
    elif pair:
        (a, a_places), (b, b_places) = pair
        parts.append(t(lang, f"各报道数字的时期不同：如{a}（{join(a_places)}）与{b}（{join(b_places)}）不是同一时期，"
                             f"只有同一时期的数字才作比较",
                       f"the figures cover different periods: {period_label(a, '', lang)} "
                       f"({places_in(a_places, lang)}) and {period_label(b, '', lang)} "
                       f"({places_in(b_places, lang)}) are not the same period, and only same-period figures are "
                       f"compared"))
    else:
        parts.append(t(lang, "各报道的时期各不相同（如上半年与今年以来），只有同一时期的数字才作比较",
                       "the reports cover different periods (e.g. first half vs year to date); only same-period "
                       "figures are compared"))
    parts.append(t(lang, "这些数字是报道所称，并非官方统计的核实结果",
                   "these are the reports' claims, not verified official statistics"))
    return t(lang, "**注意**：" + "；".join(parts) + "。", "**Caveats**: " + "; ".join(parts) + ".")


_SPAN_ORDER = ("H1", "M1-8")
# Spans with fixed ends inside a year (上半年, 一季度, 1-8月): bare 今年/目前 are too vague to set against them.
_PART_YEAR = re.compile(r"H1|H2|Q1|M\d+-\d+")


def period_contrast(claims: pd.DataFrame) -> tuple[tuple[str, list[str]], tuple[str, list[str]]] | None:
    """Two different part-year spans (上半年 vs 今年1-8月 first), each as the claims most often write it, with
    the places whose claims use it; None when the claims do not hold two."""
    if claims.empty:
        return None
    spans = [period_key(p, y).span for p, y in zip(claims["period"], claims["year"], strict=True)]
    frame = claims.assign(_span=spans)
    frame = frame[frame["_span"].map(lambda x: bool(_PART_YEAR.fullmatch(x)))]
    if frame["_span"].nunique() < 2:
        return None
    order = sorted(frame["_span"].unique(),
                   key=lambda x: (_SPAN_ORDER.index(x) if x in _SPAN_ORDER else len(_SPAN_ORDER), x))
    out = []
    for span in order[:2]:
        sub = frame[frame["_span"] == span]
        written = sub["period"].value_counts()
        wording = sorted(written[written == written.max()].index)[0]  # most common wording, ties alphabetical
        out.append((wording, list(dict.fromkeys(sub["place"]))))
    return out[0], out[1]


def story(tables: Tables, lang: str = "zh") -> str:
    """The whole narrative as one markdown string (coverage, places, emphasis, cross-check, caveats)."""
    return "\n\n".join([coverage_paragraph(tables, lang), *places_paragraphs(tables, lang),
                        emphasis_paragraph(tables, lang), consistency_paragraph(tables, lang),
                        caveats_paragraph(tables, lang)])


def _labels(tables: Tables, lang: str = "zh") -> dict[str, str]:
    return document_labels(tables.all_docs, lang)
