"""Who and when a number is about: the entity and period of each claim, read from the document around it.

`DocumentContext(text, document)` indexes one cleaned text once (paragraphs, sentences, clauses, the places,
organisations, people and programmes it names, its time expressions); `entity(start, end)` and
`period(start, end)` then answer for the number at that span, `entity_type(name)` says what the name is. Cue
words (name endings, generic nouns, role words and words for people, verbs whose object is not the topic...) are
in data/entity_cues.csv, surnames in data/surnames.csv, county-level and higher names in cpca's division table.

What counts as a name (the most specific real name, else the document's place):
- a run of name characters ending in a place/organisation/project ending (街道 村 景区 港 市场 商品城 项目...),
  without time words, units right after a number (1.48平方公里未来产业社区, but 天台县), leading verbs (开通 坚持
  发挥 新增...) or a cut-off division prefix (位居福建省 -> 福建省); a chain of divisions is one name without the
  document's own district (南湖区建设街道南杨社区), a village by its own name (淳安县枫树岭镇下姜村 -> 下姜村),
  towns and villages named after a village or port whole (宏村镇, 荻港村, 桐乡市, 和孚镇);
- never a name: one character plus an ending (新项目; but 黟县), descriptions (城镇 建制镇 跨省 出口市场 侨乡
  之乡 名镇), graded categories (5A级景区, 国家级传统村), anything inside a 《title》;
- a person: surname + one or two characters after a role or word for people (村民 茶农 种植户 华侨 群众演员),
  after 岁的, before 今年/是/来自 at a clause start, or a surname with a term of address (钟大姐, 吴师傅, 叶女士,
  小周); never a division (平湖市是…) nor a role (党员干部) nor 老师/小时;
- an unnamed firm gets a short descriptive name with the place given for it (在东部新区的一家水泵企业 ->
  东部新区水泵企业, 德国一家汽车零部件企业 -> 德国汽车零部件企业), typed organisation; a quoted programme
  launched at a clause's end (推出“菇农贷”，…) or pointed back at (这项制度) is a project.

Entity, first rule that applies:
1. a speaker's own figures (the number's clause, or else the quotation, in the first person, and not about the
   whole place: 我们村, 全县, 村里): the person named right after the quotation (”钟大姐说, ”种植户汪建华说),
   right before it (王秀英说：“), or for 我 with no speaker at it the person the paragraph introduced (商户陈晓峰…。
   “去年我们店…”, ”他说); after 叶女士说， the rest of the sentence is hers;
2. the name the number describes: 72岁的朱水源, 58岁的茶农钟大姐, 总投资15亿元的锦凯项目;
3. 他家 / 她 in the number's sentence part: the latest person the paragraph names;
4. 分别: A和B分别完成…85%和18% pairs names and numbers in order;
5. the nearest name before the number in its sentence part (split at ；), skipping names the sentence is not
   about: objects (来自/到/位于/距离/位居/高于/向 X), predicates (是/被誉为/成为 X), affiliations (南杨社区党委书记),
   speakers and publishers (刘勇介绍, 统计局数据显示), the things counted (设有照料中心9个, 写生基地和画家村60多处),
   people outside subject position; 在X inside a clause with a subject is where, not who (公司去年在慈溪投资…).
   Bare endings stand for a name: 该社区/合作社/市场 opening a clause -> the latest name with that ending in this
   or the previous paragraph (小区 also finds a 新村), 村里/镇上/全镇 -> the village or town under discussion,
   这里 -> the previous sentence's topic, 闻堰 -> 闻堰街道, 全区 -> the document's district;
6. after a quotation, the speaker's (named) organisation; later in the sentence, a name in subject position;
7. the sentence's own subject for a later ；-part when it is a place opening the sentence (or the part opens
   with 其中), else the topic of the latest earlier sentence of the paragraph that is not a person;
8. the document's own place (street, else district, else city).

Period: the nearest time expression before the number in its sentence, except 2009年的 (it belongs to the
number right after it), comparison bases (比去年, 去年同期, 是2003年的七十多倍), deadlines (2023年底前) and
上半年…下半年 pairs (seasons); the starting value of a change (由3.2%降至0.8%) has none unless a time is written
onto it (由原来的300万元); 全年 under a year frame is that year. Else the paragraph's frame (a clause that is only a
time expression: 上半年， / 2023年，) from an earlier sentence, for a number outside quotation marks that is not a
plan: a reporting period (1-8月, 上半年, 2023年) whose sentence gives figures carries across subjects; any other
frame (这些年, an event's date: 2021年，项目正式投运) only while every sentence since keeps its subject; a
sentence opening with 其中 always keeps it.

The scan runs on a copy of the text without the spaces OCR leaves inside lines (临江高 科园, 截 至目前).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from gongfu.extract.periods import PERIOD, SEASONS, normalise_period
from gongfu.extract.places import divisions
from gongfu.extract.sentences import CLAUSE_END, SEGMENT_END, SENTENCE_END, ends, unit_at
from gongfu.extract.status import status as status_of
from gongfu.lexicon import load_cues, load_surnames, load_units, suffix_types

_ADMIN_CHARS = set("区乡镇村市县省")
_NUMERAL_LEAD = re.compile("[一二两三四五六七八九十百千万]+[大个项批家种条所支类期]")
# Characters that never belong to a name; scanning left from a name ending stops at them.
_STOP = set("的了在是和与及对向由为将从到把被等已有进入走住位于地处以约占经个辖全该本各这此其每给让使"
            "自户而也都就还又很更最并或但却所之其它他她们我你共均近超逾达")
_SPACE = re.compile(r"[^\S\n]+")
# read backwards (the text reversed): 口进 is 进口, which may sit inside a name (青田进口商品城)
_NAME_RUN = re.compile("(?:口进|[“‘”’]|[^" + re.escape("".join(sorted(_STOP))) + r"\W\d_])+")
_NAME_MAX = 16
_COPULA_NOT = re.compile("(?:总|还|但|于|要|凡|只|或|可|不)是")
_DE_PERSON_AFTER = re.compile("一家|做|是|今年|来自")
_CLAUSE_PERSON = re.compile(r"今年\d|来自|是|做")
_QUOTED_CORE = re.compile(r"[“‘]([^”’]+)[”’]")
_AFTER_SPEECH = re.compile("[。！？!?…]”")
_NUMBER_START = re.compile(r"[\d０-９]|[一二两三四五六七八九十百千万][^一-龥]|[一二两三四五六七八九十百千万]{2}")
_FIRST_PERSON = re.compile("我|俺|咱")
_LOCATIVE = set("在到回进留")  # 在村里, 回到镇里: where someone is, not what the figure is about
_WHOLE_PLACE = re.compile("全[县市区镇村乡省]|[村县镇市区乡]里|我们[村县镇市区乡]|大家|家家户户")
_PRONOUN = re.compile("他们家|她们家|他家|她家|(?<![其])[他她](?![们人])")
_SPEAKER_REACH = 20
_RATIO_BASE = re.compile("(?:是|为|相当于)$")  # 是2003年的七十多倍: the base of a multiple
# a reporting period, whole (今年1-8月, 上半年, 前三季度, 2023年), not a span since (今年以来) nor a vague time (这些年)
_MONTHS = "前?[0-9０-９一二三四五六七八九十\\-—~至]+(?:个月|月份?|季度)|[上下]半年|全年"
_REPORTING = re.compile(f"(?:今年|去年|(?:19|20)\\d{{2}}年)(?:{_MONTHS})?|{_MONTHS}")
_BUILD_LEAD = re.compile("(?:建设|扩建|新建|筹建)(?=..)")  # 建设智能工厂 (but 建设街道, 建设银行 are names)
_YEAR_FRAME = re.compile(r"(?:19|20)\d{2}年|今年|去年")
_WHOLE_YEAR = ("全年",)
_FROM_LEAD = re.compile("(?:由|从)(?:原来的|之前的|过去的)?(?:约|近|不到|不足|超过|仅)?$")
_COMPARED = re.compile("(?:比|较|与|同|相比)$")
_NUMBER_LEAD = re.compile("(?:约|近|不到|不足|超过|超|逾|仅|只有|才)?")
_AFTER_NUMBER = re.compile(r"[\d０-９%一二两三四五六七八九十百千万亿余多几来]")
_GRADE = re.compile("级")
_TOWN_ENDS = ("镇", "乡", "街道", "村", "社区")
_ADMIN_ENDS = ("省", "市", "县", "区", "镇", "乡", "街道")
_VILLAGE_ENDS = ("村", "新村")
_LAUNCHED = re.compile("(?:推出|推行|实施|设立|启动|上线|出台|开发|发行)“([^“”，。]{2,16})”(?=[，,；;])")
_QUOTED_NAME = re.compile("“([^“”，。]{4,16})”")
_POLICY_BACK = re.compile("(?:这项|这一|该|此项)(?:制度|政策|机制|模式|做法|举措|改革|办法)")
_PART_OPENERS = ("其中",)
_FIRM = re.compile("一家[A-Za-z0-9]*"  # 一家5G智能家电工厂: the technical label is dropped
                   "(([^\\W\\d_的了在是和与及对向由为将从到把被等已有个这那其]{2,8}?)(企业|工厂|公司|厂))")
_PLACE_RUN = re.compile("(?<![一-龥])[一-龥]{2,3}(?<![上里])$|(?<=[的在与和])[一-龥]{2,3}(?<![上里])$")
_ESTATE_ENDS = ("新村",)
_LOCAL = re.compile("(?<![一-龥])([村镇县乡])(?=里|上)|(?<=[，,。；;：:\n])([村镇县乡])(?=里|上)")
_COUNTED = re.compile("(?:[和与及、][^，,。；;：:\\d]{1,8}?)?(?:总数|数量|数|达到|达|约|近|超过|超|逾)?"
                      r"([\d０-９][\d０-９,.，．]*[万亿]?.|[一二两三四五六七八九十百千万]{1,4}[^一二两三四五六七八九十百千万])")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}(?:年度?)?")
_TIME_LEAD = re.compile(rf"(?:{PERIOD.pattern}|最近|近日|日均|仅|同时|此外|其中)+")


@cache
def _suffix_pattern() -> re.Pattern[str]:
    suffixes = sorted(load_cues().suffixes, key=len, reverse=True)
    first = "".join(sorted({s[0] for s in suffixes}))  # a cheap look at the first character before the alternation
    return re.compile(f"(?=[{re.escape(first)}])(?:" + "|".join(re.escape(s) for s in suffixes) + ")")


@cache
def _cue_pattern(kind: str, anchored: str = "") -> re.Pattern[str]:
    """Any cue of one type as a regex ('^' anchored at the start, '$' at the end, '' anywhere)."""
    words = "|".join(re.escape(w) for w in getattr(load_cues(), kind))
    return re.compile(("^" if anchored == "^" else "") + f"(?:{words})" + ("$" if anchored == "$" else ""))


@cache
def _de_person() -> re.Pattern[str]:
    """岁的 or 的 before a surname: where a person may be introduced (72岁的朱水源, 村的张益宾)."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    return re.compile(f"(?:岁的|的)(?=[{first}])")


