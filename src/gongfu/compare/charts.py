"""The comparison charts: each takes the tables and returns a `Chart` whose title states its finding.

Five charts for a few reports (theme heatmap, growth, money, emphasis, two sources) and aggregate charts
for an archive. Fonts and saving are in `gongfu.compare.figure`."""

from __future__ import annotations

from pathlib import Path
from textwrap import fill

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from gongfu.compare import kinds, narrative
from gongfu.compare.consistency import rank_groups, relative_difference
from gongfu.compare.emphasis import theme_counts
from gongfu.compare.figure import Chart, png_bytes, save_figure
from gongfu.compare.load import Tables
from gongfu.compare.places import document_labels, place_label
from gongfu.compare.select import (
    UNASSIGNED,
    check_top_n,
    claim_subjects,
    document_place,
    growth_claims,
    money_claims,
    other_currencies,
)
from gongfu.lexicon import THEMES_FILE, load_themes, theme_label

# =========================================================================== the five comparison charts
#
# Each chart function takes tables (see gongfu.compare.load) and returns a `Chart`: a figure whose title states
# its finding and whose foot names the source documents, or, when there is nothing to draw, no figure and
# a message saying why (never an empty axis).

THEME_COLOURS = {"economy": "#4C72B0", "income": "#DD8452", "services": "#DA8BC3", "governance": "#8172B3",
                 "environment": "#55A868", "party": "#C44E52", UNASSIGNED: "#CFCFCF"}
DIFFER_COLOUR, UNCLEAR_COLOUR, AGREE_COLOUR, NEUTRAL_COLOUR = "#C0392B", "#E08E0B", "#4C72B0", "#9E9E9E"
DEFAULT_SIZE = (9.0, 5.5)
# The files the comparison writes (figures_dir/<name>.png|svg), in reading order: five reports, an archive.
CHART_NAMES = ("1_themes_by_document", "2_growth_by_place", "3_money_by_place", "4_shares_by_place",
               "5_theme_emphasis")
ARCHIVE_CHART_NAMES = ("1_themes_by_place", "2_growth_ranges", "3_money_ranges", "4_theme_leaders",
                       "5_cross_check_groups")


def source_line(docs: pd.DataFrame, lang: str = "zh", all_docs: pd.DataFrame | None = None) -> str:
    """'来源：' and each document's label with its publication date where known."""
    labels = document_labels(all_docs if all_docs is not None else docs, lang)
    items = []
    for row in docs.to_dict("records"):
        date = str(row.get("published") or "").strip()
        items.append(labels[str(row["doc_id"])] + (f" {date}" if date else ""))
    return narrative.t(lang, "来源：", "Source: ") + ("；" if lang != "en" else "; ").join(items)


def wrap_text(text: str, width: int, breaks: str = "；;，,：:、 ") -> str:
    """Wrap mixed Chinese/English text to lines of about `width` characters (CJK counted double width
    of ASCII), breaking after punctuation or spaces where possible, never inside a number."""
    lines, line, weight, last_break = [], "", 0.0, -1
    for ch in text:
        line += ch
        weight += 1 if ord(ch) > 0x2E7F else 0.55
        if ch in breaks:
            last_break = len(line)
        if weight > width:
            cut = last_break if last_break > 0 else len(line)
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
            weight = sum(1 if ord(c) > 0x2E7F else 0.55 for c in line)
            last_break = -1
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


# The cross-check charts' colour key, shared by the five-report panels and the archive ranges.
_STATUS_KEY_ZH = "红色 = 同一时期的数字不一致；橙色 = 数字不同但时期不明（未必矛盾）；蓝色 = 一致"
_STATUS_KEY_EN = ("Red = figures for the same period disagree; orange = figures differ but the periods are unclear "
                  "(not necessarily a contradiction); blue = agree")


def _despine(ax: plt.Axes, sides: tuple[str, ...] = ("top", "right")) -> None:
    """Hide the frame lines that carry no scale."""
    for side in sides:
        ax.spines[side].set_visible(False)


def _finish(fig: plt.Figure, title: str, source: str, note: str = "") -> plt.Figure:
    """Title (the finding) on top, the source line (and a note) at the foot, both wrapped to the figure width."""
    width = fig.get_figwidth()
    # The packaged font has one (regular) face: hierarchy comes from size and colour, never from bold.
    fig.suptitle(wrap_text(title, int(width * 72 / 14.5)), x=0.01, ha="left", fontsize=13.5, color="#111111")
    foot = "\n".join(wrap_text(x, int(width * 72 / 8.2)) for x in (note, source) if x)
    fig.text(0.01, 0.0, foot, ha="left", va="top", fontsize=7.5, color="#555555")
    return fig


def _empty(name: str, title: str, lang: str, why_zh: str, why_en: str) -> Chart:
    return Chart(name, title, None, narrative.t(lang, why_zh, why_en))


def _wrap(label: str, width: int) -> str:
    return fill(label, width) if label.isascii() else wrap_text(label, width)


# --------------------------------------------------------------------------- 1. theme x document heatmap

