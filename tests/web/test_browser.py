"""The page in a real browser: headless Chromium at desktop (1280 px) and phone (390 px) widths.

Each example is built as PDF and HTML; the page must read the same as the PDF (sentence by sentence,
figure by figure), keep every merged cell, fit a phone without sideways scrolling except inside wide
tables' wrappers, request nothing from the network, pass axe-core without a serious violation, and show
its headings and table headers in Chromium's accessibility tree. A few views are kept as reference
screenshots (`refs/`, compared with a tolerance; what the browser showed lands in
`build/test-artifacts/web/`; a missing reference fails, `JUESUAN_REGEN=1` rewrites them).
"""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium_cdp import Chromium
from PIL import Image, ImageChops
from web_built import Built

import support
from juesuan_pdf import doc
from juesuan_pdf.web.anchors import flatten
from juesuan_pdf.web.blocks import heading_tag

DESKTOP, PHONE = 1280, 390
REFS = Path(__file__).parent / "refs"
TOLERANCE, LEVELS = 0.005, 32
FIGURE = re.compile(r"(?<![\d.])\d+\.\d+%?(?![\d.])")


def squeeze(text: str) -> str:
    """Text without any white space (line breaks fall anywhere in Chinese text, and differ PDF to page)."""
    return re.sub(r"\s+", "", text)


def without_page_numbers(squeezed_pdf: str, furniture: doc.Furniture) -> str:
    """The PDF's text with its page numbers (the furniture's format, e.g. — 5 —) taken out."""
    pattern = re.escape(squeeze(furniture.page_number)).replace(re.escape("{n}"), r"\d+")
    return re.sub(pattern, "", squeezed_pdf)


def sentences(text: str) -> list[str]:
    """The sentences of a block's text: pieces ended by 。 (the last piece too, if it has any text)."""
    pieces = [p + "。" for p in squeeze(text).split("。")]
    pieces[-1] = pieces[-1][:-1]
    return [p for p in pieces if len(p) > 1]


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def page(request: pytest.FixtureRequest, built: Built, browser: Chromium) -> Iterator[tuple[Built, Chromium]]:
    """The example's page opened at a desktop or a phone width."""
    browser.open(built.html, request.param, 844 if request.param == PHONE else 900, request.param == PHONE)
    yield built, browser


PROSE = ("main p, main h2, main h3, main h4, main h5, main h6, main figcaption,"
         " main caption .caption-inner > span > span")
CELLS = "main .table-wrap th, main .table-wrap td"


def texts(browser: Chromium, selector: str) -> list[str]:
    """The rendered text of each element matching `selector`, leaving out what only a screen reader gets."""
    return list(browser.evaluate(f"[...document.querySelectorAll('{selector}')]"
                                 ".filter(e => !e.closest('.sr-only')).map(e => e.innerText)"))


def in_lines(sentence: str, pdf: str) -> bool:
    """Whether a table cell's sentence is in the PDF as consecutive pieces (the cell's lines: the PDF's text
    runs line by line across neighbouring cells, so a cell's lines need not follow each other there)."""
    while sentence:
        size = next((k for k in range(len(sentence), 0, -1) if sentence[:k] in pdf), 0)
        if size < min(3, len(sentence)):
            return False
        sentence = sentence[size:]
    return True


def test_every_sentence_of_the_page_is_in_the_pdf(page: tuple[Built, Chromium]) -> None:
    built, browser = page
    pdf = without_page_numbers(squeeze(built.pdf_text), built.document.furniture)
    prose = [s for text in texts(browser, PROSE) for s in sentences(text)]
    cells = [s for text in texts(browser, CELLS) for s in sentences(text)]
    absent = [s for s in prose if s not in pdf] + [s for s in cells if not in_lines(s, pdf)]
    assert len(prose) > 10
    assert len(cells) > 100
    assert absent == [], f"{len(absent)} sentences of the page are not in the PDF: {absent[:5]}"


def test_the_contents_lists_what_the_pdf_contents_lists(page: tuple[Built, Chromium]) -> None:
    built, browser = page
    entries = texts(browser, "nav a")
    pdf = re.sub(r"(\.)+\d+", "", squeeze(built.pdf_text))  # leaders and page numbers
    assert len(entries) > 10
    assert [e for e in entries if squeeze(e) not in pdf] == []
    targets = browser.evaluate("[...document.querySelectorAll('nav a')].filter(a => "
                               "!document.getElementById(decodeURIComponent(a.hash.slice(1)))).length")
    assert targets == 0


def test_the_page_has_as_many_sentences_as_the_pdf(page: tuple[Built, Chromium]) -> None:
    built, browser = page
    shown = browser.evaluate("document.body.innerText")
    hidden = browser.evaluate("[...document.querySelectorAll('.sr-only')].map(e => e.innerText).join('')")
    assert shown.count("。") - hidden.count("。") == built.pdf_text.count("。") > 20


