"""The comparison's words: chart titles that state a finding and markdown paragraphs, all generated from tables.

No number is typed here: every number in the output is a claim's `mention`, `period` or `year` as written in
claims.csv, or in English the same figure in English units (`amount_en`: 489.12亿元 -> 48.9 bn yuan)
(tests/compare/test_narrative.py checks this). Counts and shares are given as words ("most", "none"),
documents are named by place and publisher, never by a numbered id. The one exception is an archive (more
reports than `pairwise_limit`, `Tables.archive`): its summary counts reports, claims, places and groups in
digits and cites claim_ids, since a thousand reports cannot be named one by one. In English, places and
organisations are named from the gazetteer (gongfu.compare.places), romanised with the Chinese in brackets where it has
no entry.
"""

from __future__ import annotations

import re

import pandas as pd

from gongfu.compare.load import Tables
from gongfu.compare.places import document_labels, place_label
from gongfu.compare.select import UNASSIGNED, document_place
from gongfu.extract.periods import period_key
from gongfu.lexicon import THEMES_FILE, indicator_label, load_words, theme_label

LANGS = ("zh", "en")


def check_lang(lang: object) -> str:
    """The `lang` parameter, zh or en, or a GongfuError saying what to pass."""
    from gongfu.errors import GongfuError

    if lang not in LANGS:
        raise GongfuError(f"lang={lang!r}: expected zh (Chinese) or en (English). Use e.g. -p lang en.")
    return str(lang)


# --------------------------------------------------------------------------- figures in English units

_QUALIFIER_EN = {"approx": "about ", "over": "over ", "under": "under "}
_SCALES_EN = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def _number_en(value: float, scaled: bool = True) -> str:
    """48912000000 -> '48.9 bn', 1200000 -> '1.2 m', 38856 -> '38,856', 45.89 -> '45.89'."""
    for base, name in _SCALES_EN if scaled else ():
        if abs(value) >= base:
            return f"{value / base:.3g} {name}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"


def amount_en(row: dict) -> str:
    """A claim's figure in English units, from value, low/high, unit and qualifier (not from the Chinese
    mention): 489.12亿元 -> '48.9 bn yuan', 120万人 -> '1.2 m people', 104家 -> '104 firms', 约12亿 -> 'about
    1.2 bn yuan', 3-5家 -> '3–5 firms', 7.7% -> '7.7%'. A unit the word table lacks is kept in Chinese."""
    unit = str(row.get("unit") or "")
    mention = str(row.get("mention") or "")
    if unit in ("ratio", "比值"):
        return re.sub(r"[^0-9.:]", "", mention.replace("：", ":")) or mention
    value = pd.to_numeric(row.get("value"), errors="coerce")
    if pd.isna(value):
        return mention
    lo, hi = (pd.to_numeric(row.get(k), errors="coerce") for k in ("low", "high"))
    qualifier = _QUALIFIER_EN.get(str(row.get("qualifier") or ""), "")
    if unit in ("%", "‰"):
        figure = f"{_number_en(lo, False)}–{_number_en(hi, False)}" if pd.notna(lo) and pd.notna(hi) else \
            _number_en(float(value), False)
        return f"{qualifier}{figure}{unit}"
    if pd.notna(lo) and pd.notna(hi) and lo != hi:
        figure = f"{_number_en(float(lo))}–{_number_en(float(hi))}"
    else:
        figure = _number_en(float(value))
    many, one = load_words().units.get(unit, (unit, unit))
    word = one if float(value) == 1 and not figure.endswith(("bn", "m", "tn")) else many
    return f"{qualifier}{figure} {word}".strip() if word else f"{qualifier}{figure}"


def quote(row: dict, lang: str = "zh") -> str:
    """A claim's figure for a reader: zh the mention as written (489.12亿元), en in English units."""
    return amount_en(row) if lang == "en" else str(row.get("mention") or "")


