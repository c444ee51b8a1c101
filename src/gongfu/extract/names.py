"""Names in a document: the places, organisations, firms and programmes it names, and each mention's role.

What counts as a name (the most specific real name, else the document's place):
- a run of name characters ending in a place/organisation/project ending (街道 村 景区 港 市场 商品城 项目...),
  without time words, units right after a number (1.48平方公里未来产业社区, but 天台县), leading verbs (开通 坚持
  发挥 新增...) or a cut-off division prefix (位居福建省 -> 福建省); a chain of divisions is one name without the
  document's own district (南湖区建设街道南杨社区), a village by its own name (淳安县枫树岭镇下姜村 -> 下姜村),
  towns and villages named after a village or port whole (宏村镇, 荻港村, 桐乡市, 和孚镇);
- never a name: one character plus an ending (新项目; but 黟县), descriptions (城镇 建制镇 跨省 出口市场 侨乡
  之乡 名镇), graded categories (5A级景区, 国家级传统村), anything inside a 《title》;
- an unnamed firm gets a short descriptive name with the place given for it (在东部新区的一家水泵企业 ->
  东部新区水泵企业, 德国一家汽车零部件企业 -> 德国汽车零部件企业), typed organisation; a quoted programme
  launched at a clause's end (推出“菇农贷”，…) or pointed back at (这项制度) is a project.

A mention's flags say whether it is in subject position and why the sentence may not be about it: objects
(来自/到/位于/距离/位居/高于/向 X), predicates (是/被誉为/成为 X), affiliations (南杨社区党委书记), speakers and
publishers (刘勇介绍, 统计局数据显示), the things counted (设有照料中心9个, 写生基地和画家村60多处).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from gongfu.extract.cue_patterns import (
    ADMIN_CHARS,
    BUSINESS_HEAD,
    FIRM_ENDS,
    NAME_MAX,
    STOP,
    TIME_LEAD,
    first_char_guard,
    role_pattern,
    speech_pattern,
)
from gongfu.extract.mentions import Coverage, Mention
from gongfu.extract.people import described_person, name_chars, occurrences
from gongfu.extract.places import division_of_short, divisions
from gongfu.lexicon import load_cues, load_units

_NUMERAL_LEAD = re.compile("[一二两三四五六七八九十百千万]+[大个项批家种条所支类期]")
# read backwards (the text reversed): 口进 is 进口, which may sit inside a name (青田进口商品城), and 限有 is 有限
# (浙江长耐新材料科技有限公司: 有 is a function character anywhere else)
# read backwards: 进口, 有限, 数据, 共同, 共享, 共富, 经济 and the words ending in 地 (湿地公园, 基地, 高地) hold a stop
# character inside a name
_STOP_WORDS = ("进口", "有限", "数据", "共同", "共享", "共富", "经济", "湿地", "基地", "土地", "绿地", "园地", "营地",
               "林地", "耕地", "草地", "高地")
_NAME_RUN = re.compile("(?:" + "|".join(w[::-1] for w in _STOP_WORDS) + "|[“‘”’]|[^"
                       + re.escape("".join(sorted(STOP))) + r"\W\d_])+")
_COPULA_NOT = re.compile("(?:总|还|但|于|要|凡|只|或|可|不)是")
_AFTER_SPEECH = re.compile("[。！？!?…]”")
_EDITION = re.compile("(?:第[一二三四五六七八九十百零〇]+|首|本|上|下|每)届")
# 建设智能工厂, 共建碳纤维项目 (but 建设街道, 建设银行 are names: only before a plant or project)
_BUILD_LEAD = re.compile("(?:共建|合建|建设|扩建|新建|筹建|建)(?=..)")
_AFTER_NUMBER = re.compile(r"[\d０-９%一二两三四五六七八九十百千万亿余多几来]")
_GRADE = re.compile("级")
_TOWN_ENDS = ("镇", "乡", "街道", "村", "社区")
_ADMIN_ENDS = ("省", "市", "县", "区", "镇", "乡", "街道")
_VILLAGE_ENDS = ("村", "新村")
_LAUNCHED = re.compile("(?:推出|推行|实施|设立|启动|上线|出台|开发|发行)“([^“”，。]{2,16})”(?=[，,；;])")
_LAUNCHED_SUBJECT = re.compile("(?:推出|推行|实施|设立|启动|上线|出台|开发|发行)的“([^“”，。]{2,16})”")
# a policy document's terms (文件明确, 通知规定, 按照文件规定) and the document itself (本办法自发布之日起施行): the
# latest title in 《》 before them, in the text or in the document's title; 办法自…施行 opening a sentence too
_POLICY_SAYS = re.compile("(?:按照|根据|依据)?(?:文件|通知|办法|政策|意见|细则|方案|措施|规定)(?:明确|规定|提出|指出)"
                          "(?=[，,：:])|(?:(?<=[本该。\n])|^)(?:办法|通知|政策|措施|细则|方案|意见)(?=[自从在的有于])")
_POLICY_TITLE = re.compile("《([^《》]{4,40}(?:办法|措施|通知|意见|细则|方案|规定|政策|决定|计划))》")
_POLICY_WRAPPER = re.compile("^关于(?:做好|下达|印发|开展|组织|实施|申报|公布)?(?:\\d{4}年度?)?"
                             "|(?:申报工作|申报|实施|工作)?的(?:通知|意见)$")
_QUOTED_NAME = re.compile("“([^“”，。]{4,16})”")
_CORE = re.compile("[“‘]([^”’]{2,8})[”’]")  # the quoted core of a name (“萧君”)
_POLICY_BACK = re.compile("(?:这项|这一|该|此项)(?:制度|政策|机制|模式|做法|举措|改革|办法)")
_FIRM = re.compile("一家[A-Za-z0-9]*"  # 一家5G智能家电工厂: the technical label is dropped
                   "(([^\\W\\d_的了在是和与及对向由为将从到把被等已有个这那其]{2,8}?)(企业|工厂|公司|厂))")
# 嵊州小笼包门店, 万州烤鱼连锁店: a place's name with a dish or product is a brand, when its shops are counted
_SHOPS = re.compile("门店|连锁店|加盟店|专卖店|品牌店")
_BRAND_MAX = 9  # 景宁畲族自治县 and a four-character product
_PLACE_RUN = re.compile("(?<![一-龥])[一-龥]{2,3}(?<![上里])$|(?<=[的在与和])[一-龥]{2,3}(?<![上里])$")
_LOCAL = re.compile(first_char_guard("村镇县乡",
                                     "(?<![一-龥])([村镇县乡])(?=里|上)|(?<=[，,。；;：:\n])([村镇县乡])(?=里|上)"))
# 厂里, 社里, 站里, 场里 opening a clause or a quotation: the business under discussion, whatever its ending
_LOCAL_BUSINESS = re.compile("(?:(?<=[，,。；;：:\n“])|^)[厂社站场](?=里)")
_COUNTED = re.compile("(?:[和与及、][^，,。；;：:\\d]{1,8}?)?(?:总数|数量|数|达到|达|约|近|超过|超|逾)?"
                      r"([\d０-９][\d０-９,.，．]*[万亿]?.|[一二两三四五六七八九十百千万]{1,4}[^一二两三四五六七八九十百千万])")


@cache
def _suffix_pattern() -> re.Pattern[str]:
    suffixes = sorted(load_cues().suffixes, key=len, reverse=True)
    first = "".join(sorted({s[0] for s in suffixes}))  # a cheap look at the first character before the alternation
    return re.compile(f"(?=[{re.escape(first)}])(?:" + "|".join(re.escape(s) for s in suffixes) + ")")


@cache
def _short_pattern() -> re.Pattern[str]:
    return re.compile("(?<=[该本此])[" + re.escape("".join(load_cues().short_endings)) + "]")


@cache
def _cue_pattern(kind: str, anchored: str = "") -> re.Pattern[str]:
    """Any cue of one type as a regex ('^' anchored at the start, '$' at the end, '' anywhere)."""
    words = "|".join(re.escape(w) for w in getattr(load_cues(), kind))
    return re.compile(("^" if anchored == "^" else "") + f"(?:{words})" + ("$" if anchored == "$" else ""))


@cache
def _flag_patterns() -> tuple[re.Pattern[str], ...]:
    """The cue patterns every mention's flags are read with, looked up once: lead words (at the start), demonstratives
    (at the end), object verbs, recipients and copulas (anywhere)."""
    return (_cue_pattern("lead_words", "^"), _cue_pattern("demonstratives", "$"), _cue_pattern("object_verbs"),
            _cue_pattern("recipients"), _cue_pattern("copulas"))


@cache
def _partner_pattern() -> re.Pattern[str]:
    """A partner word at the end of the text before a name (合作社还与一家茶饮企业, 琅琊镇与白龙桥镇共建)."""
    cues = load_cues()
    adverbs, partners, measures = ("|".join(map(re.escape, w)) for w in (cues.partner_adverbs, cues.partners,
                                                                          cues.measures))
    return re.compile(f"(?:{adverbs})?(?:{partners})(?:[一多](?:{measures}))?$")


@cache
def _where_lead_pattern() -> re.Pattern[str]:
    """位于溪头村的公司: a lead word saying where the subject is (ended by 的)."""
    return re.compile("(?:" + "|".join(map(re.escape, load_cues().where_leads)) + ")")


@cache
def _counted_before() -> re.Pattern[str]:
    """A count and its measure word right before a name (6家花灯工坊, 两所小学, 一百多家民宿): the name is a kind of
    thing. Not 一家 (与一家企业: "a" firm) nor an ordinal (第三家)."""
    measures = "|".join(map(re.escape, load_cues().measures))
    count = "(?:[\\d０-９]+|[两三四五六七八九十几][十百千万]*|一[十百千万]+)[余多]?"
    return re.compile(f"(?<![第一二三四五六七八九十百千万两几\\d０-９]){count}(?:{measures})$")


@cache
def _indefinite() -> tuple[str, ...]:
    """一家, 一所: 与德国一家企业签约 is "a" firm, not a count of the name's."""
    return tuple("一" + m for m in load_cues().measures)


