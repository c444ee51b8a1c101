"""Markup: a saved web page becomes the text a reader sees on it, one block per line, every removal an edit.

- HTML is parsed by lexbor (selectolax), never by patterns: scripts, styles, comments, the page head, hidden
  elements, navigation landmarks (<nav>, <aside>, a site <header>/<footer> outside the article) and blocks
  made only of links without a sentence in them (menus, related-link headlines) are dropped; every other
  block element (p, div, li, h1…, td, br…) ends a line; whitespace runs collapse as a browser shows them;
  entities (&nbsp; &ldquo;) are decoded; a footnote marker in <sup> ([1]) goes; a <figcaption> is kept as
  a marked caption line (图：).
- The parser gives each text node decoded; `locate` finds it in the page source (literal characters and the
  entities that decode to the rest), so each change is located in the step's input like every other step's.
  A page whose text cannot be located gets one edit replacing the whole page by its text (still auditable).
- YAML front matter (`---` lines around `key: value` pairs) is read as metadata and removed.
- A text with entities but no tags has its entities decoded and nothing else.
Text without markup is not touched: `markup_changes` first scans for a tag, an entity or front matter.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import yaml

from gongfu.clean.chars import SENTENCE_PUNCT_RE
from gongfu.clean.edits import Change, apply_changes

CAPTION_MARK = "图："  # the caption mark of the boilerplate step (clean/layout.py), set on a <figcaption>
# Detection only (is there markup at all?): a tag of HTML's common elements, a comment, a doctype.
TAG_RE = re.compile(r"<(?:!--|!doctype|/?(?:html|head|body|div|p|br|span|a|table|tr|td|th|li|ul|ol|h[1-6]|section|"
                    r"article|header|footer|nav|aside|main|script|style|meta|link|img|figure|figcaption|strong|b|em|"
                    r"i|font|center|form|iframe|sup|sub|blockquote|dl|dt|dd|hr|time|title|label)[\s>/])", re.I)
ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
FRONT_MATTER_MAX = 60  # lines a front matter block may have
FRONT_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "published",
              "published": "published", "source": "source", "publisher": "publisher", "url": "url",
              "link": "url", "subtitle": "subtitle"}
# Skipped elements that end a line where they stood (the others sit inside a line: a script in a paragraph).
BLOCK_SKIPS = {"head", "nav", "aside", "form", "header", "footer", "iframe", "svg", "template", "noscript", "select",
               "textarea", "object"}
SKIP = {"script": "page code (<script>)", "style": "style sheet (<style>)", "noscript": "<noscript> text",
        "template": "<template>", "svg": "drawing (<svg>)", "iframe": "embedded frame", "object": "embedded object",
        "select": "form control", "textarea": "form control", "button": "button", "head": "page head (<head>)",
        "nav": "navigation menu (<nav>)", "aside": "side box (<aside>)", "form": "form"}
LANDMARKS = {"header": "site header (<header> outside the article)", "footer": "site footer (<footer> outside "
             "the article)"}
LANDMARK_ROLES = {"navigation": "navigation menu", "banner": "site header", "contentinfo": "site footer",
                  "complementary": "side box", "search": "search box"}
ARTICLE = {"article", "main"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
         "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
         "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
         "summary", "table", "tbody", "td", "tfoot", "th", "thead", "time", "title", "tr", "ul"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HTML_SPACE = " \t\n\r\f"
FOOTNOTE_RE = re.compile(r"^\s*[\[［〔(（]\s*\d{1,3}\s*[\]］〕)）]\s*$")
ENTITY_MAX = 34  # longest named character reference plus & and ;


@dataclass
class Piece:
    """One text node of a kept block: its decoded text, whether it is link text, where it lies in the source."""

    text: str
    link: bool = False
    skipped: list[str] = field(default_factory=list)  # what was dropped just before it inside its block
    atoms: list[tuple[int, int, str]] = field(default_factory=list)  # (raw start, raw end, decoded text)


@dataclass
class Block:
    """A run of text the page shows as one line."""

    tag: str
    pieces: list[Piece] = field(default_factory=list)
    caption: bool = False
    heading: str = ""  # h1..h6 when the block is a heading
    skipped: list[str] = field(default_factory=list)  # what was dropped just before this block

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class Markup:
    """The markup step's result: its changes (in its input) and what the page says about itself."""

    changes: list[Change]
    meta: dict[str, str] = field(default_factory=dict)
    kind: str = "none"  # none, html, entities, front matter


def has_markup(text: str) -> bool:
    """A quick scan: a tag, an entity or front matter anywhere (most texts have none and skip the step)."""
    if text.startswith("---"):
        return True
    if "<" in text and TAG_RE.search(text):
        return True
    return "&" in text and ENTITY_RE.search(text) is not None


