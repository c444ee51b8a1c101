"""The five comparison charts: drawn from hand-written claims, Chinese labels render, empty input draws nothing,
each kind of figure (totals, per-unit amounts, plans, shares, growth by family) on its own panel."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gongfu.compare import narrative
from gongfu.compare.charts import (
    DIFFER_COLOUR,
    Chart,
    archive_charts,
    comparison_charts,
    group_spreads,
    growth_dots,
    growth_ranges,
    money_dots,
    money_ranges,
    present,
    share_dots,
    theme_leaders,
    theme_place_heatmap,
)
from gongfu.compare.figure import cjk_font_path, png_bytes, save_figure
from gongfu.compare.load import Tables, load_tables
from gongfu.compare.select import claim_subjects
from gongfu.tables import write_csv

DOCS = pd.DataFrame([
    {"doc_id": "000_b634d781fc564449", "publisher": "杭州日报", "published": "2023-01-25", "city": "杭州市",
     "district": "钱塘区", "street": "临江街道", "status": "ok"},
    {"doc_id": "001_8caa6e4255689ee4", "publisher": "", "published": "", "city": "杭州市", "district": "钱塘区",
     "street": "临江街道", "status": "ok"},
    {"doc_id": "002_f635a0d975b8c0ba", "publisher": "中国经济网 (转载 新华每日电讯)", "published": "2021-09-20",
     "city": "嘉兴市", "district": "南湖区", "street": "", "status": "ok"},
    {"doc_id": "003_5c6707e2467e516d", "publisher": "", "published": "", "city": "杭州市", "district": "萧山区",
     "street": "闻堰街道", "status": "ok"},
    {"doc_id": "004_117541a7c7ed6a5d", "publisher": "", "published": "", "city": "金华市", "district": "婺城区",
     "street": "", "status": "ok"},
])
A, B, C, D, E = DOCS["doc_id"]

# (doc, mention, value, unit, qualifier, indicator, entity, period, year, is_growth), written down from the texts
_ROWS = [
    (A, "104家", 104, "家", "none", "规上工业企业", "临江街道", "目前", "", False),
    (A, "2家", 2, "家", "none", "国家级农业龙头企业", "临江街道", "目前", "", False),
    (A, "5%", 5, "%", "none", "农业总产量", "临江街道", "", "", True),
    (A, "约12亿", 1.2e9, "元", "approx", "总产值", "临江科技孵化园", "去年", "", False),
    (A, "超过100%", 100, "%", "over", "总产值", "临江科技孵化园", "去年", "", True),
    (A, "3600余万元", 3.6e7, "元", "over", "税收", "临江科技孵化园", "去年", "", False),
    (A, "122人", 122, "人", "none", "志愿人数", "临江街道", "目前", "", False),
    (A, "超过30名", 30, "名", "over", "党员人数", "临江街道", "目前", "", False),
    (B, "489.12亿元", 4.8912e10, "元", "none", "规上工业总产值", "临江高科园", "今年1-8月", "", False),
    (B, "7.7%", 7.7, "%", "none", "规上工业总产值", "临江高科园", "今年1-8月", "", True),
    (B, "106家", 106, "家", "none", "规上工业企业", "临江街道", "现如今", "", False),
    (B, "5家", 5, "家", "none", "本土上市企业", "临江街道", "现如今", "", False),
    (B, "5.6万人", 56000, "人", "approx", "产业工人", "临江街道", "", "", False),
    (B, "2000余人", 2000, "人", "over", "临灵通注册人数", "临江街道", "截至目前", "", False),
    (C, "38856元", 38856, "元", "none", "农村居民人均可支配收入", "南湖区", "去年", "2020", False),
    (C, "345.25亿元", 3.4525e10, "元", "none", "地区生产总值", "南湖区", "上半年", "2021", False),
    (C, "13.9%", 13.9, "%", "none", "地区生产总值", "南湖区", "上半年", "2021", True),
    (C, "76.47亿元", 7.647e9, "元", "none", "规模以上工业高新技术产业增加值", "南湖区", "上半年", "2021", False),
    (C, "24.7%", 24.7, "%", "none", "规模以上工业高新技术产业增加值", "南湖区", "上半年", "2021", True),
    (C, "3.73%", 3.73, "%", "over", "全社会研发投入强度", "南湖区", "2020年", "2020", False),
    (C, "800万元", 8e6, "元", "none", "年销售额", "褚大姐甜瓜专业合作社", "", "", False),
    (C, "约3000万元", 3e7, "元", "approx", "乡村旅游总收入", "南湖区", "2020年", "2020", False),
    (D, "15.3亿元", 1.53e9, "元", "none", "规上工业总产值", "闻堰街道", "上半年", "", False),
    (D, "2.76亿元", 2.76e8, "元", "none", "规上工业增加值", "闻堰街道", "上半年", "", False),
    (D, "2237万元", 2.237e7, "元", "none", "规上数字经济核心产业增加值", "闻堰街道", "上半年", "", False),
    (D, "16.6%", 16.6, "%", "none", "规上数字经济核心产业增加值", "闻堰街道", "上半年", "", True),
    (D, "2.03亿元", 2.03e8, "元", "none", "社会消费品零售总额", "闻堰街道", "上半年", "", False),
    (D, "26.4%", 26.4, "%", "none", "社会消费品零售总额", "闻堰街道", "上半年", "", True),
    (D, "20亿元", 2e9, "元", "none", "总投资", "云尖信息总部暨新型基础设施智造基地", "", "", False),
    (E, "15亿元", 1.5e9, "元", "none", "总投资", "锦凯项目", "", "", False),
    (E, "12亿余元", 1.2e9, "元", "over", "总投资", "浙能镇海项目", "", "", False),
    (E, "45.89%", 45.89, "%", "none", "行政村经营性总收入", "婺城区", "去年", "", True),
    (E, "7889人", 7889, "人", "none", "实现就业", "婺城区", "", "", False),
]


def sample_claims() -> pd.DataFrame:
    """A claims.csv-shaped table of real claims from the five texts, hand-written."""
    rows = []
    for i, (doc, mention, value, unit, qual, indicator, entity, period, year, growth) in enumerate(_ROWS):
        rows.append({"doc_id": doc, "claim_id": f"{doc}-{i:06d}", "mention": mention, "value": value, "low": "",
                     "high": "", "unit": unit, "qualifier": qual, "indicator": indicator, "indicator_id": "",
                     "entity": entity, "period": period, "year": year, "is_growth": growth, "base_claim_id": "",
                     "sentence": f"{entity}{period}{indicator}{mention}", "char_start": i, "char_end": i + 1,
                     "theme": ""})
    return pd.DataFrame(rows)


SAMPLE_TEXTS = {
    A: "臨江街道已擁有規上工業企業104家。黨員人數超過30名，志願者服務群眾。",
    B: "临江高科园规上工业总产值达489.12亿元。临江街道建设婴幼儿成长驿站。网格治理平台临灵通。",
    C: "南湖区农村居民人均可支配收入为38856元。南杨社区第四党支部书记。美丽乡村。",
    D: "闻堰街道规上工业总产值15.3亿元。龙山河水质稳定。",
    E: "总投资15亿元的锦凯项目开工。党建联盟婺城红盟。",
}


def write_processed(folder: Path, claims: pd.DataFrame | None = None, docs: pd.DataFrame = DOCS) -> Path:
    """A processed folder (documents.csv, claims.csv, clean/) holding the hand-written sample."""
    write_csv(docs, folder / "documents.csv")
    write_csv(sample_claims() if claims is None else claims, folder / "claims.csv")
    (folder / "clean").mkdir(parents=True, exist_ok=True)
    for doc_id, text in SAMPLE_TEXTS.items():
        (folder / "clean" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def tables(tmp_path: Path) -> Tables:
    return load_tables(write_processed(tmp_path))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- the font

def test_the_cjk_font_is_the_one_inside_mplfonts() -> None:
    import mplfonts
    from matplotlib import font_manager

    path = cjk_font_path()
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)

    assert Path(mplfonts.__file__).resolve().parent in path.parents
    assert Path(found).resolve() == path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_renders_chinese_without_missing_glyphs(tables: Tables, lang: str,
                                                            tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph ... missing from font" warning fails the test
        made = comparison_charts(tables, lang=lang)
        for chart in made:
            assert chart.fig is not None, chart.message
            save_figure(chart.fig, tmp_path / lang, chart.name, ("png",))

    assert len(made) == 5
    assert all((tmp_path / lang / f"{c.name}.png").stat().st_size > 10_000 for c in made)


def test_no_font_fallback_is_logged(tables: Tables, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="matplotlib.font_manager"):
        for chart in comparison_charts(tables, lang="zh"):
            save_figure(chart.fig, tmp_path, chart.name, ("png",))

    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


# --- titles state findings; source lines name the documents

def test_titles_state_the_findings_in_chinese(tables: Tables) -> None:
    titles = [c.title for c in comparison_charts(tables, lang="zh")]

    assert titles[0] == "多数报道的数字集中在「经济与产业」"
    assert titles[1] == "临江街道报出最快增速：临江科技孵化园·总产值（去年）超过100%"
    assert titles[2].startswith("金额最大的是临江街道的临江高科园·规上工业总产值（今年1-8月）489.12亿元")
    assert titles[3] == "以百分比表示的水平中最高的是南湖区的全社会研发投入强度（2020年）3.73%：是比例，不是增速"
    place, pairs = narrative.two_sources_pairs(tables)
    assert narrative.two_sources_title(pairs, place, "zh", tables.claims) == \
        "临江街道两篇报道的规上工业企业数字不同：104家与106家，但时期不明，未必矛盾"


def test_english_labels_come_from_the_lexicon_and_fall_back_to_the_chinese(tables: Tables) -> None:
    heatmap, *_ = comparison_charts(tables, lang="en")
    place, pairs = narrative.two_sources_pairs(tables)

    ticks = [t.get_text().replace("\n", " ") for t in heatmap.fig.axes[0].get_xticklabels()]
    assert "Economy and industry" in ticks
    assert narrative.two_sources_title(pairs, place, "en", tables.claims).startswith(
        "The two reports on Linjiang Subdistrict give different 规上工业企业 figures, 104 firms vs 106 firms")


def chart_texts(chart: Chart) -> list[str]:
    """Every piece of text a reader sees on a chart: title, foot, axis titles, tick labels, annotations."""
    fig = chart.fig
    out = [chart.title, *(t.get_text() for t in fig.texts)]
    for ax in fig.axes:
        out += [ax.get_title(loc="left"), ax.get_xlabel(), *(t.get_text() for t in ax.texts)]
        out += [t.get_text() for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
        legend = ax.get_legend()
        out += [t.get_text() for t in legend.get_texts()] if legend else []
    return [re.sub(r"\s*\n\s*", " ", x) for x in out if x]


def place_names() -> set[str]:
    """The sample's places and claim entities, as written in Chinese."""
    docs = {v for c in ("city", "district", "street") for v in DOCS[c] if v}
    return docs | set(sample_claims()["entity"]) | {"杭州日报", "中国经济网", "新华每日电讯"}