@cache
def _last_verb_pattern() -> re.Pattern[str]:
    """Everything up to the last leading verb (闻堰深化开展 -> 闻堰深化开展)."""
    return re.compile(".*(?:" + "|".join(re.escape(v) for v in load_cues().leading_verbs) + ")")


@cache
def _unit_lead() -> re.Pattern[str]:
    """Units and multipliers a name scan can take in after a number (1.48平方公里未来产业社区)."""
    words = sorted(set(load_units()) | {"万", "亿", "余", "多"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words if not w.isascii()) + ")+")


_SHARE_BASE = re.compile(r"占(?:了|到)?全?$")  # 约占全省…的七成: the whole a share is of, not who has it
_FIRM_INNER = "达"  # a stop character inside firms' names (鑫达, 宏达, 通达)
_METRIC_ENDS = "值额量数率资入积模"  # 产值达, 收入达: the 达 of a figure reached
_HEADCOUNT = re.compile(r"(?:总数|人数|数量)?(?:达到|达|为|有|共|超过|突破|近|约|逾)?"
                        r"[\d０-９一二两三四五六七八九十百千万]")
_NOUN_COUNTED = re.compile("(?!以上|以下|左右|多|余)[\u4e00-\u9fff]")
_PAIR_WORD = re.compile("前者|后者")
_LISTED_UNTIL_DENG = re.compile("(?:、[^，,。；;、]{1,16})+等")
_NOT_BARE_NEXT = "数界群类"  # 企业数, 企业界, 企业群: firms in general, never the one a report is about


