"""Entity and period of a claim from the document around it: one small hand-written case per rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.context import DocumentContext, document_places
from gongfu.extract.document_index import DocumentIndex
from gongfu.extract.places import divisions
from gongfu.lexicon import load_surnames

STREET = {"doc_id": "t", "street": "临江街道", "district": "钱塘区", "city": "杭州市", "province": "浙江省"}
DISTRICT = {"doc_id": "t", "district": "婺城区", "city": "金华市", "province": "浙江省"}


def entity_of(text: str, number: str, document: dict | None = None) -> str:
    """The entity of the (first) occurrence of `number` in `text`."""
    context = DocumentContext(text, document or STREET)
    start = text.index(number)
    return context.entity(start, start + len(number))


def period_of(text: str, number: str, document: dict | None = None) -> str:
    context = DocumentContext(text, document or STREET)
    start = text.index(number)
    return context.period(start, start + len(number))


def test_the_document_place_is_the_most_specific_one_given() -> None:
    assert document_places(STREET)[0] == "临江街道"
    assert document_places(DISTRICT)[0] == "婺城区"


def test_nearest_name_before_the_number() -> None:
    assert entity_of("今年,临江高科园规上工业总产值达489.12亿元。", "489.12亿元") == "临江高科园"


def test_a_chain_of_places_is_one_name_without_the_documents_own_district() -> None:
    text = "婺城区乾西乡移民小康社区目前共安置了2600余位村民。"
    assert entity_of(text, "2600余位", DISTRICT) == "乾西乡移民小康社区"


def test_without_a_name_the_documents_place() -> None:
    assert entity_of("产业不断积聚,企业有106家。", "106家") == "临江街道"


def test_a_number_describing_the_name_after_it() -> None:
    assert entity_of("临江街道发布消息,总投资15亿元的锦凯项目开工。", "15亿元") == "锦凯项目"
    assert entity_of("今年72岁的朱水源是南杨社区第四党支部书记。", "72岁") == "朱水源"


def test_respectively_pairs_names_and_numbers_in_order() -> None:
    text = "推动安置房建设,东山陈安置房和裴家里区块安置房分别完成总工程量的85%和18%。"
    context = DocumentContext(text, STREET)
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("85%", "18%")]
    context.set_numbers(spans)
    assert [context.entity(*s) for s in spans] == ["东山陈安置房", "裴家里区块安置房"]


def test_a_demonstrative_stands_for_the_latest_name_with_that_ending() -> None:
    assert entity_of("以高新社区为例。目前,该社区设置了12个网格。", "12个") == "高新社区"


def test_a_bare_noun_at_the_start_of_a_clause_stands_for_the_name_before() -> None:
    text = "褚大姐甜瓜专业合作社理事长褚富宝介绍了情况。\n截至目前,合作社已帮扶32户。"
    assert entity_of(text, "32户") == "褚大姐甜瓜专业合作社"


def test_here_stands_for_the_topic_of_the_previous_sentence() -> None:
    text = "成立于2018年的临江科技孵化园,就是临江打造的梦工厂。这里占地不到1万平方米。"
    assert entity_of(text, "不到1万平方米") == "临江科技孵化园"


def test_the_short_form_of_the_documents_place() -> None:
    assert entity_of("目前,临江已集聚农业龙头企业2家。", "2家") == "临江街道"


def test_objects_of_movement_verbs_are_not_the_topic() -> None:
    text = "陶伙林来自箬阳横坑村,下山搬迁到乾西移民小康社区已有10多年。"
    assert entity_of(text, "10多年", DISTRICT) == "陶伙林"


def test_affiliations_and_speakers_are_not_the_topic() -> None:
    text = "今年72岁的朱水源热心公益。南杨社区党委书记刘勇介绍,朱水源每年走访社区老人2000次以上。"
    assert entity_of(text, "2000次以上") == "朱水源"


@pytest.mark.parametrize(("text", "number", "expected"), [
    # who reports the figures (据X统计, X日前发布数据) is not what they describe
    ("新昌县统计局日前发布数据，1-10月，全县规上工业增加值186.4亿元。其中，装备制造业增加值98.7亿元。", "98.7亿元",
     "新昌县"),
    ("椒江区人社局近日公布，全区新增就业2.1万人。其中，高校毕业生6800人。", "6800人", "椒江区"),
    ("据越城区农业农村局统计，鉴湖街道新增家庭农场12家。", "12家", "鉴湖街道"),
    ("据越城区农业农村局统计，全区新增家庭农场12家。", "12家", "越城区"),
    # the reporter learns from an agency (从X获悉, 从X了解到), an official reveals (透露, 强调, 披露)
    ("记者从柯桥区统计局获悉，今年1-10月，柯桥街道工业产值120亿元。", "120亿元", "柯桥街道"),
    ("从上虞区农业农村局了解到，盖北镇葡萄种植面积达到3.2万亩。", "3.2万亩", "盖北镇"),
    ("诸暨市文旅局负责人透露，五泄镇今年接待游客56万人次。", "56万人次", "五泄镇"),
    ("嵊州市经信局披露，甘霖镇规上企业产值增长12%。", "12%", "甘霖镇"),
])
def test_who_reports_the_figures_is_not_what_they_describe(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, {"doc_id": "t", "city": "绍兴市", "province": "浙江省"}) == expected


def test_a_predicate_after_shi_is_not_the_topic() -> None:
    text = "今年72岁的朱水源是南湖区建设街道南杨社区第四党支部书记,目前有8把钥匙。"
    assert entity_of(text, "8把") == "朱水源"


def test_one_of_a_list_counted_is_not_the_topic() -> None:
    assert entity_of("建成投用4所学校,高新幼儿园等2所学校启动建设。", "2所") == "临江街道"


def test_a_number_in_a_quotation_belongs_to_the_speakers_organisation() -> None:
    text = "“今年种了1000亩左右的西瓜。”临江街道“萧君”瓜果农业专业合作社社长张啸林说。"
    assert entity_of(text, "1000亩左右") == "临江街道“萧君”瓜果农业专业合作社"


def test_the_topic_carries_over_within_a_paragraph_but_not_across() -> None:
    text = "群众有需求,高新社区有行动。目前,志愿人数达122人。\n志愿人数达30人。"
    assert entity_of(text, "122人") == "高新社区"
    assert entity_of(text, "30人") == "临江街道"


def test_a_semicolon_part_keeps_a_place_subject_but_not_a_facility_or_a_named_other() -> None:
    text = "福寿康居家养老服务中心开业了。\n中心内有认知症床位12张;划定居家养老服务圈3个。"
    assert [entity_of(text, n) for n in ("12张", "3个")] == ["福寿康居家养老服务中心", "临江街道"]
    text = "上半年,白沙村新增民宿12家;红岩村新增民宿8家。"
    assert [entity_of(text, n) for n in ("12家", "8家")] == ["白沙村", "红岩村"]


def test_whole_district_means_the_documents_own() -> None:
    assert entity_of("目前,已在全区构建了70个红盟。", "70个", DISTRICT) == "婺城区"


def test_ocr_spaces_inside_a_name_are_ignored() -> None:
    assert entity_of("今年1-8月,临江高 科园规上工业总产值达489.12亿元。", "489.12亿元") == "临江高科园"


# ---------- periods ----------


def test_nearest_period_before_the_number() -> None:
    assert period_of("今年1-8月,规上工业总产值达489.12亿元。", "489.12亿元") == "今年1-8月"
    assert period_of("今年1一8月,规上工业总产值达489.12亿元。", "489.12亿元") == "今年1-8月"


def test_no_period_gives_empty() -> None:
    assert period_of("临江街道辖区产业工人接近5.6万人。", "接近5.6万人") == ""


def test_a_year_written_onto_a_number_belongs_to_it_alone() -> None:
    text = "研发投入强度从2009年的2.28%提高到2020年的3.73%以上,连续十多年位居第一。"
    assert [period_of(text, n) for n in ("2.28%", "3.73%以上", "十多年")] == ["2009年", "2020年", ""]
    text = "戴素连今年58岁,耕种4亩地。"
    assert [period_of(text, n) for n in ("58岁", "4亩")] == ["今年", ""]


@pytest.mark.parametrize(("text", "number", "expected"), [
    # when something happened (成立于2008年) is not the time of the figures in the clauses after it
    ("合作社成立于2008年，现有社员236户。", "236户", ""),
    ("合作社成立于2008年，当年社员只有12户。", "12户", ""),
    ("这家工厂建于1998年。2023年，工厂产值达2亿元。", "2亿元", "2023年"),
    ("该企业始建于1985年，占地80亩。", "80亩", ""),
    # a year in the name of an event (举行2025年第四季度…签约活动) is not the time of its figures
    ("鄞州区举行2025年第四季度重大项目集中签约活动，现场签约项目26个。", "26个", ""),
    ("县统计局发布2023年统计公报，全县生产总值增长6%。", "6%", "2023年"),  # a bulletin's year is its figures'
])
def test_an_event_date_is_not_the_period_of_the_figures_after_it(text: str, number: str, expected: str) -> None:
    assert period_of(text, number) == expected


def test_a_deadline_is_not_a_period() -> None:
    # the deadline is not the period; the event frame of the number's own clause is (devset guide: 达产后)
    assert period_of("计划于2023年底前建成,全部达产后将创造70亿元年产值。", "70亿元") == "达产后"


def test_first_and_second_half_together_are_seasons() -> None:
    assert period_of("推出上半年种植经济作物,下半年种植晚稻的9种农作模式。", "9种") == ""
    assert period_of("下半年种植晚稻的9种农作模式。", "9种") == "下半年"


def test_a_frame_carries_to_later_sentences_of_the_paragraph() -> None:
    text = "上半年,街道实现规上工业总产值15.3亿元。完成增加值2237万元。\n新增托位40个。"
    assert [period_of(text, n) for n in ("15.3亿元", "2237万元", "40个")] == ["上半年", "上半年", ""]


def test_a_frame_stops_where_the_subject_changes() -> None:
    text = "去年,长安村实施城中村改造。闻堰街道清除河床垃圾约1.35万立方米。"
    assert period_of(text, "约1.35万立方米", {"street": "闻堰街道"}) == ""


def test_ocr_spaces_inside_a_period_are_ignored() -> None:
    assert period_of("截 至目前,平台共注册2000余人。", "2000余人") == "截至目前"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("临江街道社区该这里今年上半年去年的是在,。;“”\n 12345万人家个分别和")),
               max_size=80))
def test_any_text_gives_an_entity_and_a_period_without_error(text: str) -> None:
    context = DocumentContext(text, STREET)
    for start in range(0, len(text), 7):
        entity = context.entity(start, min(len(text), start + 2))
        period = context.period(start, min(len(text), start + 2))
        assert isinstance(entity, str) and entity
        assert isinstance(period, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("临江街道社区该这里今年上半年去年的是在,。;：“”\n 12345万人家个分别和")),
               max_size=80))
def test_the_callers_index_gives_the_same_answers_as_the_contexts_own(text: str) -> None:
    """extract_claims passes its DocumentIndex; the answers are those of a context indexing the text itself (with
    spaces inside a line the text without them is indexed instead)."""
    own, shared = DocumentContext(text, STREET), DocumentContext(text, STREET, DocumentIndex(text))
    assert (shared.index is not own.index) and (shared.index.text == own.t)
    for start in range(0, len(text), 5):
        end = min(len(text), start + 2)
        assert (shared.entity(start, end), shared.period(start, end)) == (own.entity(start, end),
                                                                         own.period(start, end))


# ---------- issue 18: who the number is about, on wording nobody tuned for ----------

COUNTY = {"doc_id": "t", "district": "建瓯市", "city": "南平市", "province": "福建省"}
TOWNSHIP = {"doc_id": "t", "district": "秭归县", "city": "宜昌市", "province": "湖北省"}


def context_of(text: str, numbers: tuple[str, ...], document: dict | None = None) -> DocumentContext:
    """A context with its claims' spans set, as extract_claims does."""
    context = DocumentContext(text, document or COUNTY)
    context.set_numbers([(text.index(n), text.index(n) + len(n)) for n in numbers])
    return context


