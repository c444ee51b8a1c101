"""Web-page checks: the cleaner on our own test pages (tests/clean/pages/, dev texts wrapped in page furniture
we wrote), scored against tests/clean/pages/checks.csv. Prints checks passed per page and in all, and lists
the failures. With --libraries, also measures HTML parsers and main-content extractors on the HTML pages:
each library's text goes through the rest of the chain and is scored on the body checks (has, once, line,
lacks, lines), with the time per page. Those libraries are not project dependencies: install them into a
folder and put it on PYTHONPATH to run that part (the versions measured are in benchmarks/README.md).

Run with `python benchmarks/bench_web.py [--libraries] [--steps markup,...]`. Asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from gongfu import paths
from gongfu.clean import STEPS
from gongfu.clean.chain import clean_text
from gongfu.clean.document import clean_document

PAGES = paths.ROOT / "tests" / "clean" / "pages"
FIELDS = ("title", "kicker", "subtitle", "banner", "author", "published", "source", "url")
BODY = ("has", "once", "line", "lacks", "lines")


def load_checks(folder: Path = PAGES) -> dict[str, list[tuple[str, str]]]:
    by_page: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (folder / "checks.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_page[row["page"]].append((row["check"], row["value"]))
    return dict(by_page)


def passes(check: str, value: str, text: str, row: dict[str, str]) -> bool:
    """Whether one check holds for a cleaned text and its documents.csv row."""
    if check in FIELDS:
        return (row.get(check) or "") == value
    if check == "has":
        return value in text
    if check == "once":
        return text.count(value) == 1
    if check == "line":
        return value in text.splitlines()
    if check == "lacks":
        return value not in text
    if check == "lines":
        return len(text.splitlines()) == int(value)
    raise ValueError(f"checks.csv: unknown check {check!r}")


def score(steps: list[str] | None = None) -> tuple[int, int, list[str]]:
    passed = total = 0
    failures = []
    for page, checks in load_checks().items():
        cleaned = clean_document((PAGES / page).read_bytes(), Path(page).stem, steps=steps)
        ok = [passes(c, v, cleaned.text, cleaned.document) for c, v in checks]
        passed, total = passed + sum(ok), total + len(ok)
        failures += [f"{page}: {c} {v!r}" for (c, v), good in zip(checks, ok, strict=True) if not good]
        print(f"  {page:<20} {sum(ok):3d}/{len(ok):<3d}")
    return passed, total, failures


# --- libraries --------------------------------------------------------------------------------------------

BLOCK = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article",
         "header", "footer", "nav", "aside", "figure", "figcaption", "blockquote", "ul", "ol", "table", "time",
         "title", "dt", "dd"}
DROP = {"script", "style", "head", "noscript", "template"}


def _walk_etree(root) -> str:
    """Text of an ElementTree-like tree (lxml, html5lib), one block per line, scripts and styles dropped."""
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag in DROP or not isinstance(el.tag, str):
            out.append(el.tail or "")
            return
        if tag in BLOCK:
            out.append("\n")
        out.append(el.text or "")
        for child in el:
            walk(child)
        if tag in BLOCK:
            out.append("\n")
        out.append(el.tail or "")

    walk(root)
    return "\n".join(" ".join(line.split()) for line in "".join(out).split("\n") if line.strip())


def libraries() -> dict[str, Callable[[str], str]]:
    def selectolax_text(page: str) -> str:
        from selectolax.lexbor import LexborHTMLParser
        tree = LexborHTMLParser(page)
        for node in tree.css(", ".join(sorted(DROP))):
            node.decompose()
        for tag in BLOCK:
            for node in tree.css(tag):
                node.insert_before("\n")
                node.insert_after("\n")
        body = tree.body or tree.root
        return "\n".join(" ".join(line.split()) for line in body.text(separator="").split("\n") if line.strip())

    def lxml_text(page: str) -> str:
        import lxml.html
        return _walk_etree(lxml.html.document_fromstring(page))

    def html5lib_text(page: str) -> str:
        import html5lib
        return _walk_etree(html5lib.parse(page))

    def trafilatura_text(page: str) -> str:
        import trafilatura
        return trafilatura.extract(page, include_images=True) or ""

    def readability_text(page: str) -> str:
        import lxml.html
        from readability import Document
        return _walk_etree(lxml.html.fromstring(Document(page).summary()))

    return {"selectolax (lexbor) text": selectolax_text, "lxml.html text": lxml_text, "html5lib text": html5lib_text,
            "trafilatura.extract": trafilatura_text, "readability-lxml summary": readability_text}


def compare_libraries() -> None:
    after_markup = [s for s in STEPS if s != "markup"]
    checks = load_checks()
    html_pages = [p for p in checks if p.endswith(".html")]
    print(f"libraries on the {len(html_pages)} HTML pages (their text through the rest of the chain; body checks):")
    for name, extract in libraries().items():
        passed = total = 0
        spent = 0.0
        try:
            for page in html_pages:
                source = (PAGES / page).read_text(encoding="utf-8")
                started = time.perf_counter()
                text = extract(source)
                spent += time.perf_counter() - started
                cleaned = clean_text(text, steps=after_markup).text
                ok = [passes(c, v, cleaned, {}) for c, v in checks[page] if c in BODY]
                passed, total = passed + sum(ok), total + len(ok)
        except ImportError as err:
            print(f"  {name:<26} not installed ({err.name})")
            continue
        print(f"  {name:<26} {passed:3d}/{total} body checks, {1000 * spent / len(html_pages):7.1f} ms per page")
    ours = sum(passes(c, v, clean_document((PAGES / p).read_bytes(), p).text, {})
               for p in html_pages for c, v in checks[p] if c in BODY)
    body_total = sum(1 for p in html_pages for c, _ in checks[p] if c in BODY)
    started = time.perf_counter()
    for page in html_pages:
        clean_text((PAGES / page).read_text(encoding="utf-8"), steps=["markup"])
    per_page = 1000 * (time.perf_counter() - started) / len(html_pages)
    print(f"  {'gongfu markup step':<26} {ours:3d}/{body_total} body checks, {per_page:7.1f} ms per page "
          "(markup step alone)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--libraries", action="store_true", help="also measure the HTML libraries (if installed)")
    parser.add_argument("--steps", help="comma-separated cleaning steps (default: all)")
    args = parser.parse_args()
    steps = args.steps.split(",") if args.steps else None
    print("web-page checks (tests/clean/pages/checks.csv):")
    passed, total, failures = score(steps)
    print(f"passed {passed} of {total} checks ({100 * passed / total:.0f} %)")
    for failure in failures:
        print(f"  FAIL {failure}")
    if args.libraries:
        compare_libraries()


if __name__ == "__main__":
    main()