def _theme_grid(matrix: np.ndarray, themes: list[str], rows: list[str], lang: str, themes_file,
                size: tuple[float, float], fontsize: int) -> plt.Figure:
    """A count grid: one column per theme (labelled on top), one row per report or place, counts in the cells
    (· for none), shaded by count. Shared by the five-report and the archive theme charts."""
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    ax.imshow(matrix, cmap="Blues", aspect="auto", vmin=0, vmax=max(matrix.max(), 1))
    for (i, j), n in np.ndenumerate(matrix):
        ax.text(j, i, str(n) if n else "·", ha="center", va="center", fontsize=fontsize,
                color="white" if n > matrix.max() * 0.6 else "#333333")
    ax.set_xticks(range(len(themes)),
                  [_wrap(theme_label(x, lang, themes_file) if x != UNASSIGNED else
                         narrative.t(lang, "未归类", "unassigned"), 12 if lang == "en" else 5)
                   for x in themes])
    ax.set_yticks(range(len(rows)), rows)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def theme_heatmap(claims: pd.DataFrame, docs: pd.DataFrame, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                  themes_file=THEMES_FILE, all_docs: pd.DataFrame | None = None) -> Chart:
    """Claims per theme (columns) and document (rows), counts written in the cells."""
    counts = theme_counts(claims, docs, themes_file)
    title = narrative.heatmap_title(counts, lang, themes_file)
    if claims.empty or counts.to_numpy().sum() == 0:
        return _empty("1_themes_by_document", title, lang, "所选报道中没有数字说法，因此没有主题分布图。",
                      "The selected reports make no numeric claims, so there is no theme chart.")
    if counts.loc[UNASSIGNED].sum() == 0:
        counts = counts.drop(index=UNASSIGNED)
    labels = document_labels(all_docs if all_docs is not None else docs, lang)
    fig = _theme_grid(counts.T.to_numpy(), list(counts.index),
                      [_wrap(labels[d], 28 if lang == "en" else 14) for d in counts.columns], lang, themes_file,
                      size, fontsize=10)
    note = narrative.t(lang, "格中数字 = 该报道中属于该主题的数字说法条数。",
                       "Cell = number of claims in that report about that theme.")
    return Chart("1_themes_by_document", title, _finish(fig, title, source_line(docs, lang, all_docs), note))


# --------------------------------------------------------------------------- rows of dots grouped by place

Row = tuple[str, str, dict | None]  # (kind: header/none/claim, label, claim row)


def place_groups(docs: pd.DataFrame, all_docs: pd.DataFrame | None = None,
                 lang: str = "zh") -> list[tuple[str, list[str]]]:
    """(header, doc_ids) in documents.csv order: one group per place, or one per report where a place has
    several (headed 临江街道 A, 临江街道 B) so each dot can be traced to its report; headers in `lang`."""
    labels = document_labels(all_docs if all_docs is not None else docs, lang, publisher=False)
    records = docs.to_dict("records")
    groups: list[tuple[str, list[str]]] = []
    for place in dict.fromkeys(document_place(r) for r in records):
        ids = [str(r["doc_id"]) for r in records if document_place(r) == place]
        groups.extend([(labels[d], [d]) for d in ids] if len(ids) > 1 else [(place_label(place, lang), ids)])
    return groups


def _place_rows(frame: pd.DataFrame, groups: list[tuple[str, list[str]]], lang: str,
                show_empty: bool = True) -> list[Row]:
    """Rows for a dot chart: a header per group, then its claims; a note for a group with none (or, without
    `show_empty`, no rows for it at all)."""
    rows: list[Row] = []
    for header, doc_ids in groups:
        sub = frame[frame["doc_id"].isin(doc_ids)].sort_values(["period", "value", "claim_id"],
                                                               ascending=[True, False, True])
        if sub.empty and not show_empty:
            continue
        rows.append(("header", header, None))
        if sub.empty:
            none = narrative.t(lang, "（所选报道中没有此类数字）", "(no such claim in its reports)")
            rows.append(("none", none, None))
        rows.extend(("claim", narrative.claim_label(r, lang, zh=False), r) for r in sub.to_dict("records"))
    return rows


def _dot_figure(panels: list[list[Row]], size: tuple[float, float]) -> tuple[plt.Figure, list[plt.Axes]]:
    """One axes per panel, stacked, each as tall as its rows (taller rows where a label wraps, so no two labels
    touch); the figure never shorter than `size`."""
    heights = [0.32 * len(rows) * _row_lines(rows) + 0.8 for rows in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(size[0], max(size[1], sum(heights) + 0.7)),
                             layout="constrained", squeeze=False, gridspec_kw={"height_ratios": heights})
    for ax, rows in zip(axes[:, 0], panels, strict=True):
        _dot_rows(ax, rows)
    return fig, list(axes[:, 0])


def _row_label(label: str) -> str:
    return _wrap(label, 60 if label.isascii() else 30)


def _row_lines(rows: list[Row]) -> float:
    """Height of a row, in single-line rows: one, or more where the longest wrapped label needs it."""
    lines = max([_row_label(label).count("\n") + 1 for kind, label, _ in rows if kind == "claim"] or [1])
    return 1.0 + 0.55 * (lines - 1)