def policy_titles(text: str) -> list[str]:
    """The policy documents' titles in 《》 in `text` (a document's own title: 关于印发《…奖补办法》的通知)."""
    return [m.group(1) for m in _POLICY_TITLE.finditer(text)]


def policy_name(title: str) -> str:
    """《关于下达2024年度青瓷宝剑产业发展专项资金的通知》 -> 青瓷宝剑产业发展专项资金: what a notice is about, without
    its wrapper (关于…的通知); a title that is the policy itself (柯城区支持青年人才安居若干措施) stays whole."""
    inner = _POLICY_WRAPPER.sub("", title)
    return inner if len(inner) >= 4 else title


def states_policy(text: str, pos: int) -> bool:
    """Whether a policy's terms begin at `pos` (文件明确，…): they run over the sentence's ；-parts."""
    return _POLICY_SAYS.match(text, pos) is not None


def _opens(before: str) -> bool:
    """Whether a mention opens its clause (after time words only): 假期里，古镇210家民宿."""
    return not before or TIME_LEAD.fullmatch(before) is not None


def _affiliated(after: str) -> bool:
    """公司负责人, 村党支部: a role of the name follows it (its people speak, not the name); but 公司员工达到420人,
    村民有1,200人: the name's people counted are the name's figure."""
    role = role_pattern().match(after)
    return bool(role) and not _HEADCOUNT.match(after, role.end())