def test_english_charts_name_no_place_in_chinese_without_its_english(tables: Tables) -> None:
    made = comparison_charts(tables, lang="en")
    text = " | ".join(x for chart in made for x in chart_texts(chart))

    outside_brackets = re.sub(r"\([^()]*[\u4e00-\u9fff][^()]*\)", "", text)  # "(临江高科园)" after its English

    assert not [n for n in place_names() if n in outside_brackets]
    assert "Linjiang Subdistrict A" in text and "Wucheng District" in text
    assert "Source: Linjiang Subdistrict A (Hangzhou Daily) 2023-01-25" in text
    assert "Linjiang Hi-tech Park (临江高科园)" in text


def test_english_group_headers_are_the_english_place_names(tables: Tables) -> None:
    chart = growth_dots(tables.claims, tables.docs, lang="en", all_docs=tables.all_docs)

    headers = list(dict.fromkeys(t.get_text() for ax in chart.fig.axes for t in ax.texts if t.get_fontsize() == 11))

    assert headers == ["Linjiang Subdistrict A", "Linjiang Subdistrict B", "Nanhu District", "Wenyan Subdistrict",
                       "Wucheng District"]


def test_every_chart_has_a_source_line_naming_the_documents(tables: Tables) -> None:
    for chart in comparison_charts(tables, lang="zh"):
        foot = " ".join(t.get_text() for t in chart.fig.texts)
        assert "来源：" in foot and "临江街道 A（杭州日报） 2023-01-25" in foot and "婺城区" in foot, chart.name