@cache
def _clause_person() -> re.Pattern[str]:
    """A surname at the start of a clause, or right after a quoted speech (。”戴素连今年58岁)."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    return re.compile(f"(?:^|[，,；;：:。！？!?\n]|[。！？!?…]”)([{first}])", re.M)


@cache
def _honorific_pattern() -> re.Pattern[str]:
    """A surname with a term of address after it (钟大姐, 林大伯, 叶女士), or 小/老 before it where the person
    speaks or is described (23岁的小周, 小周今年, 老陈说)."""
    words = "|".join(map(re.escape, load_cues().honorifics))
    first = re.escape("".join(sorted(n for n in load_surnames() if len(n) == 1)))
    return re.compile(f"([{first}])(?:{words})|(?<![一-龥])(?:小|老)([{first}])(?=说|今年|是|介绍|告诉|笑|一边|[，,])"
                      f"|(?<=[岁的叫{_person_end_chars()}])(?:小|老)([{first}])", re.M)


@cache
def _person_word_end() -> re.Pattern[str]:
    """A word for people at the end of a clause's opening (“00后”群众演员, 种粮大户)."""
    words = "|".join(map(re.escape, load_cues().person_nouns + load_cues().roles))
    return re.compile(f"(?:{words}|[{_person_end_chars()}])$")


def _whole_place_spoken_of(quote: str) -> bool:
    """Whether a quotation speaks of the whole place (我们村, 全县, 村里有), not of where the speaker is (我在村里的
    合作社上班, 回到镇里)."""
    return any(quote[max(0, m.start() - 1):m.start()] not in _LOCATIVE for m in _WHOLE_PLACE.finditer(quote))