def entity_and_type(text: str, number: str, document: dict | None = None) -> tuple[str, str]:
    context = context_of(text, (number,), document)
    start = text.index(number)
    entity = context.entity(start, start + len(number))
    return entity, context.entity_type(entity)


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a place that starts with a surname and is followed by 是 is still a place
    ("建瓯市是全国最大的笋竹加工基地，全市竹林面积达到170万亩。", "170万亩", ("建瓯市", "place")),
    ("高州市是荔枝之乡。高州市荔枝种植面积54万亩。", "54万亩", ("高州市", "place")),
    ("安溪县是乌龙茶的故乡。安溪县茶园面积60万亩。", "60万亩", ("安溪县", "place")),
    # a speaker introduced by what they are (茶农, 种植户, 养殖户, 群众演员, 华侨)
    ("“我家今年采了300多斤春茶。”茶农林秀珍说。", "300多斤", ("林秀珍", "person")),
    ("“我们一家种了15亩脐橙，一年能卖十来万元。”种植户黄德明说。", "15亩", ("黄德明", "person")),
    ("“去年我养了20箱蜜蜂。”养殖户孔庆云笑着说。", "20箱", ("孔庆云", "person")),
    ("“一天能拍三场戏。”群众演员小吴今年19岁。", "19岁", ("小吴", "person")),
    ("“我在米兰做了15年服装生意。”旅意华侨潘先生说。", "15年", ("潘先生", "person")),
    ("“每天要剥2000多个笋。”笋农郑阿姨一边干活一边说。", "2000多个", ("郑阿姨", "person")),
    # an honorific names a person whatever verb follows; 老师/小时 are words, not people
    ("“这一季我摘了800斤。”果农于大哥扳着指头算。", "800斤", ("于大哥", "person")),
    ("“至少晾晒三个月才能出售。”一位老师傅说。", "三个月", ("建瓯市", "place")),
    # 58岁的茶农钟大姐: an age describing the person after the description
    ("今年63岁的菜农邱大伯每天凌晨出摊。", "63岁", ("邱大伯", "person")),
    ("71岁的独居老人曹奶奶住进了新房。", "71岁", ("曹奶奶", "person")),
    # a first-person quotation with no speaker at it: the person the paragraph introduced
    ("在建瓯笋竹城，经营笋干的商户蔡志强正在打包。“我们店今年的网店订单做了80多万元。”",
     "80多万元", ("蔡志强", "person")),
    ("养殖户叶春生刚拉来一车鸭子。“我家的鸭子一只能卖到60元。”他说。", "60元", ("叶春生", "person")),
    # reported speech after 说，: the speaker's own figure
    ("“我回国开了一家茶馆。”华侨吕女士说，今年店里的营业额预计能达到120万元。", "120万元", ("吕女士", "person")),
    # the clause, not the whole quotation, decides whether a figure is the place's or the speaker's
    ("“现在村里有农家乐31家，我家这家一年能接待四千多人。”村民龚大姐说。", "31家", ("建瓯市", "place")),
    ("“现在村里有农家乐31家，我家这家一年能接待四千多人。”村民龚大姐说。", "四千多人", ("龚大姐", "person")),
    # a person's figures stay in their sentence: the next sentence is not theirs
    ("“我种了2万袋木耳。”耳农单师傅说。县里推出“木耳贷”，单户最高可贷30万元。", "30万元", ("木耳贷", "project")),
    # where the speaker is (我在村里的…, 回到镇里) is not the whole place the figure would then be about
    ("“我在村里的竹编工坊干活，一个月能挣四千多元。”52岁的村民蓝阿姨说。", "四千多元", ("蓝阿姨", "person")),
    ("“我回到镇里开了家面馆，一天能卖300多碗。”店主夏师傅说。", "300多碗", ("夏师傅", "person")),
    ("“村里有茶园1.5万亩，家家户户都种茶。”村民严大伯说。", "1.5万亩", ("建瓯市", "place")),
    # an age describes the person after a word for what they are (社员, 民宿主, 木雕师, 员工)
    ("“我们家一年收了6吨干笋。”66岁的社员蒋阿婆说。", "66岁", ("蒋阿婆", "person")),
    ("29岁的民宿主彭女士把老屋改成了民宿。", "29岁", ("彭女士", "person")),
    ("“一天能雕三块花板。”来自福建的90后木雕师小严说。", "三块", ("小严", "person")),
    ("“厂里一个月发我6000多元。”45岁的员工任大姐说。", "6000多元", ("任大姐", "person")),
    ("来自江西的画家老周已经在这里住了11年。", "11年", ("老周", "person")),  # 老 + surname after an occupation
    ("“一天能采四五斤鲜叶。”采茶工小范说。", "四五斤", ("小范", "person")),
    # a spokesperson speaks for the organisation named before their role, unless they say 我 of themself
    ("瑞丰阀门有限公司总经理吴建国说：“今年我们接到的订单有1.3亿元。”", "1.3亿元",
     ("瑞丰阀门有限公司", "organisation")),
    ("“一个月能发5万台。”瑞丰阀门有限公司副总经理吴建国说。", "5万台", ("瑞丰阀门有限公司", "organisation")),
    ("瑞丰阀门有限公司总经理吴建国介绍，企业研发人员已有120人。", "120人", ("瑞丰阀门有限公司", "organisation")),
    ("在一家水泵企业，负责人吴建国介绍，现在生产线每小时能装配300台。", "300台", ("水泵企业", "organisation")),
    ("桃源茶叶专业合作社理事长说，今年计划新建冷库2座。", "2座", ("桃源茶叶专业合作社", "organisation")),
    ("瑞丰阀门有限公司总经理吴建国说：“我家种了3亩茶园。”", "3亩", ("吴建国", "person")),
    ("“我今年53岁。”瑞丰阀门有限公司总经理吴建国说。", "53岁", ("吴建国", "person")),
    ("“我们一家种了15亩脐橙。”种植户黄德明说。", "15亩", ("黄德明", "person")),  # no organisation spoken for
    ("建瓯市农业服务中心负责人介绍，今年全市笋干收购价每斤涨了1块钱。", "1块钱", ("建瓯市", "place")),  # an agency
])
def test_speakers_and_people(text: str, number: str, expected: tuple[str, str]) -> None:
    assert entity_and_type(text, number) == expected