class MentionFinder:
    """Finding names and flagging each mention (part of DocumentContext, which sets the attributes)."""

    def _clause_start(self, pos: int) -> int:
        return self.index.begin(self.clauses, pos)

    def _find_mentions(self) -> list[Mention]:
        named = self._names()
        firms = self._firms(named) + self._brands()
        if firms:
            inside = Coverage([(m.start, m.end) for m in firms])
            named = sorted([m for m in named if not inside.overlaps(m.start, m.end)] + firms, key=lambda m: m.start)
        taken = Coverage([(m.start, m.end) for m in named])
        persons = [m for m in self._persons() if not taken.overlaps(m.start, m.end)]
        self.person_starts = {m.start for m in persons}
        taken.add(persons)
        aliases = [m for m in self._aliases(named) if not taken.overlaps(m.start, m.end)]
        taken.add(aliases)
        deictic = [m for m in self._deictic() + self._pair_words() if not taken.overlaps(m.start, m.end)]
        taken.add(deictic)
        local = [m for m in self._local() + self._short_anaphors() if not taken.overlaps(m.start, m.end)]
        taken.add(local)
        programmes = [m for m in self._programmes() if not taken.overlaps(m.start, m.end)]
        mentions = sorted(named + persons + aliases + deictic + local + programmes, key=lambda m: m.start)
        for m in mentions:
            # descriptions are never what a claim is about, programmes have no flags; others on demand
            m.placed = m.flagged = m.kind in ("generic", "grade", "launch", "programme")
        return mentions

    def _names(self) -> list[Mention]:
        """Every name ending in a place/organisation suffix. Adjacent names chain (南湖区建设街道南杨社区): the
        parent pieces become `inner` and the last piece reports the chain, without the document's own
        district/city in front. Bare endings (该社区, 合作社) are anaphors; descriptions (现代社区, 拟上市) are
        `generic`: never an entity, but they may start a chain (安居乐堰现代社区发展基金)."""
        t, cues = self.t, self.cues
        not_after, not_after_long, generic, generic_ends = (cues.not_after, cues.not_after_long, cues.generic,
                                                             cues.generic_ends)
        name_then = cues.name_then
        paragraphs, scan_left, trim_lead = self.paragraphs, self._scan_left, self._trim_lead
        out: list[Mention] = []
        floor = 0
        for m in _suffix_pattern().finditer(t):
            s, e = m.span()
            suffix = m.group()
            if t[e:e + 1] in (not_after if len(suffix) == 1 else not_after_long) and not t.startswith(name_then, e):
                continue  # 村集体, 渔港水产品: the village's collective, the port's produce: the name ends there
            if len(suffix) == 1 and t[e:e + 1] in "镇乡村" and t[e:e + 1] != suffix:
                continue  # 宏村镇, 荻港村: a town or village named after a village or port
            if len(suffix) == 1 and _inside_division(t, s, e):
                continue  # 桐乡市, 镇海区, 乐清市: the 乡 or 镇 inside a division's name
            i = bisect.bisect_right(paragraphs, s)
            line_start = paragraphs[i - 1] if i else 0
            bound = floor if floor > line_start else line_start
            left = scan_left(s, bound)
            if suffix in FIRM_ENDS:
                left = self._firm_start(left, bound)
            left = trim_lead(left, s)
            if suffix in _DIVISION_ENDS:
                left = _division_start(t, left, e, bound)  # 云和县, 莲都区, 于都县: a known division is whole
            elif suffix in _AGENCY_ENDS and left - 1 > bound and t[left - 1] in "和与":
                joined = trim_lead(scan_left(left - 1, bound), left - 1)
                if joined < left - 1:
                    left = joined  # 文化和旅游局, 海洋与渔业局: an agency named after two fields
            last = out[-1] if out else None
            if (s - left == 1 and last is not None and last.end == left - 1 and suffix in _TOWN_ENDS
                    and last.suffix in _ADMIN_ENDS):
                left -= 1  # 南浔区和孚镇荻港村: a town whose name starts with a function character
            prefix = t[left:s]
            if prefix in cues.measures and left and t[left - 1] in cues.pointing:
                prefix, left = "", s  # 这家企业, 这所学校: a demonstrative and a measure word, then the bare ending
            if suffix in cues.bare_suffixes and (prefix or t.startswith(cues.person_nouns, s)
                                                 or t[e:e + 1] in _NOT_BARE_NEXT):
                continue  # 规上企业, 企业家, 企业数: only a bare 企业 (opening a clause, 该企业) stands for a firm
            floor = e
            if prefix and (_NUMERAL_LEAD.match(prefix.lstrip("“‘")) or (suffix in ADMIN_CHARS and any(
                    c in ADMIN_CHARS for c in (prefix[:-1] if suffix in "镇乡村" else prefix))
                    and prefix + suffix not in divisions())):
                continue  # 五大民生实事项目 (a description), 落实区委区 (not a name)
            unknown_division = False
            if suffix in "省市县区" and prefix + suffix not in divisions():
                cut = next((k for k in range(1, len(prefix)) if prefix[k:] + suffix in divisions()), 0)
                prefix, left = prefix[cut:], left + cut  # 位居福建省 -> 福建省: a division's name is whole
                # 财政局会同市经信局: every province, city and county is in the table, so a 省/市/县 name that is
                # not one is a phrase before 市 (会同 "together with"), not a place
                unknown_division = not cut and suffix != "区"
            name = prefix + suffix
            kind = "name"
            if not prefix:
                kind = "anaphor"
            elif unknown_division:
                kind = "generic"
            elif (name in generic or name.endswith(generic_ends)) and name not in self.places:
                kind = "generic"  # 中心集镇 describes; 大集镇, the document's own town, is a name
            elif t[max(0, left - 2):left] in cues.wholes:
                kind = "generic"  # 居全省沿海港区第二位: all such places of the province, a league, not one
            if _GRADE.search(prefix):
                kind = "grade"  # 5A级旅游景区, 国家级传统村: a category, never a name nor the start of one
            head = cues.suffixes[suffix]
            chained = last is not None and last.end == left and last.kind in ("name", "generic")
            if len(prefix) < 2 and kind == "name" and not chained and name not in divisions():  # 黟县 is a name
                kind = "generic"  # 新项目, 层安置房: one character is not a name (浙能镇海项目 is, as a chain)
            if chained and kind == "anaphor" and len(suffix) > 1 and last.kind == "name":
                last.end, last.head, last.suffix = e, head, suffix  # 龙山河区块, 裴家里区块安置房: one name
                last.name = self._chain_name(out[:-1], last)
                continue
            mention = Mention(left, e, name if kind == "name" else "", kind, head=head, suffix=suffix,
                              chain_start=left)
            if chained and kind == "name":
                last.skip = "inner"  # 南湖区 in 南湖区建设街道: the chain's last piece is the most specific
                mention.name = self._chain_name(out, mention)
                mention.chain_start = last.chain_start
            out.append(mention)
        return out

    def _firms(self, named: list[Mention]) -> list[Mention]:
        """An unnamed firm gets a short descriptive name (guideline): 一家水泵企业 -> 水泵企业, with the place it
        is given in (在东部新区的一家水泵企业 -> 东部新区水泵企业, 德国一家汽车零部件企业 -> 德国汽车零部件企业);
        a leading technical label is dropped (一家5G智能家电工厂 -> 智能家电工厂). Typed organisation; its bare
        ending later (公司, 企业) stands for it."""
        t, out = self.t, []
        ends = {m.end: m for m in named if m.kind == "name"}
        for f in _FIRM.finditer(t):
            start, name = f.start(1), f.group(1)
            before = f.start() - (1 if t[f.start() - 1:f.start()] == "的" else 0)
            place = ends.get(before)
            run = _PLACE_RUN.search(t, max(0, f.start() - 4), f.start())
            if place is not None and place.suffix not in (*_VILLAGE_ENDS, "社区", "小区"):
                start, name = place.chain_start if place.chain_start >= 0 else place.start, place.name + name
            elif run and before == f.start():
                start, name = run.start(), run.group() + name
            head = "公司" if name.endswith(("企业", "公司")) else "工厂"
            self.types[name] = "organisation"
            out.append(Mention(start, f.end(), name, "name", head=head, suffix=f.group(3), chain_start=start))
        return out

    def _brands(self) -> list[Mention]:
        """A brand named after its place, where its shops are counted (全国的嵊州小笼包门店已超过1.2万家: the
        brand is 嵊州小笼包, an organisation): a division's name or short form, then two to four characters of
        product, then 门店 (or 连锁店, 加盟店…). Typed organisation."""
        t, out = self.t, []
        for m in _SHOPS.finditer(t):
            for k in range(max(0, m.start() - _BRAND_MAX), m.start() - 3):
                place = _place_at(t, k, m.start() - 2)
                product = t[k + len(place):m.start()]
                if place and 2 <= len(product) <= 4 and product_chars(product):
                    self.types[t[k:m.start()]] = "organisation"
                    out.append(Mention(k, m.start(), t[k:m.start()], "name", head="门店", suffix="",
                                       chain_start=k))
                    break
        return out

    def _chain_name(self, out: list[Mention], last: Mention) -> str:
        """The chain of adjacent names ending in `last`, without the document's own district/city in front."""
        pieces = [last]
        while len(out) >= len(pieces) and out[-len(pieces)].end == pieces[0].start:
            pieces.insert(0, out[-len(pieces)])
        own = set(self.places[1:] if self.places and self.places[0].endswith("街道") else self.places)
        while len(pieces) > 1 and self.t[pieces[0].start:pieces[0].end] in own:
            pieces.pop(0)
        if last.suffix in _VILLAGE_ENDS and last.end - last.start - len(last.suffix) >= 2:
            pieces = [last]  # 淳安县枫树岭镇下姜村 -> 下姜村: a village's own name is enough
        return self.t[pieces[0].start:last.end]

    def _scan_left(self, s: int, floor: int) -> int:
        """Where a name ending at `s` starts: back over name characters (and “quoted” parts), not past `floor`
        nor more than NAME_MAX characters; a quote left open is not part of the name."""
        n = len(self.t)
        run = _NAME_RUN.match(self.rev, n - s, n - max(floor, s - NAME_MAX))  # read backwards from s
        left = s - (run.end() - (n - s)) if run else s
        while left < s and (self.t[left] in "”’" or (self.t[left] in "“‘" and "”’"[self.t[left] == "‘"]
                                                        not in self.t[left:s])):
            left += 1
        return left

    def _firm_start(self, left: int, floor: int) -> int:
        """鑫达机械有限公司, 宏达集团: 达 ends a name scan (产值达5亿元) but sits inside many firms' names, between
        two name characters; the scan goes on past it, unless a metric is before it (产值达)."""
        t = self.t
        while (left - 2 >= floor and t[left - 1] in _FIRM_INNER and t[left - 2] not in _METRIC_ENDS
               and t[left - 2] not in STOP and "一" <= t[left - 2] <= "鿿"):
            left = self._scan_left(left - 1, floor)
        return left

    def _trim_lead(self, left: int, s: int) -> int:
        """Drop what the scan took for part of a name: time words, an edition and units in front (今年闻堰初中,
        第十届濮院时尚周, 1.48平方公里未来产业社区) and everything up to the last verb (闻堰深化开展幼儿园 ->
        幼儿园)."""
        if left == s:
            return s  # a bare ending (该社区): nothing to drop
        if self.t[left - 1:left + 1] == "以来" and left:
            left += 1  # 今年以来金清镇: the 来 of 以来 (以 ends the scan) is no part of the name
        prefix = self.t[left:s]
        while prefix:
            lead = TIME_LEAD.match(prefix)
            if not lead or not lead.end():
                lead = _EDITION.match(prefix)  # 第十届濮院时尚周: the edition is not part of the event's name
            if (not lead or not lead.end()) and left and _AFTER_NUMBER.match(self.t, left - 1):
                lead = _unit_lead().match(prefix)  # 1.48平方公里未来产业社区 (but 天台县: 天 and 台 are units too)
            if not lead or not lead.end():
                break
            prefix, left = prefix[lead.end():], left + lead.end()
        verb = _last_verb_pattern().match(prefix)
        if verb:
            return left + verb.end()
        build = _BUILD_LEAD.match(prefix)
        return left + build.end() if build and self.cues.suffixes.get(self.t[s:s + 2]) in ("工厂", "项目") else left

    def _aliases(self, named: list[Mention]) -> list[Mention]:
        """Short forms: the document's own place (闻堰 -> 闻堰街道) and a quoted core of a name (“萧君”)."""
        out = []
        for short, full in self.aliases.items():
            out += [Mention(s, e, full, "alias") for s, e in occurrences(self.t, {short})]
        cores: dict[str, Mention] = {}
        for m in named:
            core = _CORE.search(m.name) if m.kind == "name" and ("“" in m.name or "‘" in m.name) else None
            if core:
                cores.setdefault(core.group(1), m)
        for core, first in cores.items():
            quoted = {f"{opening}{core}{closing}" for opening in "“‘" for closing in "”’"}
            for start, end in occurrences(self.t, quoted):
                if start >= first.end:
                    out.append(Mention(start, end, first.name, "alias", known=True))
        return out

    def _programmes(self) -> list[Mention]:
        """Programmes, loans and policies the text names in quotation marks: launched at the end of a clause (县里
        推出“菇农贷”，单户最高可贷50万元: the next clauses are about it), the subject after 推出的 (推出的“侨商共富贷”已
        放款9.2亿元), or pointed back at (“…清单36条”的发源地。
        这项制度把…: the latest quoted name before 这项制度). Typed project."""
        t, out = self.t, []
        for m in _LAUNCHED.finditer(t):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "launch"))
            quoted = f"“{m.group(1)}”"
            at = t.find(quoted, m.end())
            while at >= 0:  # 其中“稻鱼贷”1,860万元: the programme named again is a name like any other
                out.append(Mention(at + 1, at + len(quoted) - 1, m.group(1), "name", head="项目", chain_start=at + 1))
                at = t.find(quoted, at + len(quoted))
        for m in _POLICY_SAYS.finditer(t):  # 文件明确，每人每月发放生活补贴1500元: what follows is the policy's
            titles = [title.group(1) for title in _POLICY_TITLE.finditer(t, 0, m.start())] or self.policy_titles
            if titles:
                name = policy_name(titles[-1])
                out.append(Mention(m.start(), m.end(), name, "name", head="项目", chain_start=m.start()))
        for m in _LAUNCHED_SUBJECT.finditer(t):  # 该行推出的“侨商共富贷”已累计放款9.2亿元: the programme is the subject
            out.append(Mention(m.start(1), m.end(1), m.group(1), "name", head="项目", chain_start=m.start(1)))
        for m in _POLICY_BACK.finditer(t):
            para = self.index.paragraph(m.start())[0]
            quoted = [q for q in _QUOTED_NAME.finditer(t, para, m.start())]
            if quoted:
                out.append(Mention(m.start(), m.end(), quoted[-1].group(1), "programme"))
        for m in out:
            self.types[m.name] = "project"
        return sorted(out, key=lambda m: m.start)

    def _local(self) -> list[Mention]:
        """村里, 镇上, 县里 at the start of a clause: the village, town or county under discussion (an anaphor with
        that ending, resolved like 该村); 厂里, 社里, 站里, 场里 the latest business the text names."""
        out = []
        for m in _LOCAL.finditer(self.t):
            ch = m.group(1) or m.group(2)
            out.append(Mention(m.start(), m.end() + 1, "", "anaphor", head=self.cues.suffixes[ch], suffix=ch))
        for m in _LOCAL_BUSINESS.finditer(self.t):  # 厂里去年投入, 社里有绣娘: the business under discussion
            out.append(Mention(m.start(), m.end() + 1, "", "anaphor", head=BUSINESS_HEAD, suffix=m.group()))
        return sorted(out, key=lambda m: m.start)

    def _short_anaphors(self) -> list[Mention]:
        """该行, 该校, 本院, 该社: a demonstrative and one character standing for an ending (银行, 学校, 医院, 合作社;
        data/entity_cues.csv short_ending), resolved like 该公司; not the words they start (该行业, 本校区)."""
        endings = self.cues.short_endings
        if not endings:
            return []
        out = []
        for m in _short_pattern().finditer(self.t):
            if self.t[m.start():m.start() + 2] not in self.cues.not_short:
                out.append(Mention(m.start(), m.end(), "", "anaphor", head=endings[m.group()], suffix=m.group()))
        return out

    def _pair_words(self) -> list[Mention]:
        """前者 / 后者: the first or the second of the two names listed just before (resolved in `resolution`)."""
        return [Mention(m.start(), m.end(), "", "former" if m.group() == "前者" else "latter")
                for m in _PAIR_WORD.finditer(self.t)] if "者" in self.t else []

    def _deictic(self) -> list[Mention]:
        if not self.cues.deictic:
            return []
        pattern = _cue_pattern("deictic")
        return [Mention(m.start(), m.end(), "", "deictic") for m in pattern.finditer(self.t)]

    def _placed(self, m: Mention) -> Mention:
        """`m` with its subject flag set (and an anaphor's kind): the cheaper half of the flags, all that a
        mention outside subject position is ever asked for (computed the first time a rule looks)."""
        if not m.placed:
            m.placed = True
            self._place(m)
        return m

    def _checked(self, m: Mention) -> Mention:
        """`m` with its subject and skip flags set (computed the first time a rule looks at them)."""
        if not m.flagged:
            m.flagged = True
            self._placed(m)
            self._skip(m)
        return m

    def _place(self, m: Mention) -> None:
        """Subject position (m.subject); 全街道 and 全区 become the document's own place."""
        t, cues = self.t, self.cues
        lead_words, demonstratives = _flag_patterns()[:2]
        start = m.chain_start if m.chain_start >= 0 else m.start
        clause_start = self._clause_start(start)
        before = t[clause_start:start]
        # a clause starts after a speech: 。”戴素连 (a lead without ” has none)
        quoted = _AFTER_SPEECH.split(before)[-1].lstrip("”") if "”" in before else before
        quoted = quoted.lstrip("“") if m.kind == "anaphor" else quoted  # “厂里去年…: a quotation opens a clause
        lead = TIME_LEAD.match(quoted)
        rest = quoted[lead.end():] if lead else quoted
        lead = lead_words.match(rest)
        if lead:
            rest = rest[lead.end():]
        if m.kind == "person" and not any(o.kind == "name" for o in self._mentions_in(clause_start, start)):
            rest = described_person(rest)  # “00后”群众演员小周今年23岁: a person introduced by what they are
        m.subject = rest == "" or rest.endswith("的")
        if m.kind == "anaphor":
            if before.endswith("全") and (whole := next((p for p in self.places if p.endswith(m.suffix)), "")):
                m.kind, m.name = "alias", whole  # 全街道, 全区: the document's own place
            pointed = bool(demonstratives.search(before)) or before.endswith("全")  # 全镇
            own = any(p.endswith(m.suffix) for p in self.places)  # 街道 / 该区: the document's own place
            m.initial = m.subject
            local = m.end - m.start == len(m.suffix) + 1  # 村里, 镇上: already a noun of place
            m.subject = pointed or (m.subject and (own or local or t[m.end:m.end + 1] in cues.anaphor_follow))

    def _skip(self, m: Mention) -> None:
        """Why a mention cannot be what the sentence is about (m.skip); after `_place`, whose kind it reads."""
        if m.skip:
            return
        t = self.t
        object_verbs, recipients, copulas = _flag_patterns()[2:]
        start = m.chain_start if m.chain_start >= 0 else m.start
        before = t[self._clause_start(start):start]
        after = t[m.end:m.end + 12]
        head, _, tail = before.rpartition("的")
        if head and head[-1] in ADMIN_CHARS and m.kind != "person" and not _where_lead_pattern().match(head):
            tail = before  # 走进武义县的下山脱贫小区: a place's 的 does not end the verb's reach (位于溪头村的X is X)
        if self._titled(start):
            m.skip = "title"  # 《浙江省高标准农田建设资金管理办法》: a document's title names no subject
            return
        if (object_verbs.search(tail) or recipients.search(before) or _SHARE_BASE.search(before)
                or self._partner(before, start)):
            m.skip = "object"  # 落户X, 向…的贫困村捐赠, 占全省: where things go, what a share is of
        elif copulas.search(before) and copulas.search(_COPULA_NOT.sub("", before)):
            m.skip = "predicate"
        elif m.kind != "person" and (_affiliated(after) or self._person_follows(m.end)):
            m.skip = "affiliation"
        elif speech_pattern().match(after) or (before.endswith(_SOURCE_LEAD) and m.kind != "person"):
            m.skip = "speaker"  # 统计局日前发布数据, 据区渔业局统计: who reports the figures, not what they describe
        elif after.startswith("等") or (after.startswith("、") and _LISTED_UNTIL_DENG.match(t, m.end)):
            m.skip = "member"  # 高新幼儿园等2所学校, 运动会、联谊会等活动: one of the things counted
        elif (m.kind != "person" and (counted := _COUNTED.match(after)) and counted.group(1)[-1] not in "年月日季时号"
              and counted.group(1) not in _indefinite()  # 与一家企业: "a", no count
              and not (_opens(before) and _NOUN_COUNTED.match(after, counted.end()))):  # 古镇210家民宿
            m.skip = "counted"  # 设有居家养老服务照料中心9个, 外资项目41个: the things counted, not who has them
        elif m.kind != "person" and m.kind != "anaphor" and _counted_before().search(before):
            m.skip = "counted"  # 全乡已有6家花灯工坊: a kind of thing counted, not one that has figures
        elif m.kind != "person" and self._in_condition(start):
            m.skip = "condition"  # 本科毕业生来柯城工作的，每人每月…: a headless 的-clause says who qualifies

    def _in_condition(self, pos: int) -> bool:
        """Whether `pos` is in a clause ending 的， (对新认定为专精特新企业的，给予…): a condition or the people a
        policy covers, not who the next clause's figures are about."""
        start, end = self.index.clause(pos)
        return self.t.endswith(("的，", "的,"), start, end)

    def _titled(self, pos: int) -> bool:
        """Whether `pos` is inside a title in book-title marks 《…》 of its paragraph."""
        index = self.index
        opened = index.rfind("《", 0, pos)
        if opened < 0:
            return False  # most texts have no title mark before a name: no paragraph to look up
        floor = index.begin(index.paragraphs, pos)
        return opened >= floor and opened > index.rfind("》", floor, pos)

    def _person_follows(self, pos: int) -> bool:
        return pos in self.person_starts

    def _partner(self, before: str, start: int) -> bool:
        """合作社还与一家茶饮企业签下订单, 琅琊镇与白龙桥镇共建: after a subject, the one it deals with (与/同/跟)
        is not who the figures are about: the subject named first is."""
        lead = _partner_pattern().search(before)
        if not lead or lead.start() == 0:
            return False
        clause_start = start - len(before)
        return any(o.name or o.kind == "anaphor" for o in self._mentions_in(clause_start, clause_start + lead.start())
                   if o.kind != "person" and self._placed(o).subject)

    def _mentions_in(self, lo: int, hi: int) -> list[Mention]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.mentions[i:j]