def _described_person(rest: str) -> str:
    """What stands before a person's name once a description of them is taken off: '' for “00后”群众演员 (a noun
    phrase without function words ending in a word for people), `rest` otherwise."""
    if _person_word_end().search(rest) and len(rest) <= 10 and not any(c in _STOP for c in rest):
        return ""
    return rest


@cache
def _person_end_chars() -> str:
    return re.escape(load_cues().person_ends)


@cache
def _person_noun_pattern() -> re.Pattern[str]:
    """A word for people right before a surname (茶农钟大姐, 种植户汪建华, 旅意华侨胡先生): where a person is
    introduced. Whole words from the cue list, or any word ending in a person ending (梅农, 菇农)."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    nouns = "|".join(map(re.escape, load_cues().person_nouns))
    return re.compile(f"(?:{nouns}|(?<=[{_person_end_chars()}]))(?=[{first}]|[小老][{first}])")


@cache
def _speech_pattern() -> re.Pattern[str]:
    return re.compile("(?:高兴地|笑着|激动地)?(?:" + "|".join(map(re.escape, load_cues().speech)) + ")")


@cache
def _last_verb_pattern() -> re.Pattern[str]:
    """Everything up to the last leading verb (闻堰深化开展 -> 闻堰深化开展)."""
    return re.compile(".*(?:" + "|".join(re.escape(v) for v in load_cues().leading_verbs) + ")")


@cache
def _role_pattern() -> re.Pattern[str]:
    roles = load_cues().roles
    first = re.escape("".join(sorted({r[0] for r in roles} | set("第有相"))))
    alternation = "|".join(map(re.escape, roles))
    return re.compile(rf"(?=[{first}])(?:第[一二三四五六七八九十\d]+)?(?:有关|相关)?(?:{alternation})")


@cache
def _unit_lead() -> re.Pattern[str]:
    """Units and multipliers a name scan can take in after a number (1.48平方公里未来产业社区)."""
    words = sorted(set(load_units()) | {"万", "亿", "余", "多"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words if not w.isascii()) + ")+")


class _Where(NamedTuple):
    """A number's span (flat offsets) and the paragraph, sentence, sentence part and clause around it."""

    s: int
    e: int
    paragraph: tuple[int, int]
    sentence: tuple[int, int]
    segment: tuple[int, int]
    clause: tuple[int, int]


@dataclass(slots=True)
class Mention:
    """A place, organisation or person named in the text (flat offsets), and what it may stand for."""

    start: int
    end: int
    name: str  # the name a claim reports ('' while unresolved)
    kind: str  # name | person | alias | anaphor | deictic
    head: str = ""  # the ending's group, for anaphora (社区, 项目...)
    subject: bool = False  # first in its clause, after time words, prepositions or a 的-modifier
    skip: str = ""  # object | predicate | affiliation | speaker | inner | generic
    known: bool = False  # resolved to a name given in full earlier in the text
    suffix: str = ""  # the ending as written
    chain_start: int = -1  # where the chain of adjacent names this one ends starts (南湖区建设街道南杨社区)
    flagged: bool = False  # subject and skip computed
    initial: bool = False  # an anaphor opening its clause (subject position before the anaphor test)


class _Flat:
    """The text without spaces inside lines, and the offset map back and forth."""

    def __init__(self, text: str) -> None:
        self.orig_starts, self.flat_starts, self.lengths, pieces = [], [], [], []
        pos = flat = 0
        for m in _SPACE.finditer(text):
            self._piece(pieces, text[pos:m.start()], pos, flat)
            flat += m.start() - pos
            pos = m.end()
        self._piece(pieces, text[pos:], pos, flat)
        self.text = "".join(pieces)

    def _piece(self, pieces: list[str], piece: str, pos: int, flat: int) -> None:
        pieces.append(piece)
        self.orig_starts.append(pos)
        self.flat_starts.append(flat)
        self.lengths.append(len(piece))

    def to_flat(self, pos: int) -> int:
        i = max(0, bisect.bisect_right(self.orig_starts, pos) - 1)
        return self.flat_starts[i] + min(pos - self.orig_starts[i], self.lengths[i])


def document_places(document: dict[str, Any]) -> list[str]:
    """The document's own places, most specific first (street, district, city, province)."""
    return [str(document.get(k) or "") for k in ("street", "district", "city", "province") if document.get(k)]


def _short(name: str) -> str:
    """临江街道 -> 临江, 南湖区 -> 南湖: the short form a text uses for its own place ('' if too short)."""
    short = re.sub("(街道|区|县|市|镇|乡|省)$", "", name)
    return short if len(short) >= 2 and short != name else ""