def _dot_rows(ax: plt.Axes, rows: list[Row]) -> None:
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ticks, labels = [], []
    for i, (kind, label, _) in enumerate(rows):
        if kind == "header":
            if i:
                ax.axhline(i - 0.5, color="#DDDDDD", lw=0.8)
            ax.text(-0.01, i, label, transform=ax.get_yaxis_transform(), ha="right", va="center",
                    fontsize=11, color="#111111")
        elif kind == "none":
            ax.text(0.01, i, label, transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=9,
                    color="#777777", style="italic")
        else:
            ticks.append(i)
            labels.append(_row_label(label))
    ax.set_yticks(ticks, labels, fontsize=8.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#EEEEEE")
    ax.set_axisbelow(True)
    _despine(ax, ("top", "right", "left"))


def _marker(row: dict) -> str:
    """Circle for an exact figure, diamond for an approximate or bounded one (约, 超过, 余, 不到)."""
    return "o" if row["qualifier"] in ("none", "") else "D"


# --------------------------------------------------------------------------- small multiples: one panel per kind

Panel = tuple[str, pd.DataFrame]  # (panel title, its claims)


def _panel_figure(panels: list[Panel], groups: list[tuple[str, list[str]]], lang: str,
                  size: tuple[float, float]) -> tuple[plt.Figure, list[plt.Axes], list[list[Row]]]:
    """One stacked panel per kind of figure, each with its own rows grouped by place (places without such a
    figure left out of that panel), the panel's title on its top left."""
    rows = [_place_rows(frame, groups, lang, show_empty=False) for _, frame in panels]
    fig, axes = _dot_figure(rows, size)
    for ax, (name, _) in zip(axes, panels, strict=True):
        ax.set_title(name, loc="left", fontsize=10.5, color="#333333")
    return fig, axes, rows


def _label_dots(ax: plt.Axes, rows: list[Row], lang: str, colour: str, baseline: float | None = None) -> None:
    """A dot per claim (hollow for a plan or projection), its figure written beside it: direct labels, no
    legend to decode."""
    for i, (kind, _, r) in enumerate(rows):
        if kind != "claim" or r is None:
            continue
        planned = kinds.status(r) != "actual"
        lo, hi = r.get("low"), r.get("high")
        if pd.notna(lo) and pd.notna(hi) and lo > 0:
            ax.plot([lo, hi], [i, i], color=colour, lw=3, alpha=0.5)
        elif baseline is not None:
            ax.plot([baseline, r["value"]], [i, i], color="#BBBBBB", lw=1, zorder=1)
        ax.scatter([r["value"]], [i], s=44, marker=_marker(r), zorder=3, linewidths=1.4,
                   color="white" if planned else colour, edgecolors=colour)
        ax.annotate(narrative.quote(r, lang), (r["value"], i), xytext=(7, 0), textcoords="offset points",
                    va="center", fontsize=8.5, color="#222222")


# --------------------------------------------------------------------------- 2. growth claims

def growth_families(growth: pd.DataFrame, lang: str, themes_file=THEMES_FILE) -> list[Panel]:
    """Growth rates in one panel per indicator family (the theme of the indicator, in the lexicon's order):
    GDP beside industrial output, a school's admission rate in a panel of its own."""
    order = [x.theme_id for x in load_themes(themes_file)] + [UNASSIGNED]
    out = []
    for theme in order:
        frame = growth[growth["theme"] == theme]
        if len(frame):
            name = theme_label(theme, lang, themes_file) if theme != UNASSIGNED else narrative.t(
                lang, "未归类", "no theme")
            out.append((name, frame))
    return out


def growth_dots(claims: pd.DataFrame, docs: pd.DataFrame, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                all_docs: pd.DataFrame | None = None, themes_file=THEMES_FILE) -> Chart:
    """Every growth rate, one dot per claim, in one panel per indicator family, grouped by place, labelled with
    indicator and period; every panel on the same scale."""
    growth = growth_claims(claims)
    title = narrative.growth_title(growth, lang)
    if growth.empty:
        return _empty("2_growth_by_place", title, lang, "所选报道中没有增速数字，因此没有增速图。",
                      "The selected reports state no growth rates, so there is no growth chart.")
    panels = growth_families(growth, lang, themes_file)
    groups = place_groups(docs, all_docs, lang)
    fig, axes, rows = _panel_figure(panels, groups, lang, size)
    lo, hi = min(0.0, growth["value"].min()) * 1.15, growth["value"].max() * 1.3
    for ax, panel_rows in zip(axes, rows, strict=True):
        _label_dots(ax, panel_rows, lang, AGREE_COLOUR, baseline=0.0)
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}%"))
    axes[-1].set_xlabel(narrative.t(lang, "增长率（%），各自报道的时期", "growth rate (%), each for its own period"))
    note = narrative.t(lang, "每个点是一条增速说法，按指标类别分栏（同一刻度）；菱形 = 约数或“超过”；"
                             "空心 = 计划或预期。各增速的时期与基数不同，只能看作各自的说法。",
                       "One dot per growth claim, one panel per indicator family (same scale); diamond = "
                       "approximate or 'over'; hollow = a plan or projection. Periods and bases differ: read each "
                       "on its own.")
    silent = [header for header, ids in groups if not growth["doc_id"].isin(ids).any()]
    if silent:
        note += narrative.t(lang, f"没有增速说法：{'、'.join(silent)}。", f" No growth claim: {', '.join(silent)}.")
    return Chart("2_growth_by_place", title, _finish(fig, title, source_line(docs, lang, all_docs), note))