def markup_changes(text: str) -> Markup:
    """The changes that turn a page with markup into its text; no changes for a text without markup."""
    if not has_markup(text):
        return Markup([])
    changes: list[Change] = []
    meta: dict[str, str] = {}
    body_start = 0
    front = front_matter(text)
    if front:
        body_start, meta = front
        changes.append(Change(0, body_start, "", "YAML front matter (page metadata), kept as metadata"))
    rest = text[body_start:]
    if "<" in rest and TAG_RE.search(rest):
        page, page_meta = html_changes(rest)
        meta = {**page_meta, **meta}
        changes += [Change(c.start + body_start, c.end + body_start, c.after, c.reason) for c in page]
        kind = "html"
    else:
        changes += [Change(c.start + body_start, c.end + body_start, c.after, c.reason) for c in entity_changes(rest)]
        kind = "front matter" if front else "entities"
    return Markup(changes, meta, kind)


def strip_markup(text: str) -> tuple[str, list[Change], dict[str, str]]:
    """The page's text, the changes that made it and the metadata the page gives."""
    result = markup_changes(text)
    return apply_changes(text, result.changes), result.changes, result.meta


# --- front matter ------------------------------------------------------------------------------------------

def front_matter(text: str) -> tuple[int, dict[str, str]] | None:
    """(where the body starts, metadata) for a text opening with a YAML front matter block, else None."""
    first = text.split("\n", 1)[0]
    if first.strip() != "---":
        return None
    pos = len(first) + 1
    for _ in range(FRONT_MATTER_MAX):
        end = text.find("\n", pos)
        line = text[pos:] if end == -1 else text[pos:end]
        if line.strip() in ("---", "..."):
            try:
                data = yaml.safe_load(text[len(first) + 1:pos])
            except yaml.YAMLError:
                return None
            if not isinstance(data, dict):
                return None
            return (len(text) if end == -1 else end + 1), _front_meta(data)
        if end == -1:
            return None
        pos = end + 1
    return None


def _front_meta(data: dict) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in data.items():
        column = FRONT_KEYS.get(str(key).lower())
        if column and value not in (None, "") and not isinstance(value, dict):
            meta.setdefault(column, " ".join(map(str, value)) if isinstance(value, list) else str(value))
    return meta


# --- entities in a text without tags ------------------------------------------------------------------------

def entity_changes(text: str) -> list[Change]:
    """Character references in plain text decoded (&nbsp; to a space)."""
    out = []
    for m in ENTITY_RE.finditer(text):
        decoded = _as_shown(html.unescape(m.group()))
        if decoded != m.group():
            out.append(Change(m.start(), m.end(), decoded, f"HTML entity {m.group()} decoded"))
    return out


def _as_shown(decoded: str) -> str:
    """A no-break space is shown, and kept, as a space."""
    return decoded.replace("\u00a0", " ")


# --- HTML ---------------------------------------------------------------------------------------------------

def html_changes(page: str) -> tuple[list[Change], dict[str, str]]:
    """Parse the page, take its blocks, locate their text in the source and return the changes."""
    from selectolax.lexbor import LexborHTMLParser  # imported here: most texts never get this far

    tree = LexborHTMLParser(page)
    meta: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and title.text().strip():
        meta["page_title"] = " ".join(title.text().split())
    headline = next((h for h in tree.css("h1") if h.text().strip()), None)
    if headline is not None:
        meta["headline"] = " ".join(headline.text().split())
    blocks = _blocks(tree.root)
    _drop_link_menus(blocks)
    kept: list[Block] = []
    carried: list[str] = []  # what was dropped before blocks without text goes to the next block with text
    for block in blocks:
        if block.text.strip(HTML_SPACE):
            block.skipped[:0] = carried
            carried = []
            kept.append(block)
        else:
            carried += block.skipped + [x for p in block.pieces for x in p.skipped]
    trailing = carried
    if not _locate_all(page, kept):
        text = "\n".join(_shown(b) for b in kept)
        return [Change(0, len(page), text, "HTML page converted to its text (its text could not be located in "
                       "the source, so the whole page is one edit)")], meta
    return _changes(page, kept, trailing), meta


def _attr(node, name: str) -> str:
    value = node.attributes.get(name) if node.attributes else None
    return (value or "").lower()


def _skip_reason(node, in_article: bool) -> str | None:
    """Why an element and everything in it is not article text, or None."""
    tag = node.tag
    if tag in SKIP:
        return SKIP[tag]
    if tag in LANDMARKS and not in_article:
        return LANDMARKS[tag]
    role = _attr(node, "role")
    if role in LANDMARK_ROLES:
        return f"{LANDMARK_ROLES[role]} (role={role})"
    if node.attributes and ("hidden" in node.attributes or _attr(node, "aria-hidden") == "true"
                            or "display:none" in _attr(node, "style").replace(" ", "")):
        return "hidden element"
    return None