@pytest.mark.parametrize(("text", "number", "document", "expected"), [
    # scenic areas, ports, markets, temples, waterfalls are named places and organisations
    ("春节假期，秭归县接待游客40万人次。其中，屈原故里景区接待游客12.5万人次。", "12.5万人次", TOWNSHIP,
     "屈原故里景区"),
    ("凌晨，秭归县茅坪港迎来出港高峰，300余艘货船陆续起航。", "300余艘", TOWNSHIP, "茅坪港"),
    ("前三季度，建瓯笋竹交易市场实现成交额18亿元。", "18亿元", COUNTY, "建瓯笋竹交易市场"),
    ("景区因拥有落差120米的九龙瀑布而闻名。", "120米", COUNTY, "九龙瀑布"),
    ("光孝寺单日最高接待香客1.2万人次。", "1.2万人次", COUNTY, "光孝寺"),
    # a unit is trimmed from a name only right after a number (天台县: 天 and 台 are units too)
    ("今年“十一”假期，天台县共接待游客30万人次。", "30万人次", {"district": "天台县"}, "天台县"),
    ("1.6平方公里未来科创社区已入驻企业120家。", "120家", COUNTY, "未来科创社区"),
    # a graded category (4A级, 国家级) is not a name; a name right before a count is the thing counted
    ("全市现有4A级景区12个，省级森林村庄30个。", "12个", COUNTY, "建瓯市"),
    ("今年1-9月，建瓯市新引进外资项目17个。", "17个", COUNTY, "建瓯市"),
    ("街道设有社区养老服务驿站8个、老年食堂5家。", "8个", {"street": "水亭街道", "district": "建瓯市"}, "水亭街道"),
    ("全镇有写生基地和民宿村20多处。", "20多处", {"street": "迪口镇", "district": "建瓯市"}, "迪口镇"),
    # publishers and titles are not the subject
    ("建瓯市统计局数据显示，1-9月全市规上工业产值增长5.1%。", "5.1%", COUNTY, "建瓯市"),
    ("根据《福建省竹产业发展规划》，今年下达补助资金800万元。", "800万元", COUNTY, "建瓯市"),
    # descriptions are not names; a comparison's other side is not the subject
    ("今年，全市新增城镇就业岗位9000个。", "9000个", COUNTY, "建瓯市"),
    ("示范区内已开通跨省公交线路6条。", "6条", COUNTY, "建瓯市"),
    ("建瓯市GDP增速高于全省平均0.8个百分点。", "0.8个百分点", COUNTY, "建瓯市"),
    ("建瓯市距离武夷山市约90公里。", "90公里", COUNTY, "建瓯市"),
    ("建瓯市连续5年位居福建省县域经济前列，笋竹产业规模突破200亿元。", "200亿元", COUNTY, "建瓯市"),
    ("建瓯市被誉为“中国笋竹之乡”。镇上现有竹制品企业600多家。", "600多家", COUNTY, "建瓯市"),
    ("村里先后向云南、贵州等地的贫困村捐赠竹苗20万株。", "20万株", COUNTY, "建瓯市"),
])
def test_places_and_organisations(text: str, number: str, document: dict, expected: str) -> None:
    assert entity_and_type(text, number, document)[0] == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # 村里, 镇上, 全村 and bare endings stand for the village, town or estate under discussion
    ("秭归县郭家坝镇烟灯堡村种植脐橙3000亩。村里现有脐橙合作社5家。", "5家", "烟灯堡村"),
    ("秭归县郭家坝镇烟灯堡村种植脐橙3000亩。\n近年来，村里累计投入500多万元修建冷库。", "500多万元", "烟灯堡村"),
    ("秭归县茅坪镇九里新村建于上世纪九十年代。去年，小区投入改造资金1200万元。", "1200万元", "九里新村"),
    # a village's own name, without the town and county in front; a town starting with a function character
    ("秭归县郭家坝镇烟灯堡村种植脐橙3000亩。", "3000亩", "烟灯堡村"),
    ("秭归县和平镇王家岭村种植茶叶800亩。", "800亩", "王家岭村"),
    ("在屈原镇，民宿已成为当地名片。全镇有民宿60多家。", "60多家", "屈原镇"),
    # the subject of the sentence carries across ；
    ("2023年，烟灯堡村集体收入达到96万元；村民人均可支配收入3.1万元。", "3.1万元", "烟灯堡村"),
    # 在X inside a clause is where, not who
    ("一家台资电子企业负责人介绍，公司去年在秭归追加投资2亿元。", "2亿元", "台资电子企业"),
    # an unnamed firm gets a short descriptive name, with the place it is given in
    ("在茅坪镇的一家柑橘加工企业车间里，生产线每小时可分拣12吨脐橙。", "12吨", "茅坪镇柑橘加工企业"),
    ("日本一家精密机械企业在秭归投资3亿元。", "3亿元", "日本精密机械企业"),
    # a quoted programme launched at the end of a clause, or pointed back at
    ("县里推出“橙农贷”，单户最高可贷20万元，已惠及橙农1200余户。", "1200余户", "橙农贷"),
    ("秭归县是“村务公开十二条”的发源地。这项制度把村级事务梳理成24项公开事项。", "24项", "村务公开十二条"),
    # a market after its name, opening a clause
    ("1-6月，九畹溪脐橙市场成交额9亿元。\n目前，市场日均客流8000人次。", "8000人次", "九畹溪脐橙市场"),
])
def test_villages_firms_and_programmes(text: str, number: str, expected: str) -> None:
    assert entity_and_type(text, number, TOWNSHIP)[0] == expected