def tick_labels(ax: plt.Axes) -> list[str]:
    return [t.get_text().replace("\n", "") for t in ax.get_yticklabels()]


def test_money_chart_is_log_scaled_and_labels_each_period(tables: Tables) -> None:
    chart = money_dots(tables.claims, tables.docs, all_docs=tables.all_docs)
    ax = chart.fig.axes[0]
    labels = tick_labels(ax)

    assert ax.get_xscale() == "log"
    assert "地区生产总值（上半年）" in labels or "地区生产总值（2021年上半年）" in labels
    assert any("今年1-8月" in label for label in labels)
    assert not any("%" in t.get_text() for t in ax.texts)  # only 元 amounts, never rates


def test_money_chart_never_puts_per_person_amounts_on_the_totals_axis(tables: Tables) -> None:
    chart = money_dots(tables.claims, tables.docs, all_docs=tables.all_docs)
    totals, per_head = chart.fig.axes

    assert not any("人均" in label for label in tick_labels(totals))
    assert tick_labels(per_head) == ["农村居民人均可支配收入（2020年）"]
    assert per_head.get_xscale() == "log" and "元/人" in per_head.get_title(loc="left")


def with_sentence(claims: pd.DataFrame, indicator: str, sentence: str, **columns: str) -> pd.DataFrame:
    """The sample with one claim's sentence (and any extra claims.csv columns) rewritten."""
    claims = claims.copy()
    at = claims["indicator"] == indicator
    claims.loc[at, "sentence"] = sentence
    for name, value in columns.items():
        if name not in claims.columns:
            claims[name] = ""
        claims.loc[at, name] = value
    return claims