def _blocks(root) -> list[Block]:
    """The page's blocks in document order; skipped subtrees noted on the block that follows them."""
    blocks = [Block("start")]
    pending: list[str] = []

    def new_block(tag: str, **kw) -> None:
        blocks.append(Block(tag, skipped=pending.copy(), **kw))
        pending.clear()

    def walk(node, link: bool, in_article: bool, caption: bool, heading: str, sup: bool) -> None:
        for child in node.iter(include_text=True):
            if child.is_text_node:
                text = child.text(deep=False)
                if sup and FOOTNOTE_RE.match(text):
                    pending.append(f"footnote marker {text.strip()}")
                    continue
                block = blocks[-1]
                piece = Piece(text, link)
                if pending and text.strip(HTML_SPACE):
                    if block.text.strip(HTML_SPACE):
                        piece.skipped = pending.copy()
                    else:
                        block.skipped += pending
                    pending.clear()
                block.pieces.append(piece)
                continue
            if child.is_comment_node:
                pending.append("comment")
                continue
            if not child.is_element_node:
                continue
            tag = child.tag
            reason = _skip_reason(child, in_article)
            if reason:
                pending.append(reason)
                if tag in BLOCK or tag in BLOCK_SKIPS or tag in LANDMARKS:
                    new_block(node.tag, caption=caption, heading=heading)
                continue
            if tag == "br":
                new_block("br", caption=caption, heading=heading)
                continue
            block = tag in BLOCK
            inner = dict(link=link or tag == "a", in_article=in_article or tag in ARTICLE,
                         caption=caption or tag == "figcaption", heading=tag if tag in HEADINGS else heading,
                         sup=sup or tag == "sup")
            if block:
                new_block(tag, caption=inner["caption"], heading=inner["heading"])
            walk(child, **inner)
            if block:
                new_block(node.tag, caption=caption, heading=heading)

    walk(root, False, False, False, "", False)
    if pending:
        blocks.append(Block("end", skipped=pending.copy()))
    return [b for b in blocks if b.pieces or b.skipped]


def _drop_link_menus(blocks: list[Block]) -> None:
    """A block whose every character is link text and which holds no sentence is a menu item or a link to
    another page (navigation, related headlines, 更多>>): dropped, named on the next block."""
    for n, block in enumerate(blocks):
        text = block.text.strip(HTML_SPACE)
        if not text or block.caption or block.heading == "h1":
            continue
        if all(p.link or not p.text.strip(HTML_SPACE) for p in block.pieces) and not SENTENCE_PUNCT_RE.search(text):
            words = " ".join(text.split())
            note = f"link «{words if len(words) <= 20 else words[:20] + '…'}»"
            target = next((b for b in blocks[n + 1:] if b.pieces), None)
            if target is not None:
                target.skipped[:0] = [*block.skipped, note]
            else:
                blocks.append(Block("end", skipped=[*block.skipped, note]))
            block.pieces, block.skipped = [], []


def _shown(block: Block) -> str:
    """A block's text as a browser shows it: whitespace runs as one space, no space at its edges."""
    words = [w for w in re.split(f"[{HTML_SPACE}]+", _as_shown(block.text)) if w]
    return (CAPTION_MARK if block.caption else "") + " ".join(words)


# --- locating the parser's text in the source ----------------------------------------------------------------

def _locate_all(page: str, blocks: list[Block]) -> bool:
    """Give every piece its source atoms, in document order; False when one cannot be found."""
    cursor = 0
    for block in blocks:
        for piece in block.pieces:
            found = locate(page, piece.text, cursor)
            if found is None and not piece.text.strip(HTML_SPACE):
                found = []  # whitespace the parser moved (after </body>): not shown, left in the gap
            if found is None:
                return False
            piece.atoms = found
            if found:
                cursor = found[-1][1]
    return True


def locate(page: str, text: str, cursor: int) -> list[tuple[int, int, str]] | None:
    """Where a text node the parser decoded (`text`) lies in the source at or after `cursor`: one atom per
    source character or character reference, (start, end, decoded). A text node starts at the cursor or just
    after a tag's '>'; None when no such place spells it."""
    if not text:
        return []
    start = cursor
    while start != -1 and start <= len(page):
        atoms = _spell(page, start, text)
        if atoms is not None:
            return atoms
        start = page.find(">", start)
        start = -1 if start == -1 else start + 1
    return None