# --------------------------------------------------------------------------- 3. money claims, log axis

_BASIS_EN = {"人": "person", "户": "household", "亩": "mu", "日": "day", "年": "year"}


def money_kinds(money: pd.DataFrame, lang: str) -> list[Panel]:
    """Money amounts in one panel per kind: totals reached, then one panel per per-unit basis (per person,
    per mu ...), then plans and projections: never two kinds on one axis."""
    if money.empty:
        return []
    frame = kinds.with_kinds(money)
    actual = frame[frame["status"] == "actual"]
    out = [(narrative.t(lang, "总量（元）", "Totals (yuan)"), actual[actual["basis"] == ""])]
    for basis in sorted(set(actual["basis"]) - {""}):
        en = _BASIS_EN.get(basis, basis)
        out.append((narrative.t(lang, f"每{basis}（元/{basis}）：单位与总量不同，单独成栏",
                                f"Per {en} (yuan per {en}): a different unit from totals, drawn on its own"),
                    actual[actual["basis"] == basis]))
    planned = frame[frame["status"] != "actual"]
    out.append((narrative.t(lang, "计划与预期（尚未实现）", "Plans and projections (not yet reached)"), planned))
    return [(name, f) for name, f in out if len(f)]


def money_dots(claims: pd.DataFrame, docs: pd.DataFrame, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
               all_docs: pd.DataFrame | None = None) -> Chart:
    """Money amounts (元) per place on a log axis, one panel per kind (totals, each per-unit basis, plans),
    one colour, each dot labelled with its figure and each row with its indicator and period."""
    money = money_claims(claims, plans=True)  # plans and projections get their own panel
    title = narrative.money_title(money, lang)
    if money.empty:
        return _empty("3_money_by_place", title, lang, "所选报道中没有金额数字，因此没有金额图。",
                      "The selected reports state no money amounts, so there is no money chart.")
    panels = money_kinds(money, lang)
    fig, axes, rows = _panel_figure(panels, place_groups(docs, all_docs, lang), lang, size)
    for ax, panel_rows, (_, frame) in zip(axes, rows, panels, strict=True):
        _label_dots(ax, panel_rows, lang, AGREE_COLOUR)
        ax.set_xscale("log")
        ax.set_xlim(*_decades(frame["value"].min() / 3, frame["value"].max() * 12))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: _yuan(v, lang)))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())  # no 2×10⁴ labels between the decades
        ax.set_xlabel(narrative.t(lang, "金额（元，对数刻度）", "amount (yuan, log scale)"), fontsize=8.5)
    note = narrative.t(lang, "每个点是一条金额说法，括号内为时期；菱形 = 约数或“余/超”；空心 = 计划或预期。"
                             "总量、人均（或亩均）与计划各占一栏，时期不同的数字不能相比。",
                       "One dot per amount, period in brackets; diamond = approximate or 'over'; hollow = a plan or "
                       "projection. Totals, per-unit amounts and plans each have their own panel; figures for "
                       "different periods are not comparable.")
    others = other_currencies(claims)
    if others:
        note += narrative.t(lang, f"以{'、'.join(others)}计的金额未画入（不能与元同轴）。",
                            f" Amounts in {', '.join(others)} are left out (not on a yuan axis).")
    return Chart("3_money_by_place", title, _finish(fig, title, source_line(docs, lang, all_docs), note))


def _decades(lo: float, hi: float) -> tuple[float, float]:
    """Limits widened to whole powers of ten, at least two apart, so a log axis always shows labelled ticks."""
    a, b = np.floor(np.log10(lo)), np.ceil(np.log10(hi))
    return 10.0 ** min(a, b - 2), 10.0 ** b


def _yuan(value: float, lang: str) -> str:
    """Axis tick: 1万, 100万, 1亿, 1万亿 (zh) or 10k, 1m, 100m, 1bn, 1tn (en)."""
    steps = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")] if lang != "en" else [(1e12, "tn"), (1e9, "bn"), (1e6, "m"),
                                                                         (1e3, "k")]
    for base, name in steps:
        if value >= base:
            return f"{value / base:g}{name}"
    return f"{value:g}"


# --------------------------------------------------------------------------- 4. shares and rates (levels in %)