def panel_titles(chart: Chart) -> list[str]:
    return [ax.get_title(loc="left") for ax in chart.fig.axes]


@pytest.mark.parametrize(("sentence", "columns", "panel"), [
    # no status/basis columns: the wording decides (the fallback until claims.csv carries them)
    ("云尖基地全部达产后将创造年产值20亿元", {}, "计划与预期（尚未实现）"),
    ("云尖基地每亩可收获20亿元", {}, "每亩（元/亩）：单位与总量不同，单独成栏"),
    ("云尖基地总投资20亿元", {}, "总量（元）"),
    # with the columns: they decide, whatever the wording
    ("云尖基地总投资20亿元", {"status": "plan", "basis": ""}, "计划与预期（尚未实现）"),
    ("云尖基地全部达产后将创造年产值20亿元", {"status": "actual", "basis": ""}, "总量（元）"),
    ("云尖基地总投资20亿元", {"status": "actual", "basis": "户"}, "每户（元/户）：单位与总量不同，单独成栏"),
])
def test_totals_per_unit_amounts_and_plans_each_get_their_own_panel(tmp_path: Path, sentence: str,
                                                                     columns: dict, panel: str) -> None:
    claims = with_sentence(sample_claims(), "总投资", sentence, **columns)
    claims = claims[~((claims["indicator"] == "总投资") & (claims["doc_id"] != D))]
    if columns:
        claims["status"] = claims["status"].replace("", "actual")
    tables = load_tables(write_processed(tmp_path, claims))

    chart = money_dots(tables.claims, tables.docs, all_docs=tables.all_docs)
    where = [title for ax, title in zip(chart.fig.axes, panel_titles(chart), strict=True)
             if any("20亿元" == t.get_text() for t in ax.texts)]

    assert where == [panel]


def test_the_money_chart_uses_one_colour_and_hollow_dots_for_plans(tmp_path: Path) -> None:
    claims = with_sentence(sample_claims(), "总投资", "云尖基地全部达产后将创造年产值20亿元")
    tables = load_tables(write_processed(tmp_path, claims))

    chart = money_dots(tables.claims, tables.docs, all_docs=tables.all_docs)
    edges = {tuple(round(c, 3) for c in coll.get_edgecolor()[0][:3]) for ax in chart.fig.axes
             for coll in ax.collections}
    plan = chart.fig.axes[-1].collections[0].get_facecolor()[0][:3]

    assert len(edges) == 1
    assert tuple(plan) == (1.0, 1.0, 1.0)