def side_quote(pair: dict, side: str, lang: str = "zh", claims: pd.DataFrame | None = None) -> str:
    """One side (`a` or `b`) of a consistency row quoted like `quote`: from its claim in `claims` where given
    (qualifier and range kept), else from the row's own value and unit."""
    if lang != "en":
        return str(pair[f"mention_{side}"])
    if claims is not None and len(claims):
        found = claims[claims["claim_id"] == pair.get(f"claim_{side}")]
        if len(found):
            return amount_en(found.iloc[0].to_dict())
    return amount_en({"value": pair.get(f"value_{side}"), "unit": pair.get("unit"),
                      "mention": pair[f"mention_{side}"]})


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


def claim_label(row: dict, lang: str = "zh", with_period: bool = True, zh: bool | None = None) -> str:
    """'indicator（period）', with the entity first when it is not the report's own place (in en, `zh` as in
    `place_label`: False leaves out the Chinese after a romanised name, for short chart labels)."""
    indicator = indicator_label(row.get("indicator", ""), row.get("indicator_id", ""), lang) or t(
        lang, NO_INDICATOR_ZH, NO_INDICATOR_EN)
    entity = row.get("entity", "")
    if entity and entity != row.get("place", ""):
        indicator = f"{entity}·{indicator}" if lang != "en" else f"{place_label(entity, lang, zh)}: {indicator}"
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
    from gongfu.compare.select import rising

    growth = rising(growth)
    if growth.empty:
        return t(lang, "所选报道中没有增速数字", "The selected reports state no growth rates")
    top = growth.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
    return t(lang, f"{top['place']}报出最快增速：{claim_label(top, lang)}{top['mention']}",
             f"Fastest growth claimed: {quote(top, lang)}, {claim_label(top, lang)}, {place_label(top['place'], lang)}")


def money_title(money: pd.DataFrame, lang: str = "zh") -> str:
    """The largest money figure claimed, with the warning that periods differ."""
    if money.empty:
        return t(lang, "所选报道中没有金额数字", "The selected reports state no money amounts")
    top = money.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
    return t(lang, f"金额最大的是{top['place']}的{claim_label(top, lang)}{top['mention']}；各地时期不同，不能直接相比",
             f"Largest amount: {quote(top, lang)}, {claim_label(top, lang)}, {place_label(top['place'], lang)}; "
             f"periods differ, "
             f"so places are not directly comparable")


def shares_title(shares: pd.DataFrame, lang: str = "zh") -> str:
    """The highest share or rate claimed (a level in %, not growth)."""
    if shares.empty:
        return t(lang, "所选报道中没有以百分比表示的比例或比率",
                 "The selected reports state no shares or rates in per cent")
    top = shares.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
    return t(lang, f"以百分比表示的水平中最高的是{top['place']}的{claim_label(top, lang)}{top['mention']}："
                   f"是比例，不是增速",
             f"Highest level given in per cent: {quote(top, lang)}, {claim_label(top, lang)}, "
             f"{place_label(top['place'], lang)}: a share, not growth")


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


def two_sources_title(pairs: pd.DataFrame, place: str, lang: str = "zh", claims: pd.DataFrame | None = None) -> str:
    """What the two reports on one place say about the same indicators (`claims`: to quote each side in
    English units with its qualifier)."""
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
                     f"The two reports on {name} disagree on {ind}: {side_quote(r, 'a', lang, claims)} vs "
                     f"{side_quote(r, 'b', lang, claims)}")
        return t(lang, f"{place}两篇报道的{ind}数字不同：{r['mention_a']}与{r['mention_b']}，但时期不明，未必矛盾",
                 f"The two reports on {name} give different {ind} figures, {side_quote(r, 'a', lang, claims)} vs "
                 f"{side_quote(r, 'b', lang, claims)}, for periods the texts do not fix: not necessarily a "
                 f"contradiction")
    if all(r["status"] == "agree" for r in rows):
        return t(lang, f"{place}两篇报道的共同指标说法一致", f"The two reports on {name} agree")
    return t(lang, f"{place}两篇报道的共同指标无法直接比较（时期或单位不同）",
             f"The two reports on {name} cannot be compared directly (periods or units differ)")