def test_the_page_prints_the_same_figures_as_the_pdf(page: tuple[Built, Chromium]) -> None:
    built, browser = page
    shown = set(FIGURE.findall(browser.evaluate("document.querySelector('main').innerText")))
    printed = set(FIGURE.findall(built.pdf_text))
    assert shown == printed, f"only on the page: {sorted(shown - printed)[:8]}; only in the PDF: " \
                             f"{sorted(printed - shown)[:8]}"


TABLE_CELLS = """[...document.querySelectorAll('main .table-wrap > table')].map(t =>
  [...t.rows].map(r => [...r.cells].map(c => [c.textContent, c.rowSpan, c.colSpan, c.tagName])))"""


def test_tables_keep_every_cell_and_its_spans(page: tuple[Built, Chromium]) -> None:
    built, browser = page
    tables = [b for b in flatten(built.document.blocks) if isinstance(b, doc.Table)]
    shown = browser.evaluate(TABLE_CELLS)
    assert len(shown) == len(tables)
    for table, rows in zip(tables, shown, strict=True):
        expected = [[[c.text, c.rowspan, c.colspan] for c in row] for row in table.header_rows + table.body_rows]
        assert [[cell[:3] for cell in row] for row in rows] == expected, table.title or table.key
        header_tags = {cell[3] for row in rows[: len(table.header_rows)] for cell in row if cell[0]}
        assert header_tags <= {"TH"}
    assert sum(c.rowspan > 1 or c.colspan > 1 for t in tables for r in t.header_rows + t.body_rows for c in r) > 0


OVERFLOW = """(() => {
  const vw = document.documentElement.clientWidth, bad = [];
  if (document.documentElement.scrollWidth > vw) bad.push('page is ' + document.documentElement.scrollWidth + ' wide');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || el.closest('.table-wrap, .sr-only, style')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects())
      if (r.right > vw + 0.5 || r.left < -0.5) { bad.push(el.tagName + ' ' + node.textContent.slice(0, 20)); break; }
  }
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.sr-only, svg, .table-wrap') || el.scrollWidth <= el.clientWidth + 1) continue;
    if (getComputedStyle(el).overflowX !== 'visible') bad.push('scrolls: ' + el.tagName + '.' + el.className);
  }
  for (const wrap of document.querySelectorAll('.table-wrap'))
    if (getComputedStyle(wrap).overflowX !== 'auto') bad.push('table wrapper does not scroll');
  return bad;
})()"""


def test_no_text_is_cut_off_and_only_wide_tables_scroll(page: tuple[Built, Chromium]) -> None:
    _, browser = page
    assert browser.evaluate(OVERFLOW) == []


CLIPPED_CHART_TEXT = """[...document.querySelectorAll('figure.chart svg')].flatMap(svg => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].filter(t => { const b = t.getBBox();
    return b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
      || b.y + b.height > box.y + box.height + 0.5; }).map(t => t.textContent); })"""


def test_chart_labels_stay_inside_their_drawing(built: Built, browser: Chromium) -> None:
    browser.open(built.html, PHONE, 844, True)
    assert browser.evaluate(CLIPPED_CHART_TEXT) == []


def test_wide_tables_scroll_on_a_phone_with_their_text_at_full_size(built: Built, browser: Chromium) -> None:
    browser.open(built.html, PHONE, 844, True)
    scrolling = browser.evaluate("[...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > "
                                 "w.clientWidth).length")
    sizes = browser.evaluate("[...new Set([...document.querySelectorAll('main td.num')].map(c => "
                             "getComputedStyle(c).fontSize))]")
    assert scrolling > 0
    assert sizes == ["15px"]


def test_the_page_requests_nothing_but_itself(page: tuple[Built, Chromium]) -> None:
    built, browser = page
    assert browser.requested_urls() == [built.html.resolve().as_uri()]


def test_the_page_prints_on_a4_with_the_documents_page_numbers(built: Built, browser: Chromium,
                                                             tmp_path: Path) -> None:
    browser.open(built.html, DESKTOP)
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(base64.b64decode(browser.call("Page.printToPDF", preferCSSPageSize=True)["data"]))
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(printed), "-"], check=True, capture_output=True,
                           env={**os.environ, "LC_ALL": "C.UTF-8"}).stdout.decode("utf-8").split("\f")
    number = squeeze(built.document.furniture.page_number)
    assert len(pages) > 20
    assert number.format(n=1) not in squeeze(pages[0])
    assert number.format(n=2) in squeeze(pages[1])
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", printed.read_bytes()))
    portrait = {(w, h) for w, h in sizes if float(w) < float(h)}
    assert {(round(float(w)), round(float(h))) for w, h in portrait} == {(595, 842)}
    landscape = any(b.landscape for b in flatten(built.document.blocks) if isinstance(b, doc.Table))
    assert (len(sizes) > len(portrait)) == landscape