def test_growth_rates_are_drawn_like_with_like_one_panel_per_family(tables: Tables) -> None:
    claims = tables.claims.copy()
    claims.loc[claims["indicator"] == "农业总产量", "theme"] = "services"  # pretend: a school's rate

    chart = growth_dots(claims, tables.docs, all_docs=tables.all_docs)
    panels = dict(zip(panel_titles(chart), (tick_labels(ax) for ax in chart.fig.axes), strict=True))

    assert list(panels) == ["经济与产业", "收入与共富", "公共服务与民生"]
    assert panels["公共服务与民生"] == ["农业总产量（时期未注明）"]
    assert not any("农业总产量" in x for x in panels["经济与产业"])
    assert len({ax.get_xlim() for ax in chart.fig.axes}) == 1  # one scale for all panels


def test_shares_are_levels_on_their_own_chart_never_growth(tables: Tables) -> None:
    chart = share_dots(tables.claims, tables.docs, all_docs=tables.all_docs)

    assert [t.get_text() for t in chart.fig.axes[0].texts if "%" in t.get_text()] == ["3.73%"]
    assert not any("%" in t.get_text() for t in growth_dots(tables.claims, tables.docs).fig.axes[0].texts
                   if t.get_text() == "3.73%")


def test_english_charts_write_figures_in_english_units(tables: Tables) -> None:
    chart = money_dots(tables.claims, tables.docs, lang="en", all_docs=tables.all_docs)
    labels = {t.get_text() for ax in chart.fig.axes for t in ax.texts}

    assert {"48.9 bn yuan", "38,856 yuan", "about 1.2 bn yuan", "over 36 m yuan"} <= labels
    assert not any(re.search(r"[亿万元]", x) for x in labels)


def test_money_chart_says_which_currencies_it_leaves_out(tables: Tables) -> None:
    dollars = pd.DataFrame([{**tables.claims.iloc[0].to_dict(), "claim_id": "x-1", "mention": "5万美元",
                             "value": 50000.0, "unit": "美元", "is_growth": False}])
    claims = pd.concat([tables.claims, dollars], ignore_index=True)

    chart = money_dots(claims, tables.docs, all_docs=tables.all_docs)

    assert "以美元计的金额未画入" in " ".join(t.get_text() for t in chart.fig.texts)
    assert not any("美元" in t.get_text() for ax in chart.fig.axes for t in ax.texts)


def test_a_place_with_two_reports_shows_each_report_as_its_own_group(tables: Tables) -> None:
    chart = growth_dots(tables.claims, tables.docs, all_docs=tables.all_docs)

    headers = list(dict.fromkeys(t.get_text() for ax in chart.fig.axes for t in ax.texts if t.get_fontsize() == 11))

    assert headers == ["临江街道 A", "临江街道 B", "南湖区", "闻堰街道", "婺城区"]


def bar_colours(ax: plt.Axes) -> set[tuple[float, ...]]:
    return {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in ax.patches}


def rgb(colour: str) -> tuple[float, ...]:
    return tuple(round(c, 3) for c in plt.matplotlib.colors.to_rgb(colour))


def test_the_two_source_check_is_a_small_table_naming_each_report_and_the_verdict(tables: Tables) -> None:
    table = narrative.two_sources_table(tables, "zh")

    assert table.to_dict("records") == [{"指标": "规上工业企业", "临江街道 A（杭州日报）": "104家（目前）",
                                         "临江街道 B": "106家（现如今）", "结论": "时期不明，数字不同"}]


def test_a_same_period_contradiction_is_said_in_the_sentence_and_the_table(tmp_path: Path) -> None:
    claims = sample_claims()
    firms = claims["indicator"] == "规上工业企业"
    claims.loc[firms, ["period", "year"]] = ["2022年", "2022"]
    tables = load_tables(write_processed(tmp_path, claims))
    place, pairs = narrative.two_sources_pairs(tables)

    assert narrative.two_sources_title(pairs, place, "zh", tables.claims) == \
        "临江街道两篇报道对规上工业企业说法不一：104家与106家"
    assert narrative.two_sources_table(tables, "en")["verdict"].tolist() == ["disagree"]


