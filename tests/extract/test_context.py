"""Entity and period of a claim from the document around it: one small hand-written case per rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.context import DocumentContext, document_places

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


def test_a_semicolon_part_keeps_the_sentences_subject_unless_it_names_its_own() -> None:
    text = "福寿康居家养老服务中心开业了。\n中心内有认知症床位12张;划定居家养老服务圈3个。"
    assert [entity_of(text, n) for n in ("12张", "3个")] == ["福寿康居家养老服务中心"] * 2
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