def share_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Levels given in % (shares, rates, progress: 研发投入强度2.28%, 办结率100%), not growth rates."""
    if claims.empty:
        return claims
    return claims[~claims["is_growth"] & (claims["unit"] == "%") & claims["value"].notna()].reset_index(drop=True)


def share_dots(claims: pd.DataFrame, docs: pd.DataFrame, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
               all_docs: pd.DataFrame | None = None) -> Chart:
    """Shares and rates (% levels) per place on a 0-100 scale, kept apart from growth rates (% changes)."""
    shares = share_claims(claims)
    title = narrative.shares_title(shares, lang)
    if shares.empty:
        return _empty("4_shares_by_place", title, lang, "所选报道中没有以百分比表示的比例或比率，因此没有比例图。",
                      "The selected reports state no shares or rates in per cent, so there is no shares chart.")
    panels = [(narrative.t(lang, "比例与比率（%）：不是增速", "Shares and rates (%): levels, not growth"), shares)]
    fig, axes, rows = _panel_figure(panels, place_groups(docs, all_docs, lang), lang, size)
    ax = axes[0]
    _label_dots(ax, rows[0], lang, AGREE_COLOUR, baseline=0.0)
    ax.set_xlim(0, max(100.0, float(shares["value"].max())) * 1.18)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}%" if v <= 100 else ""))
    note = narrative.t(lang, "每个点是一条以百分比表示的水平（占比、完成率、进度），不是增长率；菱形 = 约数或“以上”。",
                       "One dot per level given in per cent (a share, a completion rate, progress), not a growth "
                       "rate; diamond = approximate or 'over'.")
    return Chart("4_shares_by_place", title, _finish(fig, title, source_line(docs, lang, all_docs), note))


# --------------------------------------------------------------------------- 5. theme emphasis per text

def theme_emphasis(shares: pd.DataFrame, docs: pd.DataFrame, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                   themes_file=THEMES_FILE, all_docs: pd.DataFrame | None = None) -> Chart:
    """Share of each text's sentences (by characters) given to each theme: one 100% bar per report."""
    short = document_labels(all_docs if all_docs is not None else docs, lang, publisher=False)
    title = narrative.emphasis_title(shares, lang, themes_file, short)
    if shares.empty or shares["chars"].sum() == 0:
        return _empty("5_theme_emphasis", title, lang, "没有清洗后的正文，因此没有篇幅分析图。",
                      "There is no cleaned text, so there is no emphasis chart.")
    labels = document_labels(all_docs if all_docs is not None else docs, lang)
    table = shares.pivot(index="doc_id", columns="theme", values="share").fillna(0.0)
    table = table.reindex([d for d in docs["doc_id"] if d in table.index])
    table = table[table.sum(axis=1) > 0]
    themes = [t.theme_id for t in load_themes(themes_file)] + [UNASSIGNED]
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    left = np.zeros(len(table))
    y = np.arange(len(table))
    for theme in themes:
        widths = table.get(theme, pd.Series(0.0, index=table.index)).to_numpy()
        name = theme_label(theme, lang, themes_file) if theme != UNASSIGNED else narrative.t(
            lang, "未归类", "no theme keyword")
        ax.barh(y, widths, left=left, color=THEME_COLOURS.get(theme, "#999999"), label=name, height=0.65)
        for yi, (w, x0) in enumerate(zip(widths, left, strict=True)):
            if w >= 0.07:
                ax.text(x0 + w / 2, yi, f"{w:.0%}", ha="center", va="center", fontsize=8, color="white"
                        if theme != UNASSIGNED else "#333333")
        left += widths
    ax.set_yticks(y, [_wrap(labels[d], 28 if lang == "en" else 14) for d in table.index])
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    # below the axes, in as many columns as fit its width (a wider legend would squeeze the bars)
    ax.legend(ncol=2 if lang == "en" else 4, loc="upper left", bbox_to_anchor=(0, -0.08), frameon=False,
              fontsize=8.5)
    _despine(ax)
    note = narrative.t(lang, "篇幅 = 提到某主题关键词最多的句子所占字数比例；关键词表见 themes.csv。",
                       "Space = share of characters in sentences whose keywords point to a theme "
                       "(lexicon: themes.csv).")
    return Chart("5_theme_emphasis", title, _finish(fig, title, source_line(docs, lang, all_docs), note))


# =========================================================================== archive charts
#
# Past `pairwise_limit` reports (Tables.archive) a row per claim or per report would be thousands of rows: each
# chart draws an aggregate instead, limited to the `top_n` places (or groups) with the most claims, and its
# title says what was cut.

PER_PLACE = 3  # indicators per place in the archive range charts


def archive_source_line(tables: Tables, lang: str = "zh") -> str:
    """The source of an archive chart in counts (a thousand report names would not fit)."""
    return narrative.t(lang, f"来源：{len(tables.docs)}篇报道（documents.csv）中的{len(tables.claims)}条数字说法"
                             f"（claims.csv）",
                       f"Source: {len(tables.claims)} numeric claims (claims.csv) in {len(tables.docs)} reports "
                       f"(documents.csv)")


def _tall(size: tuple[float, float], rows: int, per_row: float = 0.32) -> tuple[float, float]:
    return size[0], max(size[1], per_row * rows + 1.8)


