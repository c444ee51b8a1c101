"""Which numbers name rather than measure (thresholds, period frames, names, enumerations) and which ordinals are
ranks: each rule on sentences written for these tests (other places, other wording than the texts it was built on)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.claims import extract_claims
from gongfu.extract.numbers import find_quantities
from gongfu.extract.selection import (
    _clause_start,
    enumeration,
    period,
    rank,
    rank_subject,
    ratio_lead,
    ratio_noun,
    slogan,
    threshold,
)

DOC = {"doc_id": "t", "district": "南湖区"}


def mentions(text: str) -> list[str]:
    return [row["mention"] for row in extract_claims(text, DOC)]


def rows(text: str) -> dict[str, dict]:
    return {row["mention"]: row for row in extract_claims(text, DOC)}


def quantity(text: str, written: str):
    found = [q for q in find_quantities(text) if written in q.text]
    assert found, [q.text for q in find_quantities(text)]
    return found[0]


# ---------- thresholds that name a category ----------


@pytest.mark.parametrize(("text", "bound", "claims"), [
    ("全市现有产值超亿元企业356家。", "超亿元", ["356家"]),
    ("其中营收超十亿元的企业达到23家。", "超十亿元", ["23家"]),
    ("今年新引进5000万元以上项目41个。", "5000万元以上", ["41个"]),
    ("全区签约亿元以上重大项目18个，总投资320亿元。", "亿元以上", ["18个", "320亿元"]),
    ("目前，全县年销售额超500万元的电商企业有62家。", "超500万元", ["62家"]),
    ("对种植面积30亩以上的种粮大户给予补贴。", "30亩以上", []),
    ("该镇是全省首个工业总产值超500亿元的乡镇。", "超500亿元", []),
    ("街道有70周岁以上老年人4200人。", "70周岁以上", ["4200人"]),
    ("为辖区90周岁以上的126名老人送上慰问金。", "90周岁以上", ["126名"]),
    ("全县规上工业营收首次突破千亿元大关。", "突破千亿元", []),
    ("年纳税超千万元的企业达到15家。", "超千万元", ["15家"]),
    ("全市新增营收超百亿元企业3家。", "超百亿元", ["3家"]),
    ("对年收入10万元以下的家庭给予救助。", "10万元以下", []),
    ("全省已有产值超千亿元的县市11个。", "超千亿元", ["11个"]),
    ("培育年产值5亿元以上的产业集群4个。", "5亿元以上", ["4个"]),
    ("流转土地100亩以上的经营主体达到67家。", "100亩以上", ["67家"]),
    ("纳入统计的2000万元以上工业企业共有812家。", "2000万元以上", ["812家"]),
    ("全区年营业收入超亿元的服务业企业增至95家。", "超亿元", ["95家"]),
    ("我县共有存栏500头以上的养殖场21个。", "500头以上", ["21个"]),
    ("投资超5000万元的文旅项目有9个。", "超5000万元", ["9个"]),
    ("全市迈上百亿元台阶的乡镇达到5个。", "百亿元", ["5个"]),
    ("对80岁以上的老人每月发放高龄津贴。", "80岁以上", []),
    ("全县60周岁以上人群接种率达到92%。", "60周岁以上", ["92%"]),
    ("新建220千伏变电站2座，改造10千伏线路86公里。", "220千伏", ["2座", "86公里"]),
    ("500千伏输变电工程年内开工。", "500千伏", []),
    ("35千伏线路全部完成改造。", "35千伏", []),
    ("全区共建成10千伏及以上线路1800公里。", "10千伏", ["1800公里"]),
    ("全县有50亩以上的家庭农场326家。", "50亩以上", ["326家"]),
    ("年用电量超过100万千瓦时的企业有58家。", "超过100万千瓦时", ["58家"]),
    ("全区规模以上工业企业达到312家，其中产值超10亿元的企业11家。", "超10亿元", ["312家", "11家"]),
])
def test_a_bound_that_names_a_category_is_not_a_claim(text: str, bound: str, claims: list[str]) -> None:
    found = mentions(text)
    assert not any(bound in m for m in found), found
    assert found == claims


@pytest.mark.parametrize(("text", "claim"), [
    ("龙头企业年营收均超过百亿元。", "超过百亿元"),
    ("全年接待游客超过500万人次。", "超过500万人次"),
    ("村民每户可获得超过1万元的补贴。", "超过1万元"),
    ("全县60%以上的农户加入了合作社。", "60%以上"),
    ("该企业签下超百万元的订单。", "超百万元"),
    ("项目总投资在5亿元以上，明年建成。", "5亿元以上"),
    ("全镇超过3000名群众参加了活动。", "超过3000名"),
    ("增速保持在6%以上。", "6%以上"),
    ("线路电压等级为110千伏。", "110千伏"),
    ("吸引超过200家企业参展。", "超过200家"),
    ("全市规上工业增加值突破2000亿元。", "突破2000亿元"),
    ("种植面积达到5000亩以上。", "5000亩以上"),
    ("八成以上的村民参加了医保。", "八成以上"),
    ("每年带动村集体增收超过50万元。", "超过50万元"),
    ("合作社年销售额超亿元，带动农户800户。", "超亿元"),
    ("超过三分之二的企业实现盈利。", "超过三分之二"),
    ("全村有70岁以上老人126名。", "126名"),
])
def test_an_amount_beside_a_bound_word_stays_a_claim(text: str, claim: str) -> None:
    assert claim in mentions(text)


@pytest.mark.parametrize(("text", "written", "expected"), [
    ("产值超亿元企业218家", "亿元", True), ("签约亿元以上项目27个", "亿元", True), ("60周岁以上老年人", "周岁", True),
    ("110千伏送出线路", "千伏", True), ("营收超过百亿元。", "亿元", False), ("60%以上的农户", "%", False),
    ("超过3000名游客", "名", False), ("获得超过1万元的补贴", "万元", False), ("电压为110千伏，", "千伏", False),
])
def test_threshold_reads_the_grammar_after_the_bound(text: str, written: str, expected: bool) -> None:
    assert threshold(text, quantity(text, written)) is expected


# ---------- durations used as period frames ----------


@pytest.mark.parametrize(("text", "claims"), [
    ("今年前5个月，全市出口额增长6.1%。", ["6.1%"]),
    ("前三个月，全县接待游客120万人次。", ["120万人次"]),
    ("近五年，全区累计投入资金8亿元。", ["8亿元"]),
    ("近3年来，村里新建道路12公里。", ["12公里"]),
    ("在近两年时间里，该镇引进项目9个。", ["9个"]),
    ("10天时间里，景区接待游客35万人次。", ["35万人次"]),
    ("春节7天里，全市实现旅游收入4.2亿元。", ["4.2亿元"]),
    ("这两年，村里的民宿多了起来。", []),
    ("那几年，他在外地打工。", []),
    ("过去三年，全县新增就业岗位1.2万个。", ["1.2万个"]),
    ("最近两个月，订单排到了年底。", []),
    ("头两个月，工厂产值就达到5000万元。", ["5000万元"]),
    ("两个月来，志愿者走访群众3000多户。", ["3000多户"]),
    ("这三年间，全镇外出务工人员减少了一半。", ["一半"]),
    ("去年前10个月，港口吞吐量增长4.3%。", ["4.3%"]),
    ("近两年，全市新增市场主体5.6万户。", ["5.6万户"]),
    ("5天时间内，志愿者完成了120户的入户调查。", ["120户"]),
    ("十年间，全镇森林覆盖率提高了12个百分点。", ["12个百分点"]),
    ("短短三个月里，订单增加了两成。", ["两成"]),
    # a holiday's length is part of its period
    ("五一假期5天，我们家营业额有3万多元。", ["3万多元"]),
    ("国庆长假七天，景区接待游客12.6万人次。", ["12.6万人次"]),
    ("“十一”黄金周7天，全县旅游收入2.3亿元。", ["2.3亿元"]),
])
def test_a_duration_that_frames_a_period_is_not_a_claim(text: str, claims: list[str]) -> None:
    assert mentions(text) == claims


@pytest.mark.parametrize(("text", "claim"), [
    ("项目工期近3年。", "近3年"),
    ("整个工程历时两年。", "两年"),
    ("审批时间从20天压缩到5天。", "5天"),
    ("他在村里当了12年支部书记。", "12年"),
    ("提前3天完成任务。", "3天"),
    ("合同期限为5年。", "5年"),
    ("平均住院时间缩短了1.5天。", "1.5天"),
    ("每个月有8天在外地跑业务。", "8天"),
    ("发酵时间需要18个月。", "18个月"),
    ("培训为期3个月。", "3个月"),
    ("她在杭州打工了十几年。", "十几年"),
    ("一位有着三十多年制茶经验的老师傅说。", "三十多年"),
    ("这套设备已经连续运行了4年。", "4年"),
])
def test_a_duration_that_measures_stays_a_claim(text: str, claim: str) -> None:
    assert claim in mentions(text)


@pytest.mark.parametrize(("text", "written", "expected"), [
    ("今年前8个月，", "个月", True), ("近三年，开化县", "年", True), ("8天时间里，", "天", True),
    ("这两年把积蓄带回来", "年", True), ("工期近3年。", "年", False), ("提前3天完成", "天", False),
    ("过去五年，", "年", True), ("历时两年。", "年", False), ("今后五年，", "年", True), ("未来三年，", "年", True),
    ("五一假期5天，", "天", True), ("假期延长3天。", "天", False),
])
def test_period_reads_the_words_around_the_duration(text: str, written: str, expected: bool) -> None:
    assert period(text, quantity(text, written)) is expected


# ---------- slogans and programme names ----------


@pytest.mark.parametrize("text", [
    "全市建成“10分钟健身圈”。", "打造1小时经济圈。", "加快构建“15分钟便民生活圈”。", "落实“惠企政策20条”。",
    "出台“稳经济30条”措施。", "“32条”已在全市推开。", "推进“乡村振兴十条”落地。", "实施“人才新政28条”。",
    "全面推行“20分钟医保服务圈”。", "构建30分钟应急救援圈。",
])
def test_a_number_in_a_programme_name_is_not_a_claim(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(("text", "claim"), [
    ("“去年我家卖了3万斤。”老李说。", "3万斤"),
    ("“一年能挣10万元”，她笑着说。", "10万元"),
    ("他说：“每斤15元。”", "15元"),
    ("“我种了20亩”，老王说。", "20亩"),
    ("“今年收入超过5万元！”", "超过5万元"),
    ("全县“农家乐”经营户达到360家。", "360家"),
    ("形成以集镇为核心、10分钟可到达3个高速入口的交通圈。", "10分钟"),
    ("步行15分钟就能到达公园。", "15分钟"),
    ("“我们村有120户”，村支书说。", "120户"),
])
def test_a_quoted_or_timed_figure_that_measures_stays_a_claim(text: str, claim: str) -> None:
    assert claim in mentions(text)


def test_slogan_needs_a_short_quoted_name_or_a_ring() -> None:
    text = "“村级小微权力清单36条”的发源地。"
    assert slogan(text, quantity(text, "条"))
    speech = "“我家种了36亩。”"
    assert not slogan(speech, quantity(speech, "亩"))


# ---------- enumerations ----------


@pytest.mark.parametrize(("text", "claims"), [
    ("全村有上塘、下塘两个自然村。", []),
    ("培育了杨梅、枇杷、柑橘三个特色产业。", []),
    ("乌镇、西塘、南浔三个古镇入选名录。", []),
    ("依托东湖和西湖两处景区发展旅游。", []),
    ("建成图书馆、文化馆、体育馆3座场馆。", []),
    ("新建学校、医院两处，投资3亿元。", ["3亿元"]),
    ("引进浙江大学、复旦大学等5所高校。", ["5所"]),
    ("开设了书法、绘画、舞蹈等12个兴趣班。", ["12个"]),
    ("建成图书馆、文化馆、体育馆等场馆8座。", ["8座"]),
    ("全县有3个乡镇、2个街道。", ["3个", "2个"]),
    ("拥有茶叶、竹笋两大主导产业，带动农户2.3万户。", ["2.3万户"]),
    ("引进甲公司、乙公司两家企业，总投资12亿元。", ["12亿元"]),
    ("全镇有东村、西村、南村三个村，共1.2万人。", ["1.2万人"]),
])
def test_a_count_that_only_sums_its_list_is_not_a_claim(text: str, claims: list[str]) -> None:
    assert mentions(text) == claims


def test_enumeration_counts_the_items() -> None:
    text = "西递、宏村两处世界文化遗产地"
    assert enumeration(text, quantity(text, "处"))
    wrong = "西递、宏村三处遗产地"
    assert not enumeration(wrong, quantity(wrong, "处"))


_MARKS = "，,。；;：:！？!?\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_MARKS, "、", "村", "甲" * 30, "乙" * 70]), max_size=12).map("".join),
       st.integers(min_value=0, max_value=400))
def test_the_clause_start_is_just_after_the_last_mark(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert _clause_start(text, pos) == max(text.rfind(c, 0, pos) for c in _MARKS) + 1


# ---------- ranks in a league table ----------


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("全市地区生产总值增长7.2%，增速居全省第三。", "第三", 3),
    ("该县在全国百强县榜单中位列第27位。", "第27位", 27),
    ("规上工业增加值增速排名全市第一。", "第一", 1),
    ("农民收入连续五年位居全省第一。", "第一", 1),
    ("今年一季度，全区固定资产投资增幅跃居全市第二位。", "第二位", 2),
    ("在最新发布的榜单中，该市排在第15名。", "第15名", 15),
    ("出口总额稳居全省第4，较去年上升2位。", "第4", 4),
    ("全县人均存款余额名列全省第五。", "第五", 5),
    ("税收收入增幅位列全市第一，总量居第三。", "第三", 3),
    ("该区数字经济发展指数排名全国第12位。", "第12位", 12),
    ("城镇居民人均可支配收入居全省第八位。", "第八位", 8),
    ("全县生态环境质量公众满意度位居全省第一名。", "第一名", 1),
    ("游客满意度在全省景区中排第9。", "第9", 9),
])
def test_a_rank_in_a_league_table_is_a_claim_in_ranks(text: str, mention: str, value: int) -> None:
    row = rows(text)[mention]
    assert (row["value"], row["unit"], row["qualifier"]) == (value, "名次", "none")
    assert row["indicator"].endswith("排名") and text[row["char_start"]:row["char_end"]] == mention


@pytest.mark.parametrize(("text", "mention", "indicator"), [
    # the league's list in brackets (各县（市、区）) does not cut what is ranked from its rank
    ("全区地区生产总值增长5.9%，增速列金华市各县（市、区）第3位。", "第3位", "地区生产总值增速排名"),
    ("石斛电商销售额增速在温州市各县(市、区)排名第一。", "第一", "石斛电商销售额增速排名"),
])
def test_a_rank_is_named_across_the_brackets_of_its_league(text: str, mention: str, indicator: str) -> None:
    assert rows(text)[mention]["indicator"] == indicator


@pytest.mark.parametrize("text", [
    "第十届茶文化节开幕。", "该村入选第一批省级未来乡村。", "他开了第一家门店。", "驻村第一书记带领村民致富。",
    "这是全省第一个数字乡村试点。", "第三季度产值有所回落。", "把人才作为第一资源。", "今年是开渔节举办的第26个年头。",
    "分别获得第一、二名。", "列入全省第八批名单。", "他是村里第一位大学生。", "第二期工程年底完工。",
    "全国第一台国产设备在这里下线。", "这是她第三次来到这里。", "位于城区第一街道。",
])
def test_an_ordinal_in_a_name_or_count_is_not_a_claim(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(("text", "indicator"), [
    ("实际使用外资4.26亿美元，同比增长23.1%，总量位居嘉兴市第二。", "实际使用外资总量排名"),
    ("在2023年全国县域经济百强榜中，玉环市位列第38位。", "全国县域经济百强榜排名"),
    ("规上工业增加值145.3亿元，同比增长8.9%，增速居台州市第二位。", "规上工业增加值增速排名"),
    ("全县农村居民人均可支配收入连续20年位居全省第一。", "农村居民人均可支配收入排名"),
])
def test_a_rank_names_what_is_ranked(text: str, indicator: str) -> None:
    ranked = [r for r in extract_claims(text, DOC) if r["unit"] == "名次"]
    assert [r["indicator"] for r in ranked] == [indicator]


def test_a_rank_change_keeps_its_unit_and_the_rank_indicator() -> None:
    found = rows("在2023年全国县域经济百强榜中，玉环市位列第38位，较上年前移4位。")
    assert (found["4位"]["unit"], found["4位"]["is_growth"], found["4位"]["value"]) == ("位", True, 4)
    assert found["4位"]["indicator"] == found["第38位"]["indicator"]


def test_rank_subject_is_the_words_before_the_rank_verb() -> None:
    assert rank_subject("增速居台州市") == "增速"
    assert rank_subject("全区固定资产投资增幅跃居全市") == "全区固定资产投资增幅"
    text = "增速居台州市第二位；"
    assert rank(text, quantity(text, "位"))


# ---------- lone 一 as a share or multiple ----------


@pytest.mark.parametrize(("text", "mention", "value", "unit"), [
    ("全村近一半的劳动力外出务工。", "近一半", 50, "%"),
    ("游客量比上年增长一成。", "一成", 10, "%"),
    ("销售额比去年增长了一倍多。", "一倍多", 1, "倍"),
    ("产量提高了一倍。", "一倍", 1, "倍"),
    ("力争到2027年产值翻一番。", "翻一番", 100, "%"),
    ("五年来村集体收入翻了一番。", "翻了一番", 100, "%"),
    ("一半以上的农户种上了茶叶。", "一半以上", 50, "%"),
    ("一个半月就完工了。", "一个半月", 1.5, "月"),
    ("从县城开车要一个多小时。", "一个多小时", 1, "小时"),
])
def test_a_lone_yi_that_is_a_share_or_multiple_is_a_claim(text: str, mention: str, value: float, unit: str) -> None:
    row = rows(text)[mention]
    assert (row["value"], row["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["她和另一半一起经营民宿。", "我一半时间在村里。", "一元钱也要省。", "办了一笔贷款。"])
def test_a_lone_yi_in_a_word_is_not_a_claim(text: str) -> None:
    assert mentions(text) == []


# ---------- ratios ----------


@pytest.mark.parametrize(("text", "mention", "value", "qualifier", "indicator"), [
    ("城乡收入比缩小至1.68。", "1.68", 1.68, "ratio", "城乡收入比"),
    ("城乡居民收入比缩小到1.6以内。", "1.6以内", 1.6, "under", "城乡居民收入比"),
    ("城乡居民收入比由1.72缩小至1.65。", "1.65", 1.65, "ratio", "城乡居民收入比"),
    ("两地人均收入之比为1.3。", "1.3", 1.3, "ratio", "两地人均收入之比"),
    ("全县城乡居民收入比为1.52:1。", "1.52:1", 1.52, "ratio", "全县城乡居民收入比"),
    ("城乡收入比值下降到1.9。", "1.9", 1.9, "ratio", "城乡收入比"),
])
def test_a_ratio_is_in_bizhi(text: str, mention: str, value: float, qualifier: str, indicator: str) -> None:
    row = rows(text)[mention]
    assert (row["value"], row["unit"], row["qualifier"]) == (pytest.approx(value), "比值", qualifier)
    assert row["indicator"].endswith(indicator.removeprefix("全县"))


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("城乡居民收入比缩小至1.52:1，较上年同期下降0.03。", "0.03", -0.03),
    ("城乡收入比为1.8，比上年缩小0.05。", "0.05", -0.05),
    ("收入比降至1.71，较上年扩大0.02。", "0.02", 0.02),
])
def test_a_change_of_a_ratio_has_no_unit(text: str, mention: str, value: float) -> None:
    row = rows(text)[mention]
    assert (row["value"], row["unit"], row["is_growth"]) == (pytest.approx(value), "", True)


@pytest.mark.parametrize(("lead", "expected"), [
    ("城乡收入比缩小至", True), ("城乡居民收入比", True), ("两地之比为", True), ("比值达到", False),
    ("与去年相比", False), ("同比", False), ("比去年增长", False), ("收入比由1.72缩小至", True),
])
def test_ratio_lead(lead: str, expected: bool) -> None:
    assert ratio_lead(lead) is expected


def test_ratio_noun_is_the_words_before_bi() -> None:
    assert ratio_noun("城乡收入比缩小至") == "城乡收入"
    assert ratio_noun("比去年增长") == ""


# ---------- for all input ----------


_CATEGORY = st.sampled_from(["企业", "项目", "农户", "老年人", "家庭", "产业集群", "园区", "养殖场"])
_AMOUNT = st.sampled_from(["亿元", "千万元", "500万元", "10亿元", "30亩", "60周岁", "1000头", "2000万元"])
_COUNT = st.sampled_from(["家", "个", "户", "人", "名"])
_RANK_VERB = st.sampled_from(["居", "位居", "位列", "排名", "名列", "稳居", "跃居"])
_SCOPE = st.sampled_from(["全省", "全市", "全国", "嘉兴市", "台州市", "全县"])
_ORDINAL_NOUN = st.sampled_from(["批", "届", "家", "个", "期", "次", "书记", "季度"])


@settings(max_examples=150, deadline=None)
@given(_AMOUNT, st.sampled_from(["以上", "以上的"]), _CATEGORY, st.integers(2, 9999), _COUNT)
def test_a_bound_before_a_counted_category_is_never_a_claim(amount: str, bound: str, noun: str, count: int,
                                                           unit: str) -> None:
    text = f"全区{amount}{bound}{noun}{count}{unit}。"
    assert mentions(text) == [f"{count}{unit}"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["增速", "总量", "增幅", "出口额"]), _RANK_VERB, _SCOPE, st.integers(1, 99),
       st.sampled_from(["", "位", "名"]))
def test_a_rank_after_a_rank_verb_is_always_a_rank(subject: str, verb: str, scope: str, place: int,
                                                   suffix: str) -> None:
    text = f"全区{subject}{verb}{scope}第{place}{suffix}。"
    row = rows(text)[f"第{place}{suffix}"]
    assert (row["value"], row["unit"]) == (place, "名次")


@settings(max_examples=150, deadline=None)
@given(_SCOPE, st.sampled_from(["一", "二", "三", "十", "1", "2", "26"]), _ORDINAL_NOUN)
def test_an_ordinal_before_a_noun_is_never_a_claim(scope: str, numeral: str, noun: str) -> None:
    assert [m for m in mentions(f"{scope}第{numeral}{noun}在这里。") if m.startswith("第")] == []


@pytest.mark.parametrize("text", [
    "今年1-8月，临江高科园规上工业总产值达489.12亿元，同比增长7.7%，增速位居钱塘区六大产业平台第二。",
    "上半年，东港开发区实现营业收入96亿元，增幅居全市第一。",
    "青溪镇茶叶产量达1.2万吨，产量稳居全省乡镇第三位。",
])
def test_a_rank_describes_the_entity_of_the_figure_it_ranks(text: str) -> None:
    found = extract_claims(text, DOC)
    ranked = [r for r in found if r["unit"] == "名次"]
    assert len(ranked) == 1 and ranked[0]["entity"] == found[0]["entity"]