@pytest.mark.parametrize(("text", "number"), [
    ("以前一家人守着几台织机，一年赚个三五万元。", "三五万元"),  # 一家人 is a family, not a firm
    ("一家三口种了8亩草莓。", "8亩"),
    ("村口有一家小卖部，每天营业12小时。", "12小时"),
])
def test_no_descriptive_firm_without_a_firm_ending(text: str, number: str) -> None:
    assert entity_and_type(text, number) == ("建瓯市", "place")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(n for n in divisions() if n[0] in load_surnames() and len(n) <= 4)),
       st.sampled_from(["是", "今年", "来自", "说"]))
def test_a_division_named_like_a_person_is_a_place(name: str, follow: str) -> None:
    """平湖市是…, 高州市今年…: a division whose first character is a surname is never typed person."""
    text = f"{name}{follow}全国重要的产业基地，{name}企业达到300家。"
    context = DocumentContext(text, COUNTY)
    assert name not in context.person_names and context.entity_type(name) != "person"


@pytest.mark.parametrize(("short", "full"), [
    ("龙泉", "龙泉市"), ("余杭", "余杭区"), ("安吉", "安吉县"), ("黄岩", "黄岩区"),
])
def test_the_short_form_of_a_division_the_text_names_is_no_person(short: str, full: str) -> None:
    """龙泉是青瓷的故乡 … 龙泉市财政局: the short form is the place, though 龙 is a surname and 是 follows."""
    text = f"{short}是青瓷和宝剑的故乡。近日，{full}财政局下达专项资金180万元。"
    assert short not in DocumentContext(text, COUNTY).person_names


@pytest.mark.parametrize(("text", "product"), [
    ("惠明茶是景宁的“金名片”，全县种植面积7.3万亩。", "惠明茶"),
    ("金华酒是婺城的老字号，年销售额1.2亿元。", "金华酒"),
    ("文旦鸡今年卖了3万只。", "文旦鸡"),
])
def test_a_product_named_like_a_person_is_no_person(text: str, product: str) -> None:
    """A surname and two characters before 是/今年 look like a person; a product's last character says not."""
    assert product not in DocumentContext(text, COUNTY).person_names