_SOURCE_LEAD = ("据", "根据", "依据")
_DIVISION_ENDS = frozenset("省市县区旗州盟")
_AGENCY_ENDS = frozenset({"局"})
_DIVISION_MAX = 12  # characters of the longest division name (…自治县, …自治州)


def _inside_division(t: str, s: int, e: int) -> bool:
    """Whether the suffix character at [s, e) lies inside a known division's name that ends within the next
    few characters (桐乡市, 镇海区: 乡 and 镇 are part of the name, not a township's ending)."""
    if _DIVISION_ENDS.isdisjoint(t[e:e + 4]):
        return False  # no division ending within reach (most suffixes): nothing to look up
    table = divisions()
    for end in range(e + 1, min(len(t), e + 4) + 1):
        if t[end - 1] in _DIVISION_ENDS and any(t[k:end] in table for k in range(max(0, end - _DIVISION_MAX), s + 1)):
            return True
    return False


def _division_start(t: str, left: int, end: int, bound: int) -> int:
    """Where the longest known division name ending at `end` starts, when it starts before `left` (the name
    scan stops at a function character: 云和县, 莲都区, 于都县, 和平区); else `left`."""
    table = divisions()
    for k in range(max(bound, end - _DIVISION_MAX), left):
        if t[k:end] in table:
            return k
    return left


def _place_at(t: str, pos: int, limit: int) -> str:
    """The division name or unique short form starting at `pos` and ending by `limit` (嵊州, 万州区), longest
    first; '' when none."""
    table = divisions()
    for end in range(min(limit, pos + _BRAND_MAX - 2), pos + 1, -1):
        if t[pos:end] in table or division_of_short(t[pos:end]):
            return t[pos:end]
    return ""


_NOT_PRODUCT = frozenset("开设建增办营入驻引已共现累新有各些总计约")  # 建瓯市新开门店: a verb, not a product


def product_chars(chars: str) -> bool:
    """Whether `chars` can be a product's name: ideographs, no function character (的 在 和…) and none of the
    verbs and counting words that stand between a place and its shops (新开, 现有, 共计)."""
    return name_chars(chars) and _NOT_PRODUCT.isdisjoint(chars)