def test_growth_chart_says_when_a_place_has_no_growth_claim(tables: Tables) -> None:
    no_wucheng = tables.claims[~((tables.claims["doc_id"] == E) & tables.claims["is_growth"])]
    chart = growth_dots(no_wucheng, tables.docs)

    assert "没有增速说法：婺城区。" in " ".join(t.get_text().replace("\n", "") for t in chart.fig.texts)
    assert "收入与共富" not in panel_titles(chart)  # its only growth claim was Wucheng's


# --- empty input: no chart, a message

def test_empty_claims_give_messages_not_empty_axes(tmp_path: Path) -> None:
    empty = sample_claims().iloc[0:0]
    tables = load_tables(write_processed(tmp_path, empty))

    made = comparison_charts(tables, lang="zh")

    assert [c.fig is None for c in made] == [True, True, True, True, False]
    assert all(c.message for c in made if c.fig is None)
    assert made[0].title == "所选报道中没有数字说法"


def test_a_place_with_one_report_has_no_side_by_side_chart(tmp_path: Path) -> None:
    tables = load_tables(write_processed(tmp_path), documents=[A, C])

    place, pairs = narrative.two_sources_pairs(tables)

    assert place == "" and pairs.empty and narrative.two_sources_table(tables).empty
    assert narrative.two_sources_title(pairs, place) == "没有一个地方有两篇报道"


def test_present_writes_png_and_svg(tables: Tables, tmp_path: Path) -> None:
    chart = growth_dots(tables.claims, tables.docs)

    written = present(chart, tmp_path, ("png", "svg"))

    assert [p.name for p in written] == ["2_growth_by_place.png", "2_growth_by_place.svg"]


def test_the_embedded_copy_leaves_the_title_to_the_heading_and_the_figure_keeps_it(tables: Tables) -> None:
    fig = growth_dots(tables.claims, tables.docs).fig

    with_title, without = png_bytes(fig), png_bytes(fig, with_title=False)

    assert with_title != without
    assert png_bytes(fig) == with_title  # hiding it for the embedded copy did not lose it


def test_saved_png_is_byte_stable(tables: Tables, tmp_path: Path) -> None:
    first = save_figure(growth_dots(tables.claims, tables.docs).fig, tmp_path / "a", "g", ("png",))
    second = save_figure(growth_dots(tables.claims, tables.docs).fig, tmp_path / "b", "g", ("png",))

    assert first[0].read_bytes() == second[0].read_bytes()


# --- archive mode: aggregates instead of one row per claim or report

ARCHIVE_NAMES = ["1_themes_by_place", "2_growth_ranges", "3_money_ranges", "4_theme_leaders", "5_cross_check_groups"]


