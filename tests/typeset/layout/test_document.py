"""Document layout read off the frames: contents numbers, outline marks, headings, page numbers, figures.

No PDF is written here: `lay_out` gives pages of positioned items, and these tests read them.
"""

from __future__ import annotations

import itertools

import pytest

from juesuan_pdf import doc
from juesuan_pdf.typeset import TypesetOptions, _font_set, geometry
from juesuan_pdf.typeset.layout.dispatch import LayoutContext
from juesuan_pdf.typeset.layout.document import lay_out
from juesuan_pdf.typeset.layout.frames import Anchor, GlyphRun, Link, OutlineMark, Page

BODY = "为贯彻落实政府信息公开的要求，本单位依法编制并公开本年度的收入支出情况，收入合计4454.96万元，增长5.3%。"


def sample() -> doc.Document:
    blocks: list[doc.Block] = [
        doc.Cover(("示例单位", "示例年度报告"), ("示例单位", "二〇二四年九月")),
        doc.TableOfContents(title="目录", levels=1),
    ]
    for p in range(1, 4):
        blocks.append(doc.Heading(0, f"第{p}部分 示例", f"part{p}", page_break_before=True))
        for s in range(1, 5):
            blocks.append(doc.Heading(1, f"{s}、第{p}部分第{s}节", f"p{p}s{s}"))
            blocks.extend(doc.Para.of(BODY * (s + 1)) for _ in range(3))
            blocks.append(doc.Heading(2, f"（{s}）第{p}部分第{s}小节", f"p{p}s{s}a", toc=False))
            blocks.extend(doc.Para.of(BODY) for _ in range(2))
    return doc.Document(doc.Metadata("示例年度报告"), tuple(blocks))


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    options = TypesetOptions()
    document = sample()
    ctx = LayoutContext(fonts=_font_set(options), geometry=geometry(options.geometry), furniture=document.furniture)
    return lay_out(document, ctx)


def anchor_pages(pages: list[Page]) -> dict[str, int]:
    return {i.key: p.number for p in pages for i in p.items if isinstance(i, Anchor)}


def test_contents_rows_give_the_page_each_heading_landed_on(pages: list[Page]) -> None:
    landed = anchor_pages(pages)
    contents = pages[1]
    rows = [i for i in contents.items if isinstance(i, Link)]
    numbers = [r for r in contents.runs() if r.text.isdigit()]
    assert len(rows) == len(numbers) == 3 + 3 * 4
    for link, number in zip(rows, numbers, strict=True):
        assert int(number.text) == landed[link.key]
        assert link.y0 <= number.y <= link.y1  # the number stands on its row
    # Numbers stand flush right at the block's right edge; leaders run up to them.
    block = geometry("gbt9704").portrait
    assert {round(n.right, 2) for n in numbers} == {round(block.x + block.width, 2)}
    leaders = [r for r in contents.runs() if set(r.text) == {"."}]
    assert len(leaders) == len(numbers)
    assert all(d.right < n.x for d, n in zip(leaders, numbers, strict=True))


def test_outline_marks_follow_the_headings_with_depth_by_level(pages: list[Page]) -> None:
    marks = [(p.number, i) for p in pages for i in p.items if isinstance(i, OutlineMark)]
    landed = anchor_pages(pages)
    assert [m.text for _, m in marks][:3] == ["第1部分 示例", "1、第1部分第1节", "（1）第1部分第1小节"]
    assert {m.level for _, m in marks} == {0, 1, 2}
    assert all(landed[m.key] == n for n, m in marks)


def test_the_cover_has_no_page_number_and_body_pages_alternate_sides(pages: list[Page]) -> None:
    assert pages[0].template == "cover"
    assert "— 1 —" not in pages[0].text()
    block = geometry("gbt9704").portrait
    for page in pages[1:]:
        number = page.runs()[0]  # page furniture is drawn first
        assert number.text == f"— {page.number} —"
        assert number.y < block.y
        if page.number % 2:
            assert number.right == pytest.approx(block.x + block.width - 14)
        else:
            assert number.x == pytest.approx(block.x + 14)


def test_no_page_ends_with_a_heading(pages: list[Page]) -> None:
    heading_keys = {i.key for p in pages for i in p.items if isinstance(i, OutlineMark)}
    for page in pages[2:-1]:
        last_anchor = [i for i in page.items if isinstance(i, Anchor)]
        text_runs = page.runs()[1:]
        if not last_anchor or not text_runs:
            continue
        # The lowest text line of the page is never a heading line.
        lowest = min(text_runs, key=lambda r: r.y)
        assert not any(lowest.text.startswith(k) for k in ("1、", "2、", "3、", "4、", "（"))
    assert heading_keys


def test_each_part_starts_a_page_and_body_text_stays_in_the_block(pages: list[Page]) -> None:
    block = geometry("gbt9704").portrait
    for page in pages[1:]:
        for run in page.runs()[1:]:
            assert block.x - 0.01 <= run.x and run.right <= block.x + block.width + 0.01
            assert block.y <= run.y <= block.y + block.height
    firsts = [p.runs()[1].text for p in pages[1:] if len(p.runs()) > 1]
    starts = [t for t in firsts if t.startswith("第") and "部分" in t]
    assert starts == ["第1部分 示例", "第2部分 示例", "第3部分 示例"]


def test_lines_of_a_body_paragraph_sit_on_the_grid(pages: list[Page]) -> None:
    pitch = geometry("gbt9704").line_pitch
    body = [r for r in pages[3].runs()[1:] if len(r.text) > 20]
    gaps = {round(a.y - b.y, 3) for a, b in itertools.pairwise(body)}
    assert round(pitch, 3) in gaps
    assert all(isinstance(r, GlyphRun) and r.glyphs[0].size == 16 for r in body)