def two_sources_pairs(tables: Tables, place: str | None = None) -> tuple[str, pd.DataFrame]:
    """The place with two or more reports (the first, or `place`) and the pairs of claims its reports make about
    the same indicator (`compare.place_pairs`)."""
    from gongfu.compare.consistency import place_pairs, shared_places

    place = place if place is not None else next(iter(shared_places(tables.docs)), "")
    if not place or tables.archive:
        return place, tables.consistency.iloc[0:0]
    return place, place_pairs(tables.consistency, tables.claims, place)


def two_sources_table(tables: Tables, lang: str = "zh", place: str | None = None) -> pd.DataFrame:
    """The two-source check as a small table: one row per indicator both reports give, each report's figure
    with its period, and the verdict in words (empty when no place has two reports)."""
    place, pairs = two_sources_pairs(tables, place)
    labels = _labels(tables, lang)
    rows = []
    for r in pairs.to_dict("records"):
        entity = place_label(r["entity"], lang)
        indicator = indicator_label(r["indicator"], r["indicator_id"], lang)
        row = {t(lang, "指标", "indicator"): f"{entity} · {indicator}" if r["entity"] != place else indicator}
        for side in ("a", "b"):
            report = labels.get(r[f"doc_{side}"], r[f"doc_{side}"])
            period = period_label(r[f"period_{side}"], r[f"year_{side}"], lang)
            row[report] = f"{side_quote(r, side, lang, tables.claims)}（{period}）" if lang != "en" else \
                f"{side_quote(r, side, lang, tables.claims)} ({period})"
        row[t(lang, "结论", "verdict")] = status_label(r, lang)
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- paragraphs

def coverage_paragraph(tables: Tables, lang: str = "zh") -> str:
    """Which reports are compared, which were left out and why (in an archive: how many)."""
    if tables.archive:
        return archive_coverage_paragraph(tables, lang)
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


def places_paragraphs(tables: Tables, lang: str = "zh", top_n: int = 12) -> list[str]:
    """Per place: the biggest money figure and the fastest growth rate its reports claim (in an archive, for
    the `top_n` places and organisations with the most claims)."""
    from gongfu.compare.select import check_top_n, growth_claims, money_claims, rising

    check_top_n(top_n)
    if tables.archive:
        return archive_places_paragraphs(tables, lang, top_n)
    claims, out, labels = tables.claims, [], _labels(tables, lang)
    places = list(dict.fromkeys(document_place(r) for r in tables.docs.to_dict("records")))
    money, growth = money_claims(claims), rising(growth_claims(claims))
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
                           f"its largest amount is {quote(r, lang)}, {claim_label(r, lang)}{cite(r)}"))
        if len(g):
            r = g.sort_values(["value", "claim_id"], ascending=[False, True]).iloc[0].to_dict()
            parts.append(t(lang, f"增速最快的是{claim_label(r, lang)}增长{r['mention']}{cite(r)}",
                           f"its fastest growth is {quote(r, lang)}, {claim_label(r, lang)}{cite(r)}"))
        n_claims = int((claims["place"] == place).sum()) if len(claims) else 0
        if not parts:
            parts.append(t(lang, "所选报道中没有金额或增速数字" if n_claims else "所选报道中没有任何数字说法",
                           "its reports state no amount or growth rate" if n_claims else
                           "its reports make no numeric claim"))
        out.append(t(lang, f"**{place}**：{'；'.join(parts)}。",
                     f"**{place_label(place, lang, zh=True)}**: {'; '.join(parts)}."))
    return out