@pytest.mark.parametrize(("text", "number", "entity", "kind"), [
    # 有 inside 有限公司 does not cut the name, and 公司 after it stands for the firm
    ("在浙江长耐新材料科技有限公司的车间里，公司今年出口额预计达到4,500万美元。", "4,500万美元",
     "浙江长耐新材料科技有限公司", "organisation"),
    ("建瓯竹木制品股份有限公司去年实现营业收入3.6亿元。", "3.6亿元", "建瓯竹木制品股份有限公司", "organisation"),
    ("福建闽北有限责任公司今年员工达到860余名。", "860余名", "福建闽北有限责任公司", "organisation"),
    # a brand named after its place, where its shops are counted
    ("目前，全国各地的嵊州小笼包门店已超过1.2万家，从业人员约4万人。", "1.2万家", "嵊州小笼包", "organisation"),
    ("目前，全国各地的嵊州小笼包门店已超过1.2万家，从业人员约4万人。", "4万人", "嵊州小笼包", "organisation"),
    ("全国的万州烤鱼门店超过3.5万家。", "3.5万家", "万州烤鱼", "organisation"),
    ("沙县小吃连锁店遍布全国，总数达到8.8万家。", "8.8万家", "沙县小吃", "organisation"),
    ("兰州牛肉面门店在杭州有1200余家。", "1200余家", "兰州牛肉面", "organisation"),
    # a market city, and 市场 after it stands for it
    ("南马镇的中国木雕红木家具城今年实现交易额236亿元。", "236亿元", "中国木雕红木家具城", "organisation"),
    ("南马镇的中国木雕红木家具城今年实现交易额236亿元。目前，市场内入驻企业1,580余家。", "1,580余家",
     "中国木雕红木家具城", "organisation"),
    ("柯桥的中国轻纺城去年成交额突破2000亿元。市场经营户超过3万户。", "3万户", "中国轻纺城", "organisation"),
    # a festival or fair is a project, named without its edition
    ("村里每年秋天举办香榧文化节，历届累计吸引游客二百三十余万人次。", "二百三十余万人次", "香榧文化节", "project"),
    ("第十届濮院时尚周将于10月18日开幕，届时将有120个原创设计师品牌参展。", "120个", "濮院时尚周", "project"),
    ("首届建瓯笋竹博览会吸引采购商3000余名。", "3000余名", "建瓯笋竹博览会", "project"),
])
def test_firms_brands_markets_and_events_are_named_with_their_kind(text: str, number: str, entity: str,
                                                                   kind: str) -> None:
    assert entity_and_type(text, number) == (entity, kind)


@pytest.mark.parametrize(("text", "number"), [
    # a verb before a description is not part of a name, and 重大项目 names no project
    ("4月18日，建瓯市举行重大项目集中签约活动，现场共签约项目16个。", "16个"),
    ("建瓯市召开重点项目推进会，今年计划开工项目42个。", "42个"),
    ("建瓯市印发招商项目清单，总投资达到127.5亿元。", "127.5亿元"),
    # shops without a product between the place and them make no brand
    ("建瓯市新开门店120家。", "120家"),
    ("建瓯市的门店有120家。", "120家"),
    ("建瓯市现有门店120家。", "120家"),
    ("建瓯市累计开设门店120家。", "120家"),
    # 回乡, 返乡 are going home, not a township; 投资项目, 扩建项目 describe projects, they name none
    ("全市华侨回乡投资项目87个，协议投资额约2.6亿欧元。", "87个"),
    ("全市华侨回乡投资项目87个，协议投资额约2.6亿欧元。", "2.6亿欧元"),
    ("今年，全市大学生返乡创业人数达到1200人。", "1200人"),
    ("全市新开工扩建项目12个。", "12个"),
])
def test_descriptions_name_nothing_so_the_documents_place_stands(text: str, number: str) -> None:
    assert entity_and_type(text, number) == ("建瓯市", "place")


def test_a_short_form_alone_may_still_be_a_person() -> None:
    """A person called 罗平 in a text that never names 罗平县 stays a person."""
    text = "村民罗平是种粮大户，他今年种了300亩水稻。"
    assert "罗平" in DocumentContext(text, COUNTY).person_names


@pytest.mark.parametrize(("text", "number", "entity"), [
    # 会同市经信局: 会同 is "together with"; 会同市 is no city, so it neither ends the chain nor names a place
    ("龙泉市财政局会同市经信局下达专项资金180万元。", "180万元", "财政局"),
    ("县农业农村局联合市水利局投入资金500万元。", "500万元", "市水利局"),  # not 联合市
])
def test_a_city_or_county_name_that_is_no_division_is_not_a_place(text: str, number: str, entity: str) -> None:
    assert entity_and_type(text, number, {"doc_id": "t", "district": "龙泉市", "city": "丽水市",
                                          "province": "浙江省"})[0] == entity


