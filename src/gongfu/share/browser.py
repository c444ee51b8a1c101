"""The reader pages as a browser shows them: open each in headless Chromium, note what went wrong, screenshot it.

Uses the system Chromium (Debian's `chromium` package) through playwright and never downloads a browser.
Every request that is not a local file or inline data is refused, so a page that needs the network fails
the check instead of quietly depending on it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from gongfu import paths

INSTALL_HINT = "sudo apt-get install chromium fonts-noto-cjk"
SCREENSHOTS_SUBDIR = "screenshots"
CHROMIUM_NAMES = ("chromium", "chromium-browser")
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # a common phone's CSS width
VIEWPORTS = {"desktop": VIEWPORT, "phone": PHONE}

# Text that does not fit its box: the page itself scrolling sideways, or a text element wider than its box that
# is not inside a box made to scroll (a wide table or chart in a scroll box is fine; text cut off is not).
_OVERFLOW_JS = """() => {
  const out = [], root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    out.push('page scrolls sideways: ' + root.scrollWidth + 'px > ' + root.clientWidth + 'px');
  }
  const scrolls = (el) => {  // the element or a box around it scrolls: what is wider can be scrolled to
    for (let a = el; a; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if (x === 'auto' || x === 'scroll') { return true; }
    }
    return false;
  };
  const sel = 'p, li, td, th, h1, h2, h3, dd, dt, figcaption, summary, label, header, nav, aside, blockquote';
  for (const el of document.querySelectorAll(sel)) {
    if (out.length > 20) { break; }
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !scrolls(el)) {
      out.push(el.tagName.toLowerCase() + ': ' + (el.textContent || '').trim().slice(0, 40));
    }
  }
  return out;
}"""

# Every <img> on the page: its source (shortened), whether it finished loading, and its natural size.
_IMAGES_JS = """() => Array.from(document.images).map(img => ({
    src: img.currentSrc.slice(0, 60), complete: img.complete, width: img.naturalWidth, height: img.naturalHeight}))"""


def find_chromium() -> str | None:
    """The system Chromium's path, or None when it is not installed."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_reason() -> str | None:
    """Why pages cannot be opened here (no playwright, no Chromium), with how to fix it; None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: run `make setup` (it installs the test extra, pip install -e '.[test]')"
    if find_chromium() is None:
        return f"Chromium not found: install it with `{INSTALL_HINT}` (a browser is never downloaded)"
    return None


def report_pages(reports_dir: Path = paths.REPORTS_DIR) -> list[Path]:
    """The pages a reader opens, per edition (Chinese in reports/, then English in reports/en/): the front
    page, the explorer, each notebook's page in run order, each document view."""
    reports_dir = Path(reports_dir)
    out = []
    for root in (reports_dir, reports_dir / "en"):
        first = [root / name for name in ("index.html", "explorer.html") if (root / name).is_file()]
        out += first + sorted(root.glob("[0-9][0-9]_*.html")) + sorted((root / "documents").glob("*.html"))
    return out


def shot_name(page: Path, reports_dir: Path) -> str:
    """A page's screenshot file name: its path below reports/ with / as _ (en_documents_000_....png)."""
    try:
        rel = page.resolve().relative_to(Path(reports_dir).resolve())
    except ValueError:
        rel = Path(page.name)
    return "_".join(rel.with_suffix("").parts) + ".png"


@dataclass
class PageVisit:
    """What one page looked like in the browser."""

    page: Path
    title: str = ""
    text: str = ""
    console_errors: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    screenshot: Path | None = None
    overflow: list[str] = field(default_factory=list)
    width: str = "desktop"

    def broken_images(self) -> list[str]:
        """Sources of images that did not load or have no size."""
        return [i["src"] for i in self.images if not i["complete"] or i["width"] <= 0 or i["height"] <= 0]

    def problems(self) -> list[str]:
        """Everything a reader would notice as wrong, one line each (empty when the page is fine)."""
        out = [f"{self.page.name}: console error: {e}" for e in self.console_errors]
        out += [f"{self.page.name}: image not loaded: {src}" for src in self.broken_images()]
        out += [f"{self.page.name} ({self.width}): text overflows its box: {x}" for x in self.overflow]
        return out


def visit_pages(pages: list[Path], screenshots_dir: Path | None = None, executable: str | None = None,
                width: str = "desktop", reports_dir: Path | None = None) -> list[PageVisit]:
    """Open each page in headless Chromium at `width` (desktop or phone), collect console errors, images, text
    and text that overflows its box, and (optionally) save a full-page screenshot as
    screenshots_dir/<page>.png (<page>.phone.png at phone width; <page> is its path below `reports_dir`)."""
    from playwright.sync_api import sync_playwright

    executable = executable or find_chromium()
    if executable is None:
        raise RuntimeError(missing_reason() or "Chromium not found")
    if screenshots_dir is not None:
        Path(screenshots_dir).mkdir(parents=True, exist_ok=True)
    visits = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True)
        try:
            context = browser.new_context(viewport=VIEWPORTS[width], locale="zh-CN")
            context.route("**/*", _local_only)
            for page_path in pages:
                visits.append(_visit(context, Path(page_path), screenshots_dir, width, reports_dir))
        finally:
            browser.close()
    return visits