def emphasis_paragraph(tables: Tables, lang: str = "zh") -> str:
    """Per report: the two themes its text gives most space to (in words, no shares); in an archive, how many
    reports each theme leads."""
    if tables.archive:
        return archive_emphasis_paragraph(tables, lang)
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
    """The cross-source check in words: each pair of claims about the same thing and the verdict (in an
    archive, the groups' verdicts and the first to check)."""
    if tables.archive:
        return archive_consistency_paragraph(tables, lang)
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
                       f"{side_quote(r, 'a', lang, tables.claims)} ({pa}), {labels.get(r['doc_b'], r['doc_b'])} says "
                       f"{side_quote(r, 'b', lang, tables.claims)} ({pb}): {status_label(r, lang)}"))
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
    elif pair and tables.archive:  # places by the hundred: the periods alone
        (a, _), (b, _) = pair
        parts.append(t(lang, f"各报道数字的时期不同：如{a}与{b}不是同一时期，只有同一时期的数字才作比较",
                       f"the figures cover different periods: {period_label(a, '', lang)} and "
                       f"{period_label(b, '', lang)} are not the same period, and only same-period figures are "
                       f"compared"))
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
    if tables.archive:
        parts.append(t(lang, "档案中同一篇报道可能被转载多次，每次都计为一篇：篇数与条数是报道的多少，不是事实的多少；"
                             "各组的范围跨越转载与改写，先核对原句再下结论",
                       "an archive may hold the same report many times over, each copy counted as a report: "
                       "counts measure coverage, not facts; a group's range spans reprints and rewrites, so "
                       "check the sentences before concluding"))
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


# --------------------------------------------------------------------------- archive summaries
#
# Past `pairwise_limit` reports, report-by-report prose would run to pages: the text becomes a summary. Its
# counts (reports, claims, places, groups) are computed and say so; every figure quoted is still a claim's
# `mention` as written, and the full lists are in claims.csv and consistency_groups.csv.

def ranked_subjects(claims: pd.DataFrame) -> pd.Series:
    """Claims per place or organisation (`compare.claim_subjects`), most first (ties: by name); unnamed ones
    left out."""
    from gongfu.compare.select import claim_subjects

    subjects = claim_subjects(claims)
    counts = subjects[subjects != ""].value_counts()
    if counts.empty:
        return counts
    order = sorted(counts.index, key=lambda s: (-counts[s], s))
    return counts.reindex(order)


def cut_note(shown: int, total: int, lang: str = "zh") -> str:
    """What a top-N chart or list leaves out: '显示说法最多的12个（共37个）地方或机构'."""
    if shown >= total:
        return t(lang, f"全部{total}个地方或机构", f"all {total} places and organisations")
    return t(lang, f"显示说法最多的{shown}个地方或机构（共{total}个）",
             f"{shown} of {total} places and organisations shown, most claims first")


def archive_coverage_paragraph(tables: Tables, lang: str = "zh") -> str:
    """An archive's coverage in counts: reports, claims, places; what was left out, by count."""
    n_docs, n_claims = len(tables.docs), len(tables.claims)
    n_places = len(ranked_subjects(tables.claims))
    limit = tables.pairwise_limit
    text = t(lang, f"本页是档案汇总：{n_docs}篇报道、{n_claims}条数字说法，涉及{n_places}个地方或机构。"
                   f"报道多于{limit}篇（参数 pairwise_limit），因此不再逐篇、逐对比较，而是按地方与指标汇总；"
                   f"每个数字仍可凭 claim_id 在 claims.csv 中找到原句。",
             f"This page summarises an archive: {n_docs} reports, {n_claims} numeric claims about {n_places} "
             f"places and organisations. With more than {limit} reports (parameter pairwise_limit) it no longer "
             f"compares report by report or pair by pair but sums up by place and indicator; every figure can "
             f"still be traced to its sentence in claims.csv by its claim_id.")
    if len(tables.left_out):
        status = tables.left_out["status"] if "status" in tables.left_out.columns else pd.Series(dtype=str)
        failed = int((status == "failed").sum())
        unselected = len(tables.left_out) - failed
        if unselected:
            text += t(lang, f"按参数排除{unselected}篇。", f" {unselected} reports left out by the parameters.")
        if failed:
            text += t(lang, f"清洗失败{failed}篇，未纳入（原因见 documents.csv 的 reason 列）。",
                      f" {failed} reports left out because cleaning failed (see the reason column of "
                      f"documents.csv).")
    if tables.missing_texts:
        text += t(lang, f"{len(tables.missing_texts)}篇缺少清洗后正文，不计入篇幅分析。",
                  f" {len(tables.missing_texts)} reports have no cleaned text, so are not in the theme-emphasis "
                  f"analysis.")
    return text