def theme_place_heatmap(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                        top_n: int = 12) -> Chart:
    """Claims per theme (columns) for the `top_n` places and organisations with the most claims (rows)."""
    name = "1_themes_by_place"
    claims, themes_file = tables.claims, tables.themes_file
    ranked = narrative.ranked_subjects(claims)
    theme_ids = [x.theme_id for x in load_themes(themes_file)] + [UNASSIGNED]
    per_theme = (claims["theme"].value_counts() if len(claims) else pd.Series(dtype=int)).reindex(
        theme_ids, fill_value=0)
    top = list(ranked.index[:top_n])
    title = narrative.archive_heatmap_title(per_theme, len(top), len(ranked), lang, themes_file)
    if not top:
        return _empty(name, title, lang, "所选报道中没有指明地方或机构的数字说法，因此没有主题分布图。",
                      "The selected reports make no numeric claim about a named place, so there is no theme chart.")
    frame = claims.assign(_subject=claim_subjects(claims))
    counts = pd.crosstab(frame["_subject"], frame["theme"]).reindex(index=top, columns=theme_ids, fill_value=0)
    if counts[UNASSIGNED].sum() == 0:
        counts = counts.drop(columns=UNASSIGNED)
    fig = _theme_grid(counts.to_numpy(), list(counts.columns),
                      [_wrap(place_label(s, lang), 40 if lang == "en" else 18) for s in top], lang, themes_file,
                      _tall(size, len(top), 0.42), fontsize=9)
    note = narrative.t(lang, "格中数字 = 关于该地方或机构、属于该主题的数字说法条数（所有报道合计）。",
                       "Cell = number of claims about that place or organisation on that theme (all reports).")
    return Chart(name, title, _finish(fig, title, archive_source_line(tables, lang), note))


def range_rows(frame: pd.DataFrame, lang: str, top_n: int,
               per_place: int = PER_PLACE) -> tuple[list[Row], list[str], int]:
    """Rows for a range chart: a header per place or organisation (the `top_n` with the most claims in
    `frame`), then its `per_place` most-claimed indicators, each with claims, reports, min, median, max and
    the mentions at both ends; the places shown; and how many places there were in all."""
    ranked = narrative.ranked_subjects(frame)
    frame = frame.assign(_subject=claim_subjects(frame),
                         _key=frame["indicator_id"].where(frame["indicator_id"] != "", frame["indicator"]))
    frame = frame[frame["_subject"].isin(set(ranked.index[:top_n]))].sort_values(["value", "claim_id"])
    rows: list[Row] = []
    by_subject = dict(iter(frame.groupby("_subject", sort=False)))
    for subject in ranked.index[:top_n]:
        rows.append(("header", place_label(subject, lang), None))
        stats = []
        for key, group in by_subject[subject].groupby("_key", sort=True):
            first, last = group.iloc[0], group.iloc[-1]
            stats.append({"key": key, "claims": len(group), "documents": group["doc_id"].nunique(),
                          "min": first["value"], "median": float(group["value"].median()), "max": last["value"],
                          "mention_min": narrative.quote(first.to_dict(), lang),
                          "mention_max": narrative.quote(last.to_dict(), lang),
                          "indicator": first["indicator"], "indicator_id": first["indicator_id"]})
        for r in sorted(stats, key=lambda r: (-r["claims"], r["key"]))[:per_place]:
            label = narrative.indicator_label(r["indicator"], r["indicator_id"], lang) or narrative.t(
                lang, narrative.NO_INDICATOR_ZH, narrative.NO_INDICATOR_EN)
            rows.append(("claim", label, r))
    return rows, list(ranked.index[:top_n]), len(ranked)


def _range_panel(ax: plt.Axes, rows: list[Row], lang: str) -> None:
    """A line from the smallest to the largest figure, a dot at the median, the end mentions and the count."""
    _dot_rows(ax, rows)
    for i, (kind, _, r) in enumerate(rows):
        if kind == "claim" and r is not None:
            ax.plot([r["min"], r["max"]], [i, i], color="#9DB5D6", lw=4, solid_capstyle="round", zorder=1)
            ax.scatter([r["median"]], [i], s=40, color=AGREE_COLOUR, zorder=3)
            ends = r["mention_min"] if r["mention_min"] == r["mention_max"] else \
                f"{r['mention_min']} – {r['mention_max']}"
            count = narrative.t(lang, f"{r['claims']}条", f"n={r['claims']}")
            ax.annotate(f"{ends} · {count}", (r["max"], i), xytext=(7, 0), textcoords="offset points",
                        va="center", fontsize=8)


def growth_ranges(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                  top_n: int = 12) -> Chart:
    """Growth rates per place and indicator for the `top_n` places with the most growth claims: median and
    range, never one dot per claim."""
    name = "2_growth_ranges"
    growth = growth_claims(tables.claims)
    rows, shown, total = range_rows(growth, lang, top_n) if len(growth) else ([], [], 0)
    title = narrative.archive_range_title("growth", shown[0] if shown else "", len(shown), total, lang)
    if not rows:
        return _empty(name, title, lang, "所选报道中没有增速数字，因此没有增速图。",
                      "The selected reports state no growth rates, so there is no growth chart.")
    fig, ax = plt.subplots(figsize=_tall(size, len(rows)), layout="constrained")
    _range_panel(ax, rows, lang)
    values = [v for _, _, r in rows if r is not None for v in (r["min"], r["max"])]
    lo, hi = min(0.0, min(values)), max(0.0, max(values))
    width = max(hi - lo, 1.0)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(lo - width * 0.05, hi + width * 0.45)  # room on the right for the mentions
    ax.set_xlabel(narrative.t(lang, "增长率（%）：点 = 中位数，线 = 最小到最大", "growth rate (%): dot = median, "
                                                                          "line = smallest to largest"))
    note = narrative.t(lang, f"每行是一个地方或机构的一个指标（最多{PER_PLACE}个，说法最多者）；"
                             f"范围跨越各报道的不同时期与基数，不是时间序列。",
                       f"Each row is one indicator of one place or organisation (up to {PER_PLACE}, most claimed); "
                       f"ranges span the reports' different periods and bases: not a time series.")
    return Chart(name, title, _finish(fig, title, archive_source_line(tables, lang), note))