def write_archive(folder: Path, copies: int, claims: pd.DataFrame | None = None) -> Path:
    """A processed folder holding `copies` copies of each sample report under new doc_ids (as an archive of
    reprints would), so more documents than a low pairwise_limit."""
    claims = sample_claims() if claims is None else claims
    docs, rows = [], []
    for k in range(copies):
        docs.append(DOCS.assign(doc_id=DOCS["doc_id"] + f"_{k}"))
        rows.append(claims.assign(doc_id=claims["doc_id"] + f"_{k}", claim_id=claims["claim_id"] + f"_{k}"))
    write_csv(pd.concat(docs, ignore_index=True), folder / "documents.csv")
    write_csv(pd.concat(rows, ignore_index=True), folder / "claims.csv")
    (folder / "clean").mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for doc_id, text in SAMPLE_TEXTS.items():
            (folder / "clean" / f"{doc_id}_{k}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def archive(tmp_path: Path) -> Tables:
    return load_tables(write_archive(tmp_path, 3), pairwise_limit=10)  # 15 reports


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_archive_charts_render_without_missing_glyphs(archive: Tables, lang: str, tmp_path: Path) -> None:
    assert archive.archive

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        made = comparison_charts(archive, lang=lang, top_n=3)
        for chart in made:
            assert chart.fig is not None, chart.message
            save_figure(chart.fig, tmp_path / lang, chart.name, ("png",))

    assert [c.name for c in made] == ARCHIVE_NAMES


def test_archive_heatmap_shows_the_top_places_and_says_what_was_cut(archive: Tables) -> None:
    total = claim_subjects(archive.claims).nunique()

    chart = theme_place_heatmap(archive, top_n=3)

    assert tick_labels(chart.fig.axes[0]) == ["临江街道", "南湖区", "闻堰街道"]  # most claims first
    assert chart.title.endswith(f"显示说法最多的3个地方或机构（共{total}个）")
    assert chart.title.startswith("「经济与产业」的数字最多")


def test_archive_charts_do_not_grow_with_the_number_of_reports(tmp_path: Path) -> None:
    few = load_tables(write_archive(tmp_path / "few", 2), pairwise_limit=5)
    many = load_tables(write_archive(tmp_path / "many", 8), pairwise_limit=5)

    sizes = [[len(tick_labels(ax)) for c in archive_charts(t, top_n=4) for ax in c.fig.axes]
             for t in (few, many)]

    assert sizes[0] == sizes[1]
    assert len(many.claims) == 4 * len(few.claims)


def test_growth_ranges_draw_the_median_and_range_of_each_indicator(tmp_path: Path) -> None:
    claims = sample_claims()
    claims = claims[claims["mention"].isin(["13.9%", "24.7%"])]
    folder = write_archive(tmp_path, 3, claims)
    lowered = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    lowered.loc[0, ["mention", "value"]] = ["10.2%", "10.2"]  # one copy of 13.9% reads 10.2%
    write_csv(lowered, folder / "claims.csv")
    tables = load_tables(folder, pairwise_limit=0)

    chart = growth_ranges(tables, top_n=12)
    ax = chart.fig.axes[0]

    assert tick_labels(ax) == ["地区生产总值", "规模以上工业高新技术产业增加值"]
    notes = [t.get_text() for t in ax.texts]
    assert "10.2% – 13.9% · 3条" in notes and "24.7% · 3条" in notes
    medians = sorted(float(x) for c in ax.collections for x in c.get_offsets()[:, 0])
    assert medians == [13.9, 24.7]
    assert chart.title.startswith("增速说法最多的是南湖区")


def test_money_ranges_keep_per_person_amounts_on_their_own_axis(archive: Tables) -> None:
    chart = money_ranges(archive, top_n=12)
    totals, per_head = chart.fig.axes

    assert not any("人均" in label for label in tick_labels(totals))
    assert tick_labels(per_head) == ["农村居民人均可支配收入"]
    assert totals.get_xscale() == per_head.get_xscale() == "log"


def test_group_spreads_mark_a_same_period_disagreement_red(tmp_path: Path) -> None:
    claims = sample_claims()
    firms = claims["indicator"] == "规上工业企业"
    claims.loc[firms, ["period", "year"]] = ["2022年", "2022"]  # 104家 and 106家, now for the same year
    tables = load_tables(write_archive(tmp_path, 2, claims), pairwise_limit=0)

    chart = group_spreads(tables, top_n=1)
    ax = chart.fig.axes[0]

    assert tick_labels(ax) == ["临江街道·规上工业企业（2022年）"]
    assert bar_colours(ax) == {rgb(DIFFER_COLOUR)}
    assert any(t.get_text() == "104家 / 106家 · 4篇" for t in ax.texts)
    assert "1组同一时期不一致" in chart.title


def test_archive_source_line_counts_the_reports_instead_of_naming_them(archive: Tables) -> None:
    foot = " ".join(t.get_text() for t in theme_leaders(archive).fig.texts)

    assert f"来源：15篇报道（documents.csv）中的{len(archive.claims)}条数字说法" in foot
    assert "临江街道 A" not in foot


@pytest.mark.parametrize("bad", [0, -3, 2.5, "12"])
def test_bad_top_n_is_refused_naming_it(archive: Tables, bad: object) -> None:
    from gongfu.errors import GongfuError

    with pytest.raises(GongfuError, match=r"top_n=.*expected a whole number of at least 1"):
        comparison_charts(archive, top_n=bad)