def _top_claim_per_subject(frame: pd.DataFrame) -> dict[str, dict]:
    """subject -> its claim with the largest value (ties: first claim_id)."""
    if frame.empty:
        return {}
    from gongfu.compare.select import claim_subjects

    ranked = frame.assign(_subject=claim_subjects(frame)).sort_values(["value", "claim_id"],
                                                                       ascending=[False, True])
    return {r["_subject"]: r for r in ranked.drop_duplicates("_subject").to_dict("records")}


def archive_places_paragraphs(tables: Tables, lang: str = "zh", top_n: int = 12) -> list[str]:
    """The `top_n` places and organisations with the most claims: how many claims, from how many reports,
    and the largest amount and fastest growth claimed about each; then how many are not listed."""
    from gongfu.compare.select import claim_subjects, growth_claims, money_claims, rising

    claims = tables.claims
    ranked = ranked_subjects(claims)
    if ranked.empty:
        return [t(lang, "所选报道中没有任何指明地方或机构的数字说法。",
                  "The selected reports make no numeric claim about a named place or organisation.")]
    reports = claims.assign(_subject=claim_subjects(claims)).groupby("_subject")["doc_id"].nunique()
    money, growth = _top_claim_per_subject(money_claims(claims)), _top_claim_per_subject(rising(growth_claims(claims)))
    out = []
    for subject in ranked.index[:top_n]:
        parts = [t(lang, f"{ranked[subject]}条说法，出自{reports[subject]}篇报道",
                   f"{ranked[subject]} claims in {reports[subject]} reports")]
        for found, zh, en in (
                (money.get(subject), "金额最大的说法是{label}{m}", "its largest amount is {m}, {label}"),
                (growth.get(subject), "增速最快的是{label}增长{m}", "its fastest growth is {m}, {label}")):
            if found is not None:
                row = {**found, "place": subject}  # the entity is the subject: no prefix in its label
                label = claim_label(row, lang)
                parts.append(t(lang, zh.format(label=label, m=found["mention"]),
                               en.format(label=label, m=quote(found, lang)))
                             + t(lang, f"（`{found['claim_id']}`）", f" (`{found['claim_id']}`)"))
        out.append(t(lang, f"**{subject}**：{'；'.join(parts)}。",
                     f"**{place_label(subject, lang, zh=True)}**: {'; '.join(parts)}."))
    if len(ranked) > top_n:
        out.append(t(lang, f"以上是说法最多的{top_n}个地方或机构；其余{len(ranked) - top_n}个见 claims.csv"
                           f"（参数 top_n）。",
                     f"These are the {top_n} places and organisations with the most claims; the other "
                     f"{len(ranked) - top_n} are in claims.csv (parameter top_n)."))
    return out


def leading_themes(shares: pd.DataFrame, themes_file=THEMES_FILE) -> pd.Series:
    """How many texts give the most space to each theme (lexicon order, themes that lead none left out)."""
    from gongfu.lexicon import load_themes

    counts = pd.Series(list(top_themes(shares).values()), dtype=str).value_counts()
    order = [x.theme_id for x in load_themes(themes_file) if x.theme_id in counts.index]
    return counts.reindex(order + sorted(set(counts.index) - set(order)))