class DocumentContext:
    """One cleaned text, indexed for the entity and period of any number in it."""

    def __init__(self, text: str, document: dict[str, Any]) -> None:
        self.cues = load_cues()
        self.flat = _Flat(text)
        t = self.flat.text
        self.t = t
        self.places = document_places(document)
        self.default = self.places[0] if self.places else ""
        self.aliases = {s: p for p in self.places if (s := _short(p))}
        self.paragraphs = ends(re.compile("\n"), t)
        self.sentences = ends(SENTENCE_END, t)
        self.segments = ends(SEGMENT_END, t)
        self.clauses = ends(CLAUSE_END, t)
        self.rev = t[::-1]
        self.types: dict[str, str] = {}  # names whose type is known from how they were found (一家…企业)
        self.mentions = self._find_mentions()
        self.starts = [m.start for m in self.mentions]
        self.topics = self._resolve()
        self.periods = self._find_periods()
        self.period_starts = [m.start() for m in self.periods]
        self.numbers: list[int] = []
        title_year = _TITLE_YEAR.search(str(document.get("title") or ""))
        self.title_period = title_year.group() if title_year else ""  # 数说龙游2023 governs its list

    # ---------- names ----------

    def _clause_start(self, pos: int) -> int:
        return unit_at(self.clauses, len(self.t), pos)[0]

    def _find_mentions(self) -> list[Mention]:
        named = self._names()
        firms = self._firms(named)
        if firms:
            inside = _Coverage([(m.start, m.end) for m in firms])
            named = sorted([m for m in named if not inside.overlaps(m.start, m.end)] + firms, key=lambda m: m.start)
        taken = _Coverage([(m.start, m.end) for m in named])
        persons = [m for m in self._persons() if not taken.overlaps(m.start, m.end)]
        self.person_starts = {m.start for m in persons}
        taken.add(persons)
        aliases = [m for m in self._aliases(named) if not taken.overlaps(m.start, m.end)]
        taken.add(aliases)
        deictic = [m for m in self._deictic() if not taken.overlaps(m.start, m.end)]
        taken.add(deictic)
        local = [m for m in self._local() if not taken.overlaps(m.start, m.end)]
        taken.add(local)
        programmes = [m for m in self._programmes() if not taken.overlaps(m.start, m.end)]
        mentions = sorted(named + persons + aliases + deictic + local + programmes, key=lambda m: m.start)
        for m in mentions:
            # descriptions are never what a claim is about, programmes have no flags; others on demand
            m.flagged = m.kind in ("generic", "grade", "launch", "programme")
        return mentions

    def _names(self) -> list[Mention]:
        """Every name ending in a place/organisation suffix. Adjacent names chain (南湖区建设街道南杨社区): the
        parent pieces become `inner` and the last piece reports the chain, without the document's own
        district/city in front. Bare endings (该社区, 合作社) are anaphors; descriptions (现代社区, 拟上市) are
        `generic`: never an entity, but they may start a chain (安居乐堰现代社区发展基金)."""
        t, cues = self.t, self.cues
        not_after, not_after_long, generic, generic_ends = (cues.not_after, cues.not_after_long, cues.generic,
                                                             cues.generic_ends)
        paragraphs, scan_left, trim_lead = self.paragraphs, self._scan_left, self._trim_lead
        out: list[Mention] = []
        floor = 0
        for m in _suffix_pattern().finditer(t):
            s, e = m.span()
            suffix = m.group()
            if t[e:e + 1] in (not_after if len(suffix) == 1 else not_after_long) and not t.startswith("集体", e):
                continue  # 村集体 is the village's collective: the name ends there
            if len(suffix) == 1 and t[e:e + 1] in "镇乡村" and t[e:e + 1] != suffix:
                continue  # 宏村镇, 荻港村: a town or village named after a village or port
            if t[e:e + 1] in _ADMIN_CHARS and any(t[max(0, e + 1 - k):e + 1] in divisions() for k in range(3, 7)):
                continue  # 桐乡市: the 乡 inside a division's name
            i = bisect.bisect_right(paragraphs, s)
            line_start = paragraphs[i - 1] if i else 0
            left = trim_lead(scan_left(s, floor if floor > line_start else line_start), s)
            last = out[-1] if out else None
            if (s - left == 1 and last is not None and last.end == left - 1 and suffix in _TOWN_ENDS
                    and last.suffix in _ADMIN_ENDS):
                left -= 1  # 南浔区和孚镇荻港村: a town whose name starts with a function character
            prefix = t[left:s]
            floor = e
            if prefix and (_NUMERAL_LEAD.match(prefix) or (suffix in _ADMIN_CHARS and any(
                    c in _ADMIN_CHARS for c in (prefix[:-1] if suffix in "镇乡村" else prefix)))):
                continue  # 五大民生实事项目 (a description), 落实区委区 (not a name)
            if suffix in "省市县区" and prefix + suffix not in divisions():
                cut = next((k for k in range(1, len(prefix)) if prefix[k:] + suffix in divisions()), 0)
                prefix, left = prefix[cut:], left + cut  # 位居福建省 -> 福建省: a division's name is whole
            name = prefix + suffix
            kind = "name"
            if not prefix:
                kind = "anaphor"
            elif name in generic or name.endswith(generic_ends):
                kind = "generic"
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
        nor more than _NAME_MAX characters; a quote left open is not part of the name."""
        n = len(self.t)
        run = _NAME_RUN.match(self.rev, n - s, n - max(floor, s - _NAME_MAX))  # read backwards from s
        left = s - (run.end() - (n - s)) if run else s
        while left < s and (self.t[left] in "”’" or (self.t[left] in "“‘" and "”’"[self.t[left] == "‘"]
                                                        not in self.t[left:s])):
            left += 1
        return left

    def _trim_lead(self, left: int, s: int) -> int:
        """Drop what the scan took for part of a name: time words and units in front (今年闻堰初中, 1.48平方公里
        未来产业社区) and everything up to the last verb (闻堰深化开展幼儿园 -> 幼儿园)."""
        prefix = self.t[left:s]
        while prefix:
            lead = _TIME_LEAD.match(prefix)
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

    def _persons(self) -> list[Mention]:
        """People: a surname and one or two characters, found after a role word (村民戴素连), after 岁的, or
        before 今年/来自/是/做/一家 at the start of a clause; then every occurrence of the names found."""
        t, surnames = self.t, load_surnames()
        names: set[str] = set()
        for m in _role_pattern().finditer(t):
            if (name := _person_at(t, m.end(), surnames)):
                names.add(name)
        for m in _de_person().finditer(t):
            age = m.group() == "岁的"
            name = _person_at(t, m.end(), surnames, sure=age)
            if name and (age or _DE_PERSON_AFTER.match(t, m.end() + len(name))):
                names.add(name)
        for m in _clause_person().finditer(t):
            name = _person_at(t, m.start(1), surnames)
            if name and _CLAUSE_PERSON.match(t, m.start(1) + len(name)):
                names.add(name)
        for m in _person_noun_pattern().finditer(t):  # 种植户汪建华说, 村民王乐义带头, 群众演员小周
            if (name := _person_at(t, m.end(), surnames)):
                names.add(name)
            elif t[m.end():m.end() + 1] in "小老" and t[m.end() + 1:m.end() + 2] in surnames:
                names.add(t[m.end():m.end() + 2])
        for m in _honorific_pattern().finditer(t):  # 钟大姐, 吴师傅, 小周: a person the text calls so
            if not t.startswith(self.cues.not_person, m.start()):  # 老师傅, 小时
                names.add(m.group())
        words = set(self.cues.roles) | set(self.cues.person_nouns)
        names = {n for n in names if n[-1] not in _ADMIN_CHARS and n not in divisions()  # 平湖市是: a place
                 and not n.startswith(tuple(words))}  # 党员干部: 干部 is a role, not 干 + 部
        self.person_names = frozenset(names)
        if not names:
            return []
        pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
        return [Mention(m.start(), m.end(), m.group(), "person") for m in pattern.finditer(t)]

    def _aliases(self, named: list[Mention]) -> list[Mention]:
        """Short forms: the document's own place (闻堰 -> 闻堰街道) and a quoted core of a name (“萧君”)."""
        out = []
        for short, full in self.aliases.items():
            out += [Mention(m.start(), m.end(), full, "alias") for m in re.finditer(re.escape(short), self.t)]
        cores: dict[str, Mention] = {}
        for m in named:
            core = re.search(r"[“‘]([^”’]{2,8})[”’]", m.name)
            if core and m.kind == "name":
                cores.setdefault(core.group(1), m)
        for core, first in cores.items():
            for m in re.finditer(rf"[“‘]{re.escape(core)}[”’]", self.t):
                if m.start() >= first.end:
                    out.append(Mention(m.start(), m.end(), first.name, "alias", known=True))
        return out

    def _programmes(self) -> list[Mention]:
        """Programmes, loans and policies the text names in quotation marks: launched at the end of a clause (县里
        推出“菇农贷”，单户最高可贷50万元: the next clauses are about it), or pointed back at (“…清单36条”的发源地。
        这项制度把…: the latest quoted name before 这项制度). Typed project."""
        t, out = self.t, []
        for m in _LAUNCHED.finditer(t):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "launch"))
        for m in _POLICY_BACK.finditer(t):
            para = unit_at(self.paragraphs, len(t), m.start())[0]
            quoted = [q for q in _QUOTED_NAME.finditer(t, para, m.start())]
            if quoted:
                out.append(Mention(m.start(), m.end(), quoted[-1].group(1), "programme"))
        for m in out:
            self.types[m.name] = "project"
        return out

    def _local(self) -> list[Mention]:
        """村里, 镇上, 县里 at the start of a clause: the village, town or county under discussion (an anaphor with
        that ending, resolved like 该村)."""
        out = []
        for m in _LOCAL.finditer(self.t):
            ch = m.group(1) or m.group(2)
            out.append(Mention(m.start(), m.end() + 1, "", "anaphor", head=self.cues.suffixes[ch], suffix=ch))
        return out

    def _deictic(self) -> list[Mention]:
        if not self.cues.deictic:
            return []
        pattern = re.compile("|".join(map(re.escape, self.cues.deictic)))
        return [Mention(m.start(), m.end(), "", "deictic") for m in pattern.finditer(self.t)]

    def _checked(self, m: Mention) -> Mention:
        """`m` with its subject and skip flags set (computed the first time a rule looks at them)."""
        if not m.flagged:
            m.flagged = True
            self._flag(m)
        return m

    def _flag(self, m: Mention) -> None:
        """Subject position, and why a mention cannot be what the sentence is about (m.skip)."""
        t, cues = self.t, self.cues
        start = m.chain_start if m.chain_start >= 0 else m.start
        clause_start = self._clause_start(start)
        before = t[clause_start:start]
        quoted = _AFTER_SPEECH.split(before)[-1].lstrip("”")  # a clause starts after a speech: 。”戴素连
        lead = _TIME_LEAD.match(quoted)
        rest = quoted[lead.end():] if lead else quoted
        lead = _cue_pattern("lead_words", "^").match(rest)
        if lead:
            rest = rest[lead.end():]
        if m.kind == "person" and not any(o.kind == "name" for o in self._mentions_in(clause_start, start)):
            rest = _described_person(rest)  # “00后”群众演员小周今年23岁: a person introduced by what they are
        m.subject = rest == "" or rest.endswith("的")
        if m.kind == "anaphor":
            if before.endswith("全") and (whole := next((p for p in self.places if p.endswith(m.suffix)), "")):
                m.kind, m.name = "alias", whole  # 全街道, 全区: the document's own place
            pointed = bool(_cue_pattern("demonstratives", "$").search(before)) or before.endswith("全")  # 全镇
            own = any(p.endswith(m.suffix) for p in self.places)  # 街道 / 该区: the document's own place
            m.initial = m.subject
            local = m.end - m.start == len(m.suffix) + 1  # 村里, 镇上: already a noun of place
            m.subject = pointed or (m.subject and (own or local or t[m.end:m.end + 1] in cues.anaphor_follow))
        if m.skip:
            return
        after = t[m.end:m.end + 12]
        head, _, tail = before.rpartition("的")
        if head and head[-1] in _ADMIN_CHARS and m.kind != "person":
            tail = before  # 走进武义县的下山脱贫小区: a place's 的 does not end the verb's reach
        if self._titled(start):
            m.skip = "title"  # 《浙江省高标准农田建设资金管理办法》: a document's title names no subject
            return
        if _cue_pattern("object_verbs").search(tail) or _cue_pattern("recipients").search(before):
            m.skip = "object"  # 落户X, 向…的贫困村捐赠: where things go, not who has them
        elif _cue_pattern("copulas").search(before) and _cue_pattern("copulas").search(_COPULA_NOT.sub("", before)):
            m.skip = "predicate"
        elif m.kind != "person" and (_role_pattern().match(after) or self._person_follows(m.end)):
            m.skip = "affiliation"
        elif _speech_pattern().match(after):
            m.skip = "speaker"
        elif after.startswith("等"):
            m.skip = "member"  # 高新幼儿园等2所学校: one of the things counted
        elif m.kind != "person" and (counted := _COUNTED.match(after)) and counted.group(1)[-1] not in "年月日季时号":
            m.skip = "counted"  # 设有居家养老服务照料中心9个, 外资项目41个: the things counted, not who has them

    def _titled(self, pos: int) -> bool:
        """Whether `pos` is inside a title in book-title marks 《…》 of its paragraph."""
        floor = unit_at(self.paragraphs, len(self.t), pos)[0]
        return self.t.rfind("《", floor, pos) > self.t.rfind("》", floor, pos)

    def _person_follows(self, pos: int) -> bool:
        return pos in self.person_starts

    def _resolve(self) -> dict[int, Mention]:
        """Give generic words, 这里 and short names the full name they stand for; return each sentence's topic
        (the first mention in subject position that is what the sentence is about), keyed by sentence start."""
        t = self.t
        topics: dict[int, Mention] = {}
        by_end: dict[str, list[str]] = {}  # names seen, by their last two characters
        by_core: dict[tuple[str, str], str] = {}  # (quoted core, ending) -> the latest such name
        by_head: dict[str, list[Mention]] = {}  # names by ending group, in text order (antecedents)
        for m in self.mentions:
            sentence = unit_at(self.sentences, len(t), m.start)[0]
            if m.kind == "name":
                found = next((f for f in reversed(by_end.get(m.name[-2:], ())) if len(f) > len(m.name)
                              and f.endswith(m.name)), None) or by_core.get(_core_key(m.name))
                if found and found != m.name:  # 移民小康社区 after 乾西乡移民小康社区; ‘莘e家’联盟
                    m.name, m.known = found, True
            elif self._checked(m).kind == "anaphor":
                para_start = unit_at(self.paragraphs, len(t), m.start)[0]
                window = unit_at(self.paragraphs, len(t), max(0, para_start - 1))[0]
                m.name = self._antecedent(m, by_head.get(m.head, []), window)
                m.known = bool(m.name)
            elif m.kind == "deictic":
                prior = [k for k in list(topics)[-2:] if k < sentence]
                m.name = topics[prior[-1]].name if prior else ""
            if m.name and m.kind in ("name", "person"):
                by_end.setdefault(m.name[-2:], []).append(m.name)
                if (key := _core_key(m.name)) is not None:
                    by_core[key] = m.name
                if m.kind == "name":
                    by_head.setdefault(m.head, []).append(m)
                    if m.suffix in _ESTATE_ENDS:
                        by_head.setdefault("小区", []).append(m)  # 大塘新村 … 小区: a 新村 is a housing estate
            if m.name and sentence not in topics and self._checked(m).subject and not m.skip:
                topics[sentence] = m
        self.topic_starts = list(topics)
        return topics

    def _antecedent(self, m: Mention, candidates: list[Mention], window: int) -> str:
        """该社区 / 合作社 / 中心内: the latest name with the same ending group since `window` (a predicate, 是X,
        describes rather than names); else the document's own place with that ending (街道, 该区). Bare words
        outside subject position stand for nothing."""
        if not (m.subject or m.initial):
            return ""
        for f in reversed(candidates):
            if f.start < window:
                break
            if self._checked(f).skip != "predicate" and (m.subject or f.start >= window):
                return f.name  # 市场日均客流: a bare ending opening a clause, after its name in the paragraph
        if not m.subject:
            return ""
        return next((p for p in self.places if p.endswith(m.suffix)), "") if m.suffix else ""

    # ---------- the entity of a number ----------

    def entity_type(self, name: str) -> str:
        """person, organisation, project or place: a person the text names, else what the name's ending says
        (公司 -> organisation, 项目 -> project; data/entity_cues.csv), else place."""
        if not name:
            return ""
        if name in self.person_names:
            return "person"
        if name in self.types:
            return self.types[name]
        return _ending_type(name)

    def set_numbers(self, spans: list[tuple[int, int]]) -> None:
        """The claims' spans (original offsets), for pairing numbers with names after 分别."""
        self.numbers = sorted(self.flat.to_flat(s) for s, _ in spans)

    def entity(self, start: int, end: int) -> str:
        """The place, organisation or person the number at [start, end) is about (see the module rules)."""
        w = self._where(self.flat.to_flat(start), self.flat.to_flat(end))
        for rule in (self._speaker, self._described, self._pronoun, self._respectively, self._before, self._after):
            found = rule(w)
            if found:
                return found
        i = bisect.bisect_right(self.topic_starts, w.sentence[0])
        while i and self.topic_starts[i - 1] >= w.paragraph[0]:
            topic = self.topics[self.topic_starts[i - 1]]
            # a person's figures stay in their own sentence (他/她 later: the pronoun rule)
            if topic.kind != "person" and topic.start < w.s and (
                    self.topic_starts[i - 1] != w.sentence[0] or self._carries(topic, w)):
                return topic.name
            i -= 1
        return self.default

    def _carries(self, topic: Mention, w: _Where) -> bool:
        """Whether the sentence's subject governs a later ；-part: a place opening the sentence (2023年，下姜村…；
        农民人均可支配收入…), or any subject when the part opens with 其中."""
        t = self.t
        if t.startswith(_PART_OPENERS, w.segment[0]):
            return True
        opening = unit_at(self.clauses, len(t), w.sentence[0])
        if _TIME_LEAD.fullmatch(t[opening[0]:opening[1]].rstrip("，,：:")):
            opening = unit_at(self.clauses, len(t), opening[1])  # after a frame clause: 2023年，下姜村…
        return topic.start < opening[1] and self.entity_type(topic.name) == "place"

    def _where(self, s: int, e: int) -> _Where:
        n = len(self.t)
        return _Where(s, e, unit_at(self.paragraphs, n, s), unit_at(self.sentences, n, s), unit_at(self.segments, n, s),
                      unit_at(self.clauses, n, s))

    def _mentions_in(self, lo: int, hi: int) -> list[Mention]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.mentions[i:j]

    def _speaker(self, w: _Where) -> str:
        """A number in a quotation is the speaker's own figure (“我家种了40多亩白茶”, “出海一趟大概20天”): the
        person named right after the quotation (”钟大姐说) or right before it (王秀英说：“), or, for a quotation
        in the first person with no speaker named at it, the latest person the paragraph introduced (商户陈晓峰…。
        “去年我们店…”). Not when the number's clause, or the quotation without 我, speaks of the whole place
        (我们村, 全县, 大家, 村里), nor when, without 我, it names a place before the number."""
        t = self.t
        opened, closed = t.rfind("“", w.paragraph[0], w.s), t.rfind("”", w.paragraph[0], w.s)
        if opened <= closed:
            return self._reported(w)
        close = t.find("”", w.s, w.paragraph[1])
        quote = t[opened:close if close >= 0 else w.paragraph[1]]
        clause = t[max(opened, w.clause[0]):min(w.clause[1], close if close >= 0 else w.paragraph[1])]
        if _WHOLE_PLACE.search(clause):
            return ""  # “现在村里有民宿23家”: a fact about the place, told by a person
        mine = bool(_FIRST_PERSON.search(clause) or _FIRST_PERSON.search(quote))
        if not _FIRST_PERSON.search(clause) and _whole_place_spoken_of(quote):
            return ""  # “我们村去年人均收入近4万元”
        if not mine and any(m.kind != "person" for m in self._mentions_in(opened, w.s)):
            return ""  # “小区一期共有19幢”: about the place the quote names
        if close >= 0:
            stop = min(unit_at(self.sentences, len(t), close + 1)[1], close + 1 + _SPEAKER_REACH)
            found = self._mentions_in(close, stop)
            after = [m for m in found if m.kind == "person"]
            if after and not mine and any(m.kind == "name" and m.end <= after[0].start for m in found):
                return ""  # ”…合作社社长张啸林说: without 我, the figures are the speaker's organisation's
            if after:
                return after[0].name
            if not _PRONOUN.match(t, close + 1) and _speech_pattern().search(t, close, stop):
                return ""  # ”一位村干部说: someone the text does not name (”他说: the person introduced before)
        floor = w.paragraph[0] if mine else max(w.paragraph[0], opened - _SPEAKER_REACH)
        before = [m for m in self._mentions_in(floor, opened) if m.kind == "person"]
        return before[-1].name if before else ""

    def _reported(self, w: _Where) -> str:
        """叶女士说，今年店里的营业额预计能达到200万元: a person's reported speech, in the sentence after the person
        and a speech verb, is their own figure unless a place or organisation is named on the way."""
        t = self.t
        for m in reversed(self._mentions_in(w.sentence[0], w.s)):
            if m.kind != "person":
                if m.name:
                    return ""
                continue
            said = _speech_pattern().match(t, m.end)
            if said and t[said.end():said.end() + 1] in "，,：:" and not _WHOLE_PLACE.search(t, said.end(), w.s):
                return m.name
            return ""
        return ""

    def _pronoun(self, w: _Where) -> str:
        """他家 / 她 / 他们家 in the number's sentence part: the latest person the paragraph names before it."""
        m = _PRONOUN.search(self.t, w.segment[0], w.s)
        if m is None:
            return ""
        people = [p for p in self._mentions_in(w.paragraph[0], m.start()) if p.kind == "person"]
        return people[-1].name if people else ""

    def _described(self, w: _Where) -> str:
        """72岁的朱水源, 15亿元的锦凯项目: the name right after the number (and 的); without 的 only a known name."""
        t, e = self.t, w.e
        at = e + 1 if t[e:e + 1] == "的" else e
        starts = (at, at + 1) if t[at:at + 1] in "“‘" else (at,)
        for i, m in enumerate(self._mentions_in(at, at + 2 * _NAME_MAX)):
            begin = m.chain_start if m.chain_start >= 0 else m.start
            if begin in starts and m.skip != "inner" and m.name and (at > e or m.known):
                return m.name
            if i == 0 and m.kind == "person" and at > e and _described_person(t[at:m.start]) == "":
                return m.name  # 58岁的茶农钟大姐, 78岁的独居老人孙阿婆
        return ""

    def _respectively(self, w: _Where) -> str:
        """A和B分别完成总工程量的85%和18%: the k-th number after 分别 belongs to the k-th name before it."""
        word = self.t.rfind("分别", w.clause[0], w.s)
        if word < 0:
            return ""
        names = [m for m in self._mentions_in(w.segment[0], word) if m.name and self._checked(m).skip in ("", "object")]
        lo, hi = bisect.bisect_right(self.numbers, word), bisect.bisect_left(self.numbers, w.clause[1])
        clause_numbers = self.numbers[lo:hi]
        k = bisect.bisect_left(clause_numbers, w.s)
        return names[-len(clause_numbers):][k].name if 0 < len(clause_numbers) <= len(names) else ""

    def _before(self, w: _Where) -> str:
        """The nearest mention before the number in its sentence part that the sentence is about."""
        for m in reversed(self._mentions_in(w.segment[0], w.s)):
            if m.end > w.s or not m.name or self._checked(m).skip:
                continue
            if m.kind == "person" and not (m.subject or m.start >= w.clause[0]):
                continue
            if m.kind == "launch" and m.start >= w.clause[0]:
                continue  # a programme is about the clauses after its launch (推出“菇农贷”，单户最高可贷50万元)
            if self.t[m.start - 1:m.start] == "在" and (subject := self._clause_subject(m, w)):
                return subject  # 公司去年在慈溪追加投资…: 在X is where, the clause's subject is who
            return m.name
        return ""

    def _clause_subject(self, m: Mention, w: _Where) -> str:
        """The name in subject position earlier in m's clause (within the number's sentence part), if any."""
        clause_start = max(self._clause_start(m.start), w.segment[0])
        for other in self._mentions_in(clause_start, m.start):
            if other.name and not self._checked(other).skip and other.subject:
                return other.name
        return ""

    def _after(self, w: _Where) -> str:
        """A number in a quotation: the organisation named after it (the speaker's); else a name in subject
        position later in the same sentence part (“萧君”品牌走出了...)."""
        t = self.t
        opened, closed = t.rfind("“", w.paragraph[0], w.s), t.rfind("”", w.paragraph[0], w.s)
        if opened > closed:
            close = t.find("”", w.s, w.paragraph[1])
            if close >= 0:
                stop = unit_at(self.sentences, len(t), close + 1)[1]
                for m in self._mentions_in(close, stop):
                    if (m.name and m.kind != "person" and m.name not in self.types
                            and self._checked(m).skip not in ("object", "predicate", "inner")):
                        return m.name
        for m in self._mentions_in(w.clause[1], w.segment[1]):
            if m.name and m.kind != "person" and self._checked(m).subject and not m.skip:
                return m.name
        return ""

    # ---------- periods ----------

    def _find_periods(self) -> list[re.Match[str]]:
        """Time expressions, minus deadlines (2023年底前), comparison bases (比去年, 较2020年, 去年同期, 与上年相比:
        the claim is about now, measured against then) and 上半年…下半年 pairs in one sentence (seasons)."""
        t = self.t
        found = [m for m in PERIOD.finditer(t) if t[m.end():m.end() + 1] != "前"
                 and not _COMPARED.search(t, max(0, m.start() - 2), m.start())
                 and not t.startswith(("同期", "相比", "相比较"), m.end())
                 and not (_RATIO_BASE.search(t, max(0, m.start() - 3), m.start()) and t.startswith("的", m.end()))]
        seasons: dict[int, list[re.Match[str]]] = {}
        for m in found:
            if m.group() in SEASONS:
                seasons.setdefault(unit_at(self.sentences, len(t), m.start())[0], []).append(m)
        drop = {id(m) for group in seasons.values() if {g.group() for g in group} == SEASONS for m in group}
        return [m for m in found if id(m) not in drop]

    def period(self, start: int, end: int) -> str:
        """The time expression governing the number at [start, end), as written ('' when none)."""
        t = self.t
        s = self.flat.to_flat(start)
        sentence = unit_at(self.sentences, len(t), s)
        i = bisect.bisect_left(self.period_starts, s)
        for m in reversed(self.periods[bisect.bisect_left(self.period_starts, sentence[0]):i]):
            if m.end() > s:
                continue
            attached = m.end() + 1 if t[m.end():m.end() + 1] == "的" else m.end()
            lead = _NUMBER_LEAD.match(t, attached)
            if attached != s and lead.end() != s and _NUMBER_START.match(t, lead.end()):
                continue  # 从2009年的2.28%, 原来的不到300万元: a time written onto a number belongs to that number
            period = normalise_period(m.group())
            if s in (attached, lead.end()):
                return period  # 由原来的不到300万元: the time written onto this very number
            if self._starting_value(s):
                return ""  # 由3.2%降至0.8%: the value a change starts from
            if period in _WHOLE_YEAR and _YEAR_FRAME.fullmatch(frame := self._frame(s, sentence)):
                return frame  # 2023年，…。…全年接待游客: the frame's year
            return period
        if self._starting_value(s):
            return ""
        return self._frame(s, sentence) or self.title_period

    def _starting_value(self, s: int) -> bool:
        """由3.2%降至0.8%, 从400万台提升到: the number a change starts from (its time, if any, is written onto it)."""
        lead = _FROM_LEAD.search(self.t, max(0, s - 6), s)
        return lead is not None

    def _frame(self, s: int, sentence: tuple[int, int]) -> str:
        """The paragraph's latest frame (a clause that is only a time expression: 上半年，/ 2023年，) in an earlier
        sentence, for a number outside quotation marks (a speaker's words keep their own time) that reports what
        happened (a plan, 富阳区计划用3至5年…, has its own time). A reporting period (1-8月, 上半年, 2023年) whose
        sentence gives figures carries across subjects (上半年，平湖新引进…。德国一家企业…); any other frame (这些年,
        an event's date: 2022年，项目正式投运) only while every sentence since keeps its subject."""
        t = self.t
        para_start = unit_at(self.paragraphs, len(t), s)[0]
        if self._quoted(s, para_start):
            return ""
        lo = bisect.bisect_left(self.period_starts, para_start)
        hi = bisect.bisect_left(self.period_starts, sentence[0])
        for m in reversed(self.periods[lo:hi]):
            clause = unit_at(self.clauses, len(t), m.start())
            if t[clause[0]:clause[1]].rstrip("，,：:") != m.group():
                continue
            clause_start = unit_at(self.clauses, len(t), s)[0]
            if status_of(t[sentence[0]:s], t[clause_start:s]) != "actual":
                return ""
            frame_sentence = unit_at(self.sentences, len(t), m.start())
            here, there = self.topics.get(sentence[0]), self.topics.get(frame_sentence[0])
            reports = bisect.bisect_left(self.numbers, frame_sentence[0]) < bisect.bisect_left(self.numbers,
                                                                                             frame_sentence[1])
            if (reports and _REPORTING.fullmatch(m.group())) or self._part_of(sentence):
                return normalise_period(m.group())
            lo, hi = bisect.bisect_right(self.topic_starts, frame_sentence[0]), bisect.bisect_left(self.topic_starts,
                                                                                                  sentence[0])
            kept = all(there is not None and self.topics[k].name == there.name for k in self.topic_starts[lo:hi])
            if kept and (here is None or (there is not None and here.name == there.name)):
                return normalise_period(m.group())
            return ""  # 去年，长安村实施城中村改造。闻堰街道…: an event's date holds only while its subject does
        return ""

    def _part_of(self, sentence: tuple[int, int]) -> bool:
        """其中，…天台山景区…: a sentence opening with 其中 reports a part of the frame's subject."""
        return self.t.startswith(_PART_OPENERS, sentence[0])

    def _quoted(self, s: int, floor: int) -> bool:
        """Whether position `s` is inside an open quotation “…” that started after `floor`."""
        return self.t.rfind("“", floor, s) > self.t.rfind("”", floor, s)