@pytest.mark.parametrize(("text", "numbers", "expected"), [
    # a frame opening the paragraph carries while the text continues the same report, across subjects
    ("数据显示，1-9月，建瓯笋竹城成交额达30亿元。建瓯市竹制品出口额为8亿元。", ("30亿元", "8亿元"),
     ["1-9月", "1-9月"]),
    ("上半年，建瓯市新引进项目21个。一家日本企业在建瓯追加投资2亿元。", ("21个", "2亿元"), ["上半年", "上半年"]),
    # a frame inside a paragraph does not carry past its own sentence
    ("腾出的空间被用来发展竹产业。2023年，竹产业产值增长9%。建瓯市计划用3年时间建成2个园区。",
     ("9%", "3年", "2个"), ["2023年", "", ""]),
    # an event's date carries only while its subject holds, and not after the subject changed once
    ("2022年，东峰供热项目正式投运。依托竹产业，建瓯市集聚企业120余家。该项目供暖面积约30万平方米。",
     ("120余家", "约30万平方米"), ["", ""]),
    # a span since (今年以来) or a vague time (这些年) is no reporting period: it stops where the subject changes
    ("今年以来，建瓯市新签约项目18个。东峰供热项目已完成工程量30%。", ("18个", "30%"), ["今年以来", ""]),
    ("这些年，建瓯市建成学校4所。东峰医院拥有床位260张。", ("4所", "260张"), ["这些年", ""]),
    # a plan has its own time
    ("2023年，建瓯市竹产业产值增长9%。建瓯市计划用3年时间建成2个园区。", ("9%", "2个"), ["2023年", ""]),
    # the base of a multiple, the starting value of a change
    ("2023年，全市竹产业产值达到200亿元，是2013年的3倍。", ("200亿元", "3倍"), ["2023年", "2023年"]),
    ("改造后，产品次品率由2.5%降至0.6%。", ("2.5%", "0.6%"), ["", "改造后"]),
    ("亩均产值由原来的不到5万元提高到12万元。", ("5万元", "12万元"), ["原来", ""]),
    # 全年 under a year frame is that year; under a part-year frame it stays 全年
    ("2023年，迪口镇接待游客40万人次。全镇现有民宿60家，全年接待游客52万人次。", ("40万人次", "52万人次"),
     ["2023年", "2023年"]),
    ("今年上半年，建瓯港完成吞吐量300万吨，预计全年吞吐量将突破700万吨。", ("300万吨", "700万吨"),
     ["今年上半年", "全年"]),
])
def test_periods_of_frames_and_changes(text: str, numbers: tuple[str, ...], expected: list[str]) -> None:
    context = context_of(text, numbers)
    assert [context.period(text.index(n), text.index(n) + len(n)) for n in numbers] == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # firms counted (N家) in a later sentence are the place's, not those of a firm the paragraph named
    ("鑫达机械有限公司去年产值5亿元。今年新培育科技型企业46家。", "46家", "婺城区"),
    ("鑫达机械有限公司去年产值5亿元。全年新增规上工业企业38家。", "38家", "婺城区"),
    # a place the paragraph is about still carries
    ("白龙桥镇去年产值5亿元。今年新培育科技型企业46家。", "46家", "白龙桥镇"),
    # in its own sentence a firm keeps what it counts
    ("鑫达机械有限公司在全国开设门店120家。", "120家", "鑫达机械有限公司"),
    # other figures after a firm's sentence still carry its name
    ("鑫达机械有限公司去年产值5亿元。今年新增订单3,000万元。", "3,000万元", "鑫达机械有限公司"),
])
def test_firms_counted_are_a_places_not_the_firm_before(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a name's people counted (员工达到420人) are the name's figure; its people speaking are not (负责人介绍)
    ("鑫达机械有限公司员工达到420人。", "420人", "鑫达机械有限公司"),
    ("白龙桥镇居民有3.2万人。", "3.2万人", "白龙桥镇"),
    ("鑫达机械有限公司职工人数为510人。", "510人", "鑫达机械有限公司"),
    ("白龙桥镇负责人介绍，全镇去年产值5亿元。", "5亿元", "白龙桥镇"),
])
def test_a_names_people_counted_are_its_figure(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # after a subject, the one it deals with (与/同/跟 X) is not who the figures are about
    ("南湖合作社还与一家茶饮企业签下三年订单，每年收购菊花不少于100吨。", "100吨", "南湖合作社"),
    ("绿丰农业有限公司与德国一家企业签约，今年出口额600万美元。", "600万美元", "绿丰农业有限公司"),
    ("白龙桥镇还与金华一家物流公司合作，建成冷库12座。", "12座", "白龙桥镇"),
    # A与B opening a clause: the subject named first
    ("琅琊镇与白龙桥镇共建产业园，总投资8亿元。", "8亿元", "琅琊镇"),
    # no subject before 与: the name after it is the nearest as before
    ("与白龙桥镇相比，琅琊镇新增就业1,200人。", "1,200人", "琅琊镇"),
])
def test_the_partner_of_a_subject_is_not_the_topic(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


def test_the_documents_own_town_is_a_name_though_it_ends_in_a_generic_word() -> None:
    town = {"doc_id": "t", "street": "大集镇", "district": "曹县", "city": "菏泽市", "province": "山东省"}
    text = "山东省曹县大集镇被称为汉服之乡。今年1-6月，大集镇汉服网络销售额达28.4亿元。"
    assert entity_of(text, "28.4亿元", town) == "大集镇"
    assert entity_of("全县建成中心集镇8个。", "8个", DISTRICT) == "婺城区"  # 中心集镇 describes


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a firm, school, hospital, bank or co-operative named once is what its bare ending means paragraphs later
    ("白龙桥镇中心小学创办于1905年。\n今年新建功能教室12间。\n校长介绍，学校教师平均年龄38岁。", "38岁",
     "白龙桥镇中心小学"),
    ("金华宏泰机械有限公司去年产值5亿元。\n全镇工业增长8%。\n今年，公司计划投资1.2亿元。", "1.2亿元",
     "金华宏泰机械有限公司"),
    # other bare endings look back one paragraph only
    ("白龙桥镇文化中心去年开放。\n全镇新增就业300人。\n全镇建成公园5个。\n中心今年接待市民2万人次。", "2万人次",
     "婺城区"),
    # 是X的社员 names X for later: a predicate's 的 makes it a name, not a description
    ("他是白龙桥镇百花蜂业专业合作社的社员。\n合作社现有社员87户。", "87户", "白龙桥镇百花蜂业专业合作社"),
    ("白龙桥镇是省级示范镇。白龙桥镇有专业合作社12家。", "12家", "白龙桥镇"),
])
def test_bare_endings_of_organisations_reach_back_through_the_text(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # 该行, 该校, 本院, 该社: a demonstrative and one character of the ending stand for the name
    ("记者从金华婺城农商银行获悉，截至10月末，该行各项贷款余额186.4亿元。", "186.4亿元", "金华婺城农商银行"),
    ("白龙桥镇中心小学是省级示范学校，该校现有学生1,520名。", "1,520名", "白龙桥镇中心小学"),
    ("兰溪市人民医院去年门诊量120万人次，该院今年新增床位200张。", "200张", "兰溪市人民医院"),
    ("白龙桥镇百花蜂业专业合作社成立于2016年，该社去年收购蜂蜜46吨。", "46吨", "白龙桥镇百花蜂业专业合作社"),
    # not the words they start: 该行业 is "this trade"
    ("金华婺城农商银行去年利润3亿元。白龙桥镇该行业产值增长5%。", "5%", "白龙桥镇"),
    # a bank's spokesperson gives the bank's figures
    ("金华婺城农商银行去年利润3亿元。\n该行相关负责人介绍，明年将新增涉农贷款15亿元。", "15亿元", "金华婺城农商银行"),
])
def test_one_character_short_forms_after_a_demonstrative(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # 位于X的Y: where Y is, ended by 的; Y is the subject
    ("位于溪头村的宝溪青瓷文化有限公司是乡里最大的青瓷企业，去年销售额3,200万元。", "3,200万元",
     "宝溪青瓷文化有限公司"),
    ("地处山区的白龙桥镇去年接待游客12万人次。", "12万人次", "白龙桥镇"),
    # a movement verb's reach goes on through a place's 的
    ("游客走进武义县的下山脱贫小区，全镇新增民宿20家。", "20家", "婺城区"),
    # a place opening its clause keeps the figures whose nouns follow its count (古镇210家民宿)
    ("假期里，西塘古镇210家民宿平均入住率达到93%。", "93%", "西塘古镇"),
])
def test_where_a_subject_is_and_what_it_counts(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


def test_an_event_time_holds_in_its_sentence_but_frames_no_paragraph() -> None:
    text = "仪式结束后，村民领到了种子。戴素连耕种4亩地。理事长介绍，统一品牌后，蜂蜜每斤售价88元。"
    assert period_of(text, "4亩", DISTRICT) == ""
    assert period_of(text, "88元", DISTRICT) == "统一品牌后"


@pytest.mark.parametrize(("title", "period"), [
    # the title's period governs the list under it, as written, or its year alone
    ("虹桥镇2025年前三季度主要经济指标", "2025年前三季度"), ("数说开化2024", "2024"),
    ("开化县2024年1一8月经济运行", "2024年1-8月"), ("开化县经济运行简报", ""),
])
def test_the_titles_period_governs_its_list(title: str, period: str) -> None:
    document = {**DISTRICT, "title": title}
    assert period_of("——规上工业总产值286.3亿元\n", "286.3亿元", document) == period


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a project built or brought in, then a comma: the later clauses are about it
    ("宏泰公司正在建设年产200万套汽车部件项目，总投资12亿元，建成后可新增岗位600个。", "12亿元", "汽车部件项目"),
    # projects counted after the verb are not
    ("今年引进外资项目41个，实际利用外资4.26亿美元。", "4.26亿美元", "婺城区"),
    # who builds it (由X投资建设) is not what its figures are about
    ("其中，新材料项目由浙江禾源新材料有限公司投资建设，总投资42.5亿元。", "42.5亿元", "新材料项目"),
    # the programme after 推出的 is its clause's subject; whom it benefits (惠及, 带动) is not
    ("该行推出的“侨商共富贷”已累计放款9.2亿元，惠及白龙桥镇小微商户3,400余户。", "3,400余户", "侨商共富贷"),
    ("“莘e家”联盟带动全镇7个行政村5000多人增收。", "5000多人", "“莘e家”联盟"),
    # 据 reports, it is never part of a name
    ("据白龙桥镇统计，全镇产值312亿元。", "312亿元", "白龙桥镇"),
    ("白龙桥镇大数据产业园入驻企业80家。", "80家", "白龙桥镇大数据产业园"),
    # a headless 的-clause (those who qualify) names no subject for the clause after it
    ("凡在白龙桥镇新办民宿的，每家补助1.5万元。", "1.5万元", "婺城区"),
    ("对落户白龙桥镇数控机床小微企业园的，前三年租金减半，每平方米补贴12元。", "12元", "婺城区"),
    # but a place's own 的-phrase with a noun after it is still its figure
    ("白龙桥镇的民宿今年接待游客12万人次。", "12万人次", "白龙桥镇"),
    # farms, workshops, canteens, service stations are organisations, and their bare ending stands for them
    ("白龙桥镇金穗家庭农场今年种粮520亩。\n农场今年新添烘干机3台。", "3台", "白龙桥镇金穗家庭农场"),
    ("临江村共富工坊吸纳村民45人。", "45人", "临江村共富工坊"),
    ("临江村幸福食堂每天供应午餐90份。", "90份", "临江村幸福食堂"),
    ("临江村快递服务站日均收发包裹1,200件。", "1,200件", "临江村快递服务站"),
    # a kind of thing counted before its name (6家花灯工坊) is not who has the figures after it
    ("白龙桥镇已有6家花灯工坊，带动300多名妇女居家就业。", "300多名", "白龙桥镇"),
    ("白龙桥镇建成两所幸福食堂，每天供餐400份。", "400份", "白龙桥镇"),
    # 厂里, 社里, 站里 opening a clause or a quotation: the latest business the text names
    ("白龙桥镇宏远木业有限公司的车间里机器轰鸣。\n“厂里去年投入8000万元改造生产线。”车间主任说。", "8000万元",
     "白龙桥镇宏远木业有限公司"),
    ("白龙桥镇灯彩工艺社成立于2019年。如今社里有绣娘28人。", "28人", "白龙桥镇灯彩工艺社"),
    # a programme piloted under a quoted name: the name without the verb (试点“共富工坊”)
    ("我们在白龙桥镇试点“共富工坊”，目前已建成12家。", "12家", "共富工坊"),
])
def test_projects_programmes_and_agents(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


NOTICE = "白龙桥镇印发《白龙桥镇民宿提质升级奖补办法》。"


@pytest.mark.parametrize(("text", "number", "title", "expected"), [
    # what a policy document says (文件明确, 按照文件规定) and says of itself (本办法) are its terms
    (NOTICE + "文件明确，新评定的金宿级民宿给予一次性奖励5万元。", "5万元", "", "白龙桥镇民宿提质升级奖补办法"),
    (NOTICE + "本办法自发布之日起施行，有效期3年。", "3年", "", "白龙桥镇民宿提质升级奖补办法"),
    (NOTICE + "\n办法自2027年3月1日起施行，有效期2年。", "2年", "", "白龙桥镇民宿提质升级奖补办法"),
    (NOTICE + "通知自印发之日起施行，有效期5年。", "5年", "", "白龙桥镇民宿提质升级奖补办法"),
    # but 办法 inside a clause is no policy's own sentence
    (NOTICE + "白龙桥镇想办法在年内新建停车位300个。", "300个", "", "白龙桥镇"),
    # the items listed after its 如下：, the title in the document's own title
    ("现将奖补标准通知如下：\n一、新评定的金宿级民宿给予奖励5万元。\n二、单家最高补助15万元。\n", "15万元",
     "关于印发《白龙桥镇民宿提质升级奖补办法》的通知", "白龙桥镇民宿提质升级奖补办法"),
    ("现将奖补标准通知如下：一、新评定的金宿级民宿给予奖励5万元。\n", "5万元",
     "关于印发《白龙桥镇民宿提质升级奖补办法》的通知", "白龙桥镇民宿提质升级奖补办法"),
    # the terms run over the sentence's ；-parts, and who qualifies (…的，) is not the entity
    (NOTICE + "文件明确，大学毕业生到白龙桥镇创业的，给予开办补贴2万元；首次在镇内租房的，每月补助800元。", "2万元", "",
     "白龙桥镇民宿提质升级奖补办法"),
    (NOTICE + "文件明确，大学毕业生到白龙桥镇创业的，给予开办补贴2万元；首次在镇内租房的，每月补助800元。", "800元", "",
     "白龙桥镇民宿提质升级奖补办法"),
    (NOTICE + "文件明确，对新评定为银宿级的，奖励3万元；对连续两年获评的，再奖励1万元。", "1万元", "",
     "白龙桥镇民宿提质升级奖补办法"),
    # a list with no 如下： before it, or no policy named, is not a policy's
    ("一、全镇新增就业300人。\n二、新建道路12条。\n", "12条", "关于印发《白龙桥镇民宿奖补办法》的通知", "婺城区"),
    ("现将有关情况报告如下：\n一、全镇新增就业300人。\n", "300人", "", "婺城区"),
])
def test_a_policys_terms_are_its_figures(text: str, number: str, title: str, expected: str) -> None:
    assert entity_of(text, number, {**DISTRICT, "title": title}) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a demonstrative and a measure word before a bare ending (这家企业, 这家公司, 这所学校) point back at the name
    ("步云袜业有限公司成立于2009年。\n这家企业还带动周边30多家小微袜企接单。", "30多家", "步云袜业有限公司"),
    ("白龙桥镇中心小学创办于1905年。这所学校现有学生1,520名。", "1,520名", "白龙桥镇中心小学"),
    ("步云袜业有限公司去年产值7亿元。\n这家公司今年新增专利12项。", "12项", "步云袜业有限公司"),
    # 小微企业园 is a park, named whole, and 园区 stands for it
    ("婺城区白龙桥镇数控机床小微企业园通过验收。园区占地215亩。", "215亩", "白龙桥镇数控机床小微企业园"),
    # 共享 inside a name
    ("园区建了共享检测中心，检测中心去年服务企业120家。", "120家", "共享检测中心"),
])
def test_pointed_endings_and_parks(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


BULLETIN = ("统计局日前发布数据，全区经济运行稳中有进。\n白龙桥镇2025年1-10月主要经济指标\n"
            "规模以上工业增加值86.4亿元，同比增长7.2%\n社会消费品零售总额203.7亿元，同比增长4.9%\n"
            "截至10月末，全镇金融机构存款余额1,706.3亿元。\n")
LIST = ("分水镇2026年1-11月制笔产业主要指标\n制笔企业：1,020家\n制笔业总产值：86.2亿元，同比增长6.3%\n"
        "截至11月末，专利172件。\n")


@pytest.mark.parametrize(("text", "number", "period"), [
    # a title line in the text governs the table lines under it, not the sentences after them
    (LIST, "1,020家", "2026年1-11月"), (LIST, "6.3%", "2026年1-11月"), (LIST, "172件", "截至11月末"),
    ("镇里发布了数据。\n制笔企业：1,020家\n", "1,020家", ""),  # no title with a time above the table
    # a bulletin's lines without a colon or a sentence mark, under a title with a time
    (BULLETIN, "203.7亿元", "2025年1-10月"), (BULLETIN, "4.9%", "2025年1-10月"),
    (BULLETIN, "1,706.3亿元", "截至10月末"),
    # a line that ends a sentence is no bulletin line
    ("白龙桥镇2025年1-10月主要经济指标\n全镇社会消费品零售总额203.7亿元。\n", "203.7亿元", ""),
    # a season or a stretch of days opening a clause frames what follows
    ("秋收时节，方山乡2,300亩稻鱼田迎来丰收。合作社带动136户农户种养稻鱼。", "136户", "秋收时节"),
    ("4月10日，风情节开幕。3天时间里，小镇接待游客6.2万人次。", "6.2万人次", "3天时间里"),
    # but not the length of a time the paragraph already gave
    ("国庆假期，横店迎来客流高峰。8天时间里，横店共接待游客97.3万人次。", "97.3万人次", "国庆假期"),
])
def test_list_titles_seasons_and_stretches_of_days(text: str, number: str, period: str) -> None:
    assert period_of(text, number, DISTRICT) == period


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a port or park named once is what 港区/园区 means paragraphs later; a league (全省沿海港区) is none
    ("1-11月，嘉兴港乍浦港区完成吞吐量236.8万标准箱，增速居全省沿海港区第二位。\n海河联运是港区的特色。\n"
     "港区计划到2028年吞吐量达到300万标准箱。", "300万标准箱", "嘉兴港乍浦港区"),
    # a town is a 小镇 too
    ("4月10日，白龙桥镇“三月三”风情节开幕。3天时间里，小镇接待游客6.2万人次。", "6.2万人次", "白龙桥镇"),
    # 卫生院 and 医共体 are organisations' endings
    ("平桥镇中心卫生院今年门诊8.6万人次。", "8.6万人次", "平桥镇中心卫生院"),
])
def test_ports_towns_and_health_centres(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a programme launched in quotation marks and named again later is a name like any other
    ("农商银行推出“稻鱼贷”，单户最高可贷30万元。截至目前，该行涉农贷款余额4.6亿元，其中“稻鱼贷”1,860万元。",
     "1,860万元", "稻鱼贷"),
    ("农商银行推出“稻鱼贷”，单户最高可贷30万元。截至目前，该行涉农贷款余额4.6亿元。", "4.6亿元", "农商银行"),
])
def test_a_programme_named_again(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


def test_a_village_named_once_is_what_a_bare_cun_means_paragraphs_later() -> None:
    text = ("青山坞村藏在天目山脚下，全村326户。\n村民俞晓红把老屋改成了民宿。\n"
            "村党支部书记章建平介绍，村集体经营性收入去年达到96万元。")
    assert entity_of(text, "96万元", DISTRICT) == "青山坞村"


@pytest.mark.parametrize(("text", "number", "expected"), [
    # the project the money builds (投资18亿元建设的…项目) is what the number describes
    ("其中，芯宇光电有限公司投资18亿元建设的车载显示模组项目投资额最大。", "18亿元", "车载显示模组项目"),
    ("宏泰公司投资5亿元新建的智能仓储项目已投用。", "5亿元", "智能仓储项目"),
    # money the firm invests in no named project stays the firm's
    ("宏泰公司今年投资5亿元建设新厂房。", "5亿元", "宏泰公司"),
])
def test_the_project_the_money_builds(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # an event is an entity's ending (招聘会, 推介会), and its figures are its own
    ("2月16日，白龙桥镇“春风行动”专场招聘会举行，86家企业带来2,400余个岗位。", "2,400余个",
     "白龙桥镇“春风行动”专场招聘会"),
    # one of a list ended by 等 is one of the things counted, not who has them
    ("社区举办职工运动会、相亲联谊会等邻里文化活动30多场。", "30多场", "婺城区"),
    ("白龙桥镇举办招聘会、培训班等活动12场。", "12场", "白龙桥镇"),
    # 以来 before a place is no part of its name
    ("今年以来白龙桥镇已举办招聘活动14场。", "14场", "白龙桥镇"),
])
def test_events_lists_and_since(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a person giving of their own (个人, 本人) has the figure, whatever their office
    ("浙江宏澜电器有限公司捐款200万元。该公司董事长方建国个人另捐30万元。", "30万元", "方建国"),
    ("浙江宏澜电器有限公司捐款200万元。该公司董事长方建国说，公司明年再捐100万元。", "100万元", "浙江宏澜电器有限公司"),
])
def test_a_persons_own_gift(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number, DISTRICT) == expected