def test_axe_finds_no_serious_violation(built: Built, browser: Chromium, axe_source: str) -> None:
    browser.open(built.html, DESKTOP)
    browser.evaluate(axe_source + ";true")
    violations = browser.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "
        "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, "
        "first: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def ax_nodes(browser: Chromium) -> list[dict[str, Any]]:
    """Chromium's accessibility tree of the page (what a screen reader is given)."""
    browser.call("Accessibility.enable")
    return list(browser.call("Accessibility.getFullAXTree")["nodes"])


def _ax(node: dict[str, Any], key: str) -> Any:
    return node.get(key, {}).get("value")


def test_the_accessibility_tree_has_the_headings_and_table_headers(built: Built, browser: Chromium) -> None:
    browser.open(built.html, DESKTOP)
    nodes = [n for n in ax_nodes(browser) if not n.get("ignored")]
    headings = {(int(p["value"]["value"]), squeeze(_ax(n, "name")))
                for n in nodes if _ax(n, "role") == "heading" for p in n.get("properties", []) if p["name"] == "level"}
    blocks = list(flatten(built.document.blocks))
    expected = {(int(heading_tag(b.level)[1]), squeeze(b.text)) for b in blocks if isinstance(b, doc.Heading)}
    assert expected <= headings
    assert sum(level == 1 for level, _ in headings) == 1
    column_headers = {squeeze(_ax(n, "name") or "") for n in nodes if _ax(n, "role") == "columnheader"}
    header_texts = {squeeze(c.text) for b in blocks if isinstance(b, doc.Table)
                    for row in b.header_rows for c in row if c.text}
    assert header_texts - column_headers == set()
    assert any(_ax(n, "role") == "rowheader" for n in nodes)
    images = [squeeze(_ax(n, "name")) for n in nodes if _ax(n, "role") == "image"]
    captions = [squeeze(b.caption) for b in blocks if isinstance(b, doc.BarChart | doc.PieChart)]
    assert len(images) == len(captions)
    assert all(name.startswith(caption) for name, caption in zip(images, captions, strict=True))


# ------------------------------------------------------------------------------------------------------
# Reference screenshots (of the bundled example only: refs of departments nobody has seen cannot exist)

VIEWS = {
    "desktop-cover": (DESKTOP, "header.cover", 0.5, 900),
    "desktop-table01": (DESKTOP, "#table-01", 0.5, 900),
    "phone-chart": (PHONE, "figure.chart", 1.0, 560),
    "phone-table02": (PHONE, "#table-02", 1.0, 700),
}


def capture(browser: Chromium, selector: str, width: int, scale: float, height: int) -> Image.Image:
    """A grey screenshot of the page from just above the first element matching `selector`."""
    top = browser.evaluate(f"(() => {{ const e = document.querySelector({selector!r}); "
                           "return e.getBoundingClientRect().top + scrollY; })()")
    png = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                       clip={"x": 0, "y": max(top - 8, 0), "width": width, "height": height, "scale": scale})["data"]
    return Image.open(io.BytesIO(base64.b64decode(png))).convert("L")


@pytest.mark.parametrize("built", ["zhaohua-renshe-2023"], indirect=True)
@pytest.mark.parametrize("view", VIEWS)
def test_views_look_as_before(view: str, built: Built, browser: Chromium) -> None:
    width, selector, scale, height = VIEWS[view]
    browser.open(built.html, width, 900 if width == DESKTOP else 844, width == PHONE)
    got = capture(browser, selector, width, scale, height)
    out = support.artifacts("web")
    got.save(out / f"{view}.png")
    ref_path = REFS / f"{view}.png"
    if os.environ.get("JUESUAN_REGEN") == "1":
        got.quantize(16).save(ref_path, optimize=True)
        pytest.skip(f"reference {ref_path.name} written")
    assert ref_path.exists(), f"no reference image {ref_path}: run with JUESUAN_REGEN=1 and look at it"
    ref = Image.open(ref_path).convert("L")
    assert got.size == ref.size
    diff = ImageChops.difference(got, ref).point(lambda v: 255 if v > LEVELS else 0)
    share = diff.histogram()[255] / (got.size[0] * got.size[1])
    if share >= TOLERANCE:
        diff.save(out / f"{view}-diff.png")
    assert share < TOLERANCE, f"{view}: {share:.2%} of pixels differ; see {out}"