def archive_emphasis_paragraph(tables: Tables, lang: str = "zh") -> str:
    """Per theme, how many reports give it the most space (counts, most first)."""
    leaders = leading_themes(tables.shares, tables.themes_file)
    if leaders.empty:
        return t(lang, "没有可用于篇幅分析的正文。", "There is no cleaned text to measure emphasis on.")
    order = sorted(leaders.index, key=lambda x: -leaders[x])  # stable: ties keep the lexicon order
    total = int(leaders.sum())
    parts = [t(lang, f"「{theme_label(x, lang, tables.themes_file)}」{leaders[x]}篇",
               f"{theme_label(x, lang, tables.themes_file).lower()} in {leaders[x]}") for x in order]
    return t(lang, f"在{total}篇有主题关键词的正文中，篇幅最多给了：{'、'.join(parts)}。",
             f"Of {total} texts with theme keywords, the theme given the most space is {join(parts, lang)}.")


def group_label(row: dict, lang: str = "zh") -> str:
    """'entity·indicator（period）' for one consistency group."""
    ind = indicator_label(row["indicator"], row["indicator_id"], lang) or t(lang, NO_INDICATOR_ZH, NO_INDICATOR_EN)
    if row.get("is_growth") in (True, "True"):
        ind += t(lang, "增速", " growth")
    period = period_label(row["period"], row["year"], lang)
    return t(lang, f"{row['entity']}·{ind}（{period}）", f"{place_label(row['entity'], lang)}: {ind} ({period})")


def group_counts(groups: pd.DataFrame) -> dict[str, int]:
    """Groups per verdict: disagree, unclear (period unclear, values differ), other (agree or unclear but
    the values agree)."""
    if groups.empty:
        return {"disagree": 0, "unclear": 0, "other": 0}
    values_differ = groups["values_agree"].map(lambda v: str(v) == "False")
    disagree = int((groups["status"] == "disagree").sum())
    unclear = int(((groups["status"] == "period_unclear") & values_differ).sum())
    return {"disagree": disagree, "unclear": unclear, "other": len(groups) - disagree - unclear}


def archive_consistency_paragraph(tables: Tables, lang: str = "zh", examples: int = 3) -> str:
    """The group-by-group cross-check in words: how many groups, their verdicts, the first few to check."""
    from gongfu.compare.consistency import rank_groups

    groups = tables.groups
    if groups.empty:
        return t(lang, "交叉核对：没有同一地方、同一指标、同一时期的数字出自两篇以上报道，因此无从核对。",
                 "Cross-check: no number for the same place, indicator and period comes from two or more "
                 "reports, so there is nothing to cross-check.")
    n = group_counts(groups)
    text = t(lang, f"交叉核对（按组，见 consistency_groups.csv）：{len(groups)}组数字（同一地方或机构、同一指标、"
                   f"同一时期）出自两篇以上报道；其中{n['disagree']}组同一时期的数字不一致，{n['unclear']}组数字不同但"
                   f"时期不明（未必矛盾），其余{n['other']}组一致或时期不明而数字相符。",
             f"Cross-check (by group, see consistency_groups.csv): {len(groups)} groups of figures (same place "
             f"or organisation, indicator and period) come from two or more reports; in {n['disagree']} the "
             f"figures for the same period disagree, in {n['unclear']} they differ but the periods are unclear "
             f"(not necessarily a contradiction), and the other {n['other']} agree or are unclear with matching "
             f"values.")
    worth = [r for r in rank_groups(groups).to_dict("records") if differs(r)][:examples]
    if worth:
        items = [t(lang, f"{group_label(r, lang)}：{r['documents']}篇报道，如{r['mention_a']}（`{r['claim_a']}`）"
                         f"与{r['mention_b']}（`{r['claim_b']}`）",
                   f"{group_label(r, lang)}: {r['documents']} reports, e.g. {side_quote(r, 'a', lang, tables.claims)} "
                   f"(`{r['claim_a']}`) vs {side_quote(r, 'b', lang, tables.claims)} (`{r['claim_b']}`)")
                 for r in worth]
        text += t(lang, "最该核对的：" + "；".join(items) + "。", " To check first: " + "; ".join(items) + ".")
    return text