def money_ranges(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                 top_n: int = 12) -> Chart:
    """Money amounts (元) per place and indicator for the `top_n` places with the most amounts, log axis,
    totals and per-person amounts in separate panels (as `money_dots`)."""
    name = "3_money_ranges"
    money = money_claims(tables.claims)
    ranked = narrative.ranked_subjects(money) if len(money) else pd.Series(dtype=int)
    panels, shown = [], set()
    totals = money[~money["per_capita"]] if len(money) else money
    per_head = money[money["per_capita"]] if len(money) else money
    for label_zh, label_en, frame in (("总量（元）", "Totals (yuan)", totals),
                                      ("人均（元/人）：与总量不同单位，单独成图", "Per person (yuan per person): a "
                                       "different unit from totals, drawn on its own", per_head)):
        if len(frame):
            rows, subjects, total = range_rows(frame, lang, top_n)
            panels.append((narrative.t(lang, label_zh, label_en), frame, rows, total))
            shown |= set(subjects)
    title = narrative.archive_range_title("money", ranked.index[0] if len(ranked) else "", len(shown), len(ranked),
                                          lang)
    if not panels:
        return _empty(name, title, lang, "所选报道中没有金额数字，因此没有金额图。",
                      "The selected reports state no money amounts, so there is no money chart.")
    heights = [0.32 * len(rows) + 0.8 for _, _, rows, _ in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(size[0], max(size[1], sum(heights) + 0.7)),
                             layout="constrained", squeeze=False, gridspec_kw={"height_ratios": heights})
    for ax, (name_, frame, rows, total) in zip(axes[:, 0], panels, strict=True):
        _range_panel(ax, rows, lang)
        ax.set_xscale("log")
        ax.set_xlim(*_decades(frame["value"].min() / 3, frame["value"].max() * 30))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: _yuan(v, lang)))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        per_head = bool(frame["per_capita"].all())
        ax.set_xlabel(narrative.t(lang, "金额（元/人，对数刻度）" if per_head else "金额（元，对数刻度）",
                                  "amount (yuan per person, log scale)" if per_head else "amount (yuan, log scale)"))
        if len(panels) > 1:
            ax.set_title(f"{name_}（{narrative.cut_note(min(top_n, total), total, lang)}）" if lang != "en" else
                         f"{name_} ({narrative.cut_note(min(top_n, total), total, lang)})",
                         loc="left", fontsize=10.5, color="#333333")
    note = narrative.t(lang, f"每行是一个地方或机构的一个指标（最多{PER_PLACE}个，说法最多者）："
                             f"点 = 中位数，线 = 最小到最大；范围跨越不同时期，时期不同的数字不能相比。",
                       f"Each row is one indicator of one place or organisation (up to {PER_PLACE}, most claimed): "
                       f"dot = median, line = smallest to largest; ranges span different periods, which are not "
                       f"comparable.")
    others = other_currencies(tables.claims)
    if others:
        note += narrative.t(lang, f"以{'、'.join(others)}计的金额未画入（不能与元同轴）。",
                            f" Amounts in {', '.join(others)} are left out (not on a yuan axis).")
    return Chart(name, title, _finish(fig, title, archive_source_line(tables, lang), note))