def _local_only(route) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def _visit(context, page_path: Path, screenshots_dir: Path | None, width: str = "desktop",
           reports_dir: Path | None = None) -> PageVisit:
    visit = PageVisit(page_path, width=width)
    page = context.new_page()
    page.on("console", lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: visit.console_errors.append(f"uncaught: {err}"))
    page.on("requestfailed", lambda req: visit.console_errors.append(f"request failed: {req.url[:80]}"))
    try:
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        visit.title = page.title()
        visit.text = page.inner_text("body")
        visit.images = page.evaluate(_IMAGES_JS)
        visit.overflow = page.evaluate(_OVERFLOW_JS)
        if screenshots_dir is not None:
            name = shot_name(page_path, reports_dir if reports_dir is not None else page_path.parent)
            visit.screenshot = Path(screenshots_dir) / (name if width == "desktop" else
                                                        name.replace(".png", f".{width}.png"))
            page.screenshot(path=str(visit.screenshot), full_page=True, animations="disabled")
    finally:
        page.close()
    return visit


def screenshot_reports(reports_dir: Path = paths.REPORTS_DIR) -> str:
    """After a run: one screenshot per page under reports/screenshots/, and a line saying what happened.

    Never fails the run: without Chromium (or on any browser error) the line says so and how to fix it.
    """
    reports_dir = Path(reports_dir)
    shots_dir = reports_dir / SCREENSHOTS_SUBDIR
    reason = missing_reason()
    if reason:
        return f"screenshots skipped: {reason}"
    pages = report_pages(reports_dir)
    first = [p for p in pages if p.name in ("index.html", "explorer.html")]  # the pages a phone opens first
    try:
        visits = visit_pages(pages, shots_dir, reports_dir=reports_dir)
        visits += visit_pages(first, shots_dir, width="phone", reports_dir=reports_dir)
    except Exception as err:  # a browser problem must not undo a successful run
        return f"screenshots failed ({type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''})"
    problems = [p for v in visits for p in v.problems()]
    line = f"screenshots: {len(pages)} pages, {len(first)} also at phone width, in {paths.relative(shots_dir)}/"
    if problems:
        line += f"; {len(problems)} problem(s) seen in the browser, first: {problems[0]}"
    return line


# --------------------------------------------------------------------------- what a reader does on the site

@dataclass
class Followed:
    """The explorer filtered by a search, and the first claim left followed to its document view."""

    shown: int = 0
    places: list[str] = field(default_factory=list)
    count: str = ""
    url: str = ""
    chosen_id: str = ""
    chosen_text: str = ""
    chosen_is_target: bool = False
    note: str = ""
    console_errors: list[str] = field(default_factory=list)


def follow_a_claim(explorer: Path, query: str, executable: str | None = None, width: str = "desktop") -> Followed:
    """Type `query` in the explorer's search box, note the rows left, click the first one's link to its text,
    and note which claim the document view shows chosen (its id, text, note beside the text)."""
    from playwright.sync_api import sync_playwright

    executable = executable or find_chromium()
    if executable is None:
        raise RuntimeError(missing_reason() or "Chromium not found")
    out = Followed()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True)
        try:
            context = browser.new_context(viewport=VIEWPORTS[width], locale="zh-CN")
            context.route("**/*", _local_only)
            page = context.new_page()
            page.on("console", lambda msg: out.console_errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda err: out.console_errors.append(f"uncaught: {err}"))
            page.goto(Path(explorer).resolve().as_uri(), wait_until="load")
            page.fill("#q", query)
            rows = page.locator("#claims tbody tr:not([hidden])")
            out.shown = rows.count()
            out.places = rows.locator("td:first-child").all_inner_texts()
            out.count = page.inner_text("#count")
            if out.shown:
                with page.expect_navigation():
                    rows.first.locator("a.to-text").click()
                page.wait_for_load_state("load")
                out.url = page.url
                chosen = page.locator("mark.claim.chosen")
                if chosen.count():
                    out.chosen_id = chosen.first.get_attribute("id") or ""
                    out.chosen_text = chosen.first.inner_text()
                    out.chosen_is_target = bool(page.evaluate("() => !!document.querySelector(':target.chosen')"))
                out.note = page.inner_text("#note")
        finally:
            browser.close()
    return out