def archive_heatmap_title(per_theme: pd.Series, shown: int, total: int, lang: str = "zh",
                          themes_file=THEMES_FILE) -> str:
    """The theme with the most claims in the archive, and which places the chart shows."""
    assigned = per_theme.drop(index=UNASSIGNED, errors="ignore")
    if per_theme.sum() == 0:
        return t(lang, "所选报道中没有数字说法", "The selected reports make no numeric claims")
    if assigned.sum() == 0:
        return t(lang, f"这些数字尚未归入任何主题；{cut_note(shown, total, lang)}",
                 f"None of the numbers could be given a theme yet; {cut_note(shown, total, lang)}")
    top = theme_label(assigned.idxmax(), lang, themes_file)  # ties: the lexicon's order
    return t(lang, f"「{top}」的数字最多；{cut_note(shown, total, lang)}",
             f"{top} has the most numbers; {cut_note(shown, total, lang)}")


def archive_range_title(kind: str, top: str, shown: int, total: int, lang: str = "zh") -> str:
    """Title of an archive range chart (kind growth or money): who is claimed about most, and what is shown."""
    if not top:
        return t(lang, "所选报道中没有增速数字" if kind == "growth" else "所选报道中没有金额数字",
                 "The selected reports state no growth rates" if kind == "growth" else
                 "The selected reports state no money amounts")
    what_zh, what_en = ("增速", "growth") if kind == "growth" else ("金额", "money")
    return t(lang, f"{what_zh}说法最多的是{top}：各指标的中位数与范围；{cut_note(shown, total, lang)}",
             f"Most {what_en} claims are about {place_label(top, lang)}: median and range per indicator; "
             f"{cut_note(shown, total, lang)}")


def theme_leaders_title(leaders: pd.Series, lang: str = "zh", themes_file=THEMES_FILE) -> str:
    """The theme the most texts give the most space to, with how many of how many."""
    if leaders.empty:
        return t(lang, "没有可分析的正文", "No text to analyse")
    top_id = leaders.idxmax()  # ties: the lexicon's order
    top, n, total = theme_label(top_id, lang, themes_file), int(leaders[top_id]), int(leaders.sum())
    if n * 2 > total:
        return t(lang, f"多数报道篇幅最多给了「{top}」（{total}篇中的{n}篇）",
                 f"Most reports give most space to {top.lower()} ({n} of {total})")
    return t(lang, f"篇幅最多给「{top}」的报道最多，但不过半（{total}篇中的{n}篇）",
             f"More reports give most space to {top.lower()} than to any other theme, but not most ({n} of {total})")


def groups_title(groups: pd.DataFrame, shown: int, lang: str = "zh") -> str:
    """The archive cross-check's finding: how many groups disagree, and which the chart shows."""
    if groups.empty:
        return t(lang, "没有同一指标、同一时期的数字出自两篇以上报道",
                 "No figure for the same indicator and period comes from two or more reports")
    n = group_counts(groups)
    return t(lang, f"{len(groups)}组同一指标的数字出自多篇报道：{n['disagree']}组同一时期不一致，{n['unclear']}组"
                   f"数字不同但时期不明；图中为最该核对的{shown}组",
             f"{len(groups)} groups of figures come from several reports: {n['disagree']} disagree for the same "
             f"period, {n['unclear']} differ with unclear periods; the {shown} to check first are shown")


def _labels(tables: Tables, lang: str = "zh") -> dict[str, str]:
    return document_labels(tables.all_docs, lang)