@lru_cache(maxsize=65536)
def _ending_type(name: str) -> str:
    """What a name's ending says it is (the longest ending in data/entity_cues.csv that fits), else place; kept
    per name, as the same names recur in every claim of a document and across an archive."""
    return next((kind for suffix, kind in _types_longest_first() if name.endswith(suffix)), "place")


@cache
def _types_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(suffix_types().items(), key=lambda kv: -len(kv[0])))


def _core_key(name: str) -> tuple[str, str] | None:
    """“莘e家”党建联盟 and ‘莘e家’联盟 share (莘e家, 联盟): the quoted core and the two-character ending."""
    core = _QUOTED_CORE.search(name) if "“" in name or "‘" in name else None
    return (core.group(1), name[-2:]) if core else None


# What may follow a person's name: punctuation, speech and common verbs or adverbs (朱水源是, 刘勇介绍).
_NAME_FOLLOW = (set("，,。；;：:、！？!?“”（）() \n") | set("说介表告称是今来做一和与也都就还又")
                | set("在从对向把被如看高紧终等主积已每随的年") | set("笑刚正算带家边感回早拿指扳忙领讲"))


def _person_at(t: str, pos: int, surnames: frozenset[str], sure: bool = False) -> str:
    """A person's name starting at `pos`: surname + one or two given-name characters, followed by a word that
    can follow a name; '' when there is none. `sure` (72岁的朱水源): a three-character name whatever follows."""
    if sure and t[pos:pos + 1] in surnames and all(_is_cjk(ch) and ch not in _STOP for ch in t[pos:pos + 3]):
        first = _person_at(t, pos, surnames)
        return first or t[pos:pos + 3]
    for surname_len in (2, 1):
        surname = t[pos:pos + surname_len]
        if surname not in surnames:
            continue
        for given in (2, 1):
            end = pos + surname_len + given
            name = t[pos:end]
            if len(name) != surname_len + given or any(ch in _STOP or not _is_cjk(ch) for ch in name):
                continue
            if end >= len(t) or t[end] in _NAME_FOLLOW:
                return name
    return ""


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class _Coverage:
    """Spans already taken by longer mentions (a person or alias inside a name is not a mention)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return any(0 <= j < len(self.spans) and self.spans[j][0] < end and start < self.spans[j][1]
                   for j in (i, i + 1))

    def add(self, mentions: list[Mention]) -> None:
        self.spans = sorted(self.spans + [(m.start, m.end) for m in mentions])
        self.starts = [s for s, _ in self.spans]