def theme_leaders(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE) -> Chart:
    """How many reports give the most space to each theme: one bar per theme instead of one per report."""
    name = "4_theme_leaders"
    leaders = narrative.leading_themes(tables.shares, tables.themes_file)
    title = narrative.theme_leaders_title(leaders, lang, tables.themes_file)
    if leaders.empty:
        return _empty(name, title, lang, "没有清洗后的正文，因此没有篇幅分析图。",
                      "There is no cleaned text, so there is no emphasis chart.")
    themes = [x.theme_id for x in load_themes(tables.themes_file)]
    counts = leaders.reindex(themes, fill_value=0)
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    y = np.arange(len(counts))
    ax.barh(y, counts.to_numpy(), color=[THEME_COLOURS.get(x, "#999999") for x in counts.index], height=0.6)
    for yi, n in enumerate(counts.to_numpy()):
        ax.annotate(str(n), (n, yi), xytext=(5, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(y, [theme_label(x, lang, tables.themes_file) for x in counts.index])
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlim(0, max(counts.max(), 1) * 1.15)
    ax.set_xlabel(narrative.t(lang, "报道篇数", "reports"))
    _despine(ax)
    note = narrative.t(lang, "每篇报道计入它篇幅最多的主题（按句子字数，关键词表见 themes.csv）；"
                             "没有主题关键词的正文不计。",
                       "Each report counts once, for the theme its text gives most space to (characters in "
                       "sentences, lexicon: themes.csv); texts without a theme keyword are not counted.")
    return Chart(name, title, _finish(fig, title, archive_source_line(tables, lang), note))


def group_spreads(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                  top_n: int = 12) -> Chart:
    """The `top_n` consistency groups to check first (`compare.rank_groups`): how far apart their figures are,
    as a share of the larger, coloured by verdict. Units differ between groups, so the gap is relative."""
    name = "5_cross_check_groups"
    groups = rank_groups(tables.groups)
    rows = groups.head(top_n).to_dict("records")
    title = narrative.groups_title(groups, len(rows), lang)
    if not rows:
        return _empty(name, title, lang, "没有同一地方、同一指标、同一时期的数字出自两篇以上报道，因此没有核对图。",
                      "No number for the same place, indicator and period comes from two or more reports, so "
                      "there is no cross-check chart.")
    gaps = [100 * relative_difference(float(r["min"]), float(r["max"])) for r in rows]
    colours = [DIFFER_COLOUR if narrative.contradicts(r) else UNCLEAR_COLOUR if narrative.differs(r) else
               AGREE_COLOUR for r in rows]
    fig, ax = plt.subplots(figsize=_tall(size, len(rows), 0.42), layout="constrained")
    y = np.arange(len(rows))
    ax.barh(y, gaps, color=colours, height=0.6)
    top = max(max(gaps), 1.0)
    for yi, (r, gap) in enumerate(zip(rows, gaps, strict=True)):
        reports = narrative.t(lang, f"{r['documents']}篇", f"{r['documents']} reports")
        qa, qb = (narrative.side_quote(r, side, lang, tables.claims) for side in ("a", "b"))
        pair = qa if qa == qb else f"{qa} / {qb}"
        ax.annotate(f"{pair} · {reports}", (gap, yi), xytext=(5, 0), textcoords="offset points", va="center",
                    fontsize=8)
    ax.set_yticks(y, [_wrap(narrative.group_label(r, lang), 60 if lang == "en" else 30) for r in rows], fontsize=8.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.6)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}%"))
    ax.set_xlabel(narrative.t(lang, "最大与最小数字之差，占较大者的百分比", "gap between the largest and smallest "
                                                                 "figure, as a share of the larger"))
    _despine(ax)
    note = narrative.t(lang, f"{_STATUS_KEY_ZH}。每行标出相差最远的一对说法（claim_id 见 consistency_groups.csv）。",
                       f"{_STATUS_KEY_EN}. Each row names the pair furthest apart (claim_ids in "
                       "consistency_groups.csv).")
    return Chart(name, title, _finish(fig, title, archive_source_line(tables, lang), note))


def archive_charts(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                   top_n: int = 12) -> list[Chart]:
    """The five charts of an archive, aggregates in place of one row per claim or report, in reading order."""
    return [
        theme_place_heatmap(tables, lang, size, top_n),
        growth_ranges(tables, lang, size, top_n),
        money_ranges(tables, lang, size, top_n),
        theme_leaders(tables, lang, size),
        group_spreads(tables, lang, size, top_n),
    ]


# --------------------------------------------------------------------------- notebook helpers

def comparison_charts(tables: Tables, lang: str = "zh", size: tuple[float, float] = DEFAULT_SIZE,
                      top_n: int = 12) -> list[Chart]:
    """The five charts for one set of tables, in reading order (for an archive, `archive_charts`): themes,
    growth, money, shares, emphasis. The two-source check is a sentence and a table
    (`narrative.two_sources_title`, `narrative.two_sources_table`), not a chart."""
    narrative.check_lang(lang)
    check_top_n(top_n)
    if tables.archive:
        return archive_charts(tables, lang, size, top_n)
    kw = {"lang": lang, "size": size, "all_docs": tables.all_docs}
    return [
        theme_heatmap(tables.claims, tables.docs, themes_file=tables.themes_file, **kw),
        growth_dots(tables.claims, tables.docs, themes_file=tables.themes_file, **kw),
        money_dots(tables.claims, tables.docs, **kw),
        share_dots(tables.claims, tables.docs, **kw),
        theme_emphasis(tables.shares, tables.docs, themes_file=tables.themes_file, **kw),
    ]


def present(chart: Chart, figures_dir: str | Path, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Show a chart in the notebook: its title as a heading, then the figure or the message.

    The files in figures_dir carry the title (they travel alone); the embedded copy leaves it to the heading
    just above, so the page does not say it twice, and gives it as the image's alt text.
    """
    from IPython.display import Image, Markdown, display

    display(Markdown(f"### {chart.title}"))
    if chart.fig is None:
        display(Markdown(f"> {chart.message}"))
        return []
    written = save_figure(chart.fig, figures_dir, chart.name, formats)
    display(Image(data=png_bytes(chart.fig, with_title=False), format="png", alt=chart.title))
    plt.close(chart.fig)
    return written