def _spell(page: str, at: int, text: str) -> list[tuple[int, int, str]] | None:
    """The atoms that spell `text` from page[at:], or None."""
    atoms: list[tuple[int, int, str]] = []
    q, j, n = at, 0, len(page)
    while j < len(text):
        if q >= n:
            return None
        ch = page[q]
        if ch == "&":
            ref = _reference(page, q, text, j)
            if ref is not None:
                k, decoded = ref
                atoms.append((q, q + k, decoded))
                q, j = q + k, j + len(decoded)
                continue
        if ch != text[j]:
            return None
        atoms.append((q, q + 1, ch))
        q, j = q + 1, j + 1
    return atoms


def _reference(page: str, q: int, text: str, j: int) -> tuple[int, str] | None:
    """(length, decoded) of the character reference at page[q] that decodes to the next characters of text."""
    semi = page.find(";", q, q + ENTITY_MAX)
    if semi != -1:
        ref = page[q:semi + 1]
        decoded = html.unescape(ref)
        if decoded != ref and text.startswith(decoded, j):
            return len(ref), decoded
    for k in range(2, min(ENTITY_MAX, len(page) - q) + 1):  # a legacy reference without its ; (&copy 2023)
        ref = page[q:q + k]
        decoded = html.unescape(ref)
        if decoded != ref and not decoded.endswith(ref[-1]) and text.startswith(decoded, j):
            return k, decoded
    return None


# --- the changes -----------------------------------------------------------------------------------------------

def _gap_reason(skipped: list[str], between_blocks: bool) -> str:
    what = list(dict.fromkeys(skipped))
    base = "HTML markup removed" + (" (a block ends: new line)" if between_blocks else "")
    return f"{base}: {', '.join(what)}" if what else f"{base}: tags"


def _is_space(out: str) -> bool:
    return out != "" and out.strip(HTML_SPACE) == ""


def _changes(page: str, blocks: list[Block], trailing: list[str]) -> list[Change]:
    """Changes turning the page into its blocks' text, one line per block."""
    changes: list[Change] = []
    pos = 0
    for n, block in enumerate(blocks):
        atoms = [(s, e, out, piece.skipped if k == 0 else []) for piece in block.pieces
                 for k, (s, e, out) in enumerate(piece.atoms)]
        lo, hi = 0, len(atoms)  # whitespace at the block's edges goes with the gap before or after it
        while lo < hi and _as_shown(atoms[lo][2]).strip(HTML_SPACE) == "":
            lo += 1
        while hi > lo and _as_shown(atoms[hi - 1][2]).strip(HTML_SPACE) == "":
            hi -= 1
        if lo == hi:
            continue
        skipped = block.skipped + [x for a in atoms[:lo] for x in a[3]]
        atoms = atoms[lo:hi]
        reason = _gap_reason(skipped, bool(n))
        if block.caption:
            reason += "; image caption (<figcaption>), kept as a marked line"
        after = ("\n" if n else "") + (CAPTION_MARK if block.caption else "")
        if pos < atoms[0][0] or after:
            changes.append(Change(pos, atoms[0][0], after, reason))
        pos = atoms[0][0]
        i = 0
        while i < len(atoms):
            s, e, out, notes = atoms[i]
            if s > pos:  # the tags of inline elements: nothing is shown for them
                changes.append(Change(pos, s, "", _gap_reason(notes, False)))
            if _is_space(out):
                j = i
                while j + 1 < len(atoms) and _is_space(atoms[j + 1][2]) and atoms[j + 1][0] == atoms[j][1]:
                    j += 1
                if page[s:atoms[j][1]] != " ":
                    changes.append(Change(s, atoms[j][1], " ", "HTML whitespace (line breaks, indentation) shown "
                                                               "as one space"))
                pos, i = atoms[j][1], j + 1
                continue
            shown = _as_shown(out)
            if page[s:e] != shown:
                why = f"HTML entity {page[s:e]} decoded" if page[s] == "&" else "no-break space shown as a space"
                changes.append(Change(s, e, shown, why))
            pos, i = e, i + 1
    if pos < len(page):
        changes.append(Change(pos, len(page), "", _gap_reason(trailing, False) + " (end of the page)"))
    return _merged(changes)


def _merged(changes: list[Change]) -> list[Change]:
    """Adjacent removals and separators merged into one change (a run of closing and opening tags)."""
    out: list[Change] = []
    for c in changes:
        if out and out[-1].end == c.start and out[-1].reason.startswith("HTML markup removed") \
                and c.reason.startswith("HTML markup removed"):
            prev = out[-1]
            reason = prev.reason if prev.reason == c.reason else _join_reasons(prev.reason, c.reason)
            out[-1] = Change(prev.start, c.end, prev.after + c.after, reason)
        else:
            out.append(c)
    return out


def _join_reasons(a: str, b: str) -> str:
    if b.endswith(": tags"):
        return a
    if a.endswith(": tags"):
        return b
    return f"{a}; {b}"
