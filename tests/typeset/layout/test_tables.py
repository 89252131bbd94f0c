"""Tables on the frame layer: the bundled example's tables laid out as items (no PDF), at the positions the
reportlab flowable drew them (numbers pinned from the example PDF built before the port)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from juesuan_pdf import doc
from juesuan_pdf.typeset.fonts import FontSet, bundled_dir
from juesuan_pdf.typeset.geometry import LANDSCAPE, PORTRAIT, Block, geometry
from juesuan_pdf.typeset.layout import tables as lt
from juesuan_pdf.typeset.layout import text
from juesuan_pdf.typeset.layout.boxes import Box, FrameBreak
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.frames import GlyphRun, Item, Rules

GEOMETRY = geometry("gbt9704")
FONTS = FontSet()


def _walk(blocks: Sequence[doc.Block]) -> Iterator[doc.Block]:
    for b in blocks:
        if isinstance(b, doc.KeepTogether):
            yield from _walk(b.blocks)
        else:
            yield b


@pytest.fixture(scope="module")
def document(example_report: object) -> doc.Document:
    from juesuan_pdf.compose import compose

    return compose(example_report)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tables(document: doc.Document) -> dict[str, doc.Table]:
    """The example's tables by key (公开01表 is table-01, the first annex form annex-1-department)."""
    return {b.key: b for b in _walk(document.blocks) if isinstance(b, doc.Table)}


def _ctx(document: doc.Document, fonts: FontSet = FONTS, empty: bool = False) -> LayoutContext:
    ctx = LayoutContext(fonts=fonts, geometry=GEOMETRY, furniture=document.furniture)
    ctx.frame.empty = empty
    return ctx


def _block(table: doc.Table) -> Block:
    return GEOMETRY.block(LANDSCAPE if table.landscape else PORTRAIT)


def _draw(box: Box, x: float, y: float) -> list[Item]:
    out: list[Item] = []
    box.draw(out, x, y)
    return out


def _runs(items: Sequence[Item]) -> list[GlyphRun]:
    return [i for i in items if isinstance(i, GlyphRun)]


def _glyph_at(runs: Sequence[GlyphRun], text_: str) -> tuple[float, float]:
    """Where the first glyph of the first run reading `text_` sits."""
    run = next(r for r in runs if r.text == text_)
    return run.x + run.xs[0], run.y


def _laid_out_at_top(table: doc.Table, ctx: LayoutContext) -> list[tuple[Box, float]]:
    """The table's parts with the y each is drawn at, the first starting at the top of a frame (as the
    example's 公开表 each start a page), every part split at the foot of the frame."""
    block = _block(table)
    box: Box = lt.TableBox(lt.prepare(table, ctx))
    parts: list[tuple[Box, float]] = []
    while True:
        _, h = box.wrap(block.width, block.height)
        if h <= block.height:
            return [*parts, (box, block.y + block.height - h)]
        head, brk, rest = box.split(block.width, block.height)
        assert isinstance(brk, FrameBreak)
        _, head_h = head.wrap(block.width, block.height)
        parts.append((head, block.y + block.height - head_h))
        ctx.frame.empty = True
        box = rest


def test_table_01_glyphs_sit_where_the_flowable_drew_them(document: doc.Document, tables: dict[str, doc.Table]) -> None:
    """公开01表 on pages 69–70 of the example: title, form number, caption, header and body cells, money,
    and the repeated header on the continuation page, against the old PDF's glyph origins."""
    table = tables["table-01"]
    ctx = _ctx(document, empty=True)
    parts = _laid_out_at_top(table, ctx)
    assert len(parts) == 2
    block = _block(table)
    first = _runs(_draw(parts[0][0], block.x, parts[0][1]))
    second = _runs(_draw(parts[1][0], block.x, parts[1][1]))
    pinned_first = {
        "收入支出决算总表": (236.4725, 718.928),
        "公开01表": None,
        "部门：广元市昭化区人力资源和社会保障局": (79.3701, 702.193),
        "一、一般公共预算财政拨款": (84.6201, 626.628),
        "4454.96": (256.6875, 619.803),
        "二、政府性基金预算财政拨": (84.6201, 594.088),
        "款收入": (84.6201, 580.438),
    }
    for words, where in pinned_first.items():
        if where is not None:
            assert _glyph_at(first, words) == pytest.approx(where, abs=0.01), words
    pinned_second = {"收入": (179.4213, 723.573), "二十三、其他支出": (305.7225, 666.903), "总计": (84.6201, 534.673)}
    for words, where in pinned_second.items():
        assert _glyph_at(second, words) == pytest.approx(where, abs=0.01), words
    # The form number ends at the right edge of the block on the title's baseline; the unit too.
    title, form_no = next(r for r in first if r.text == table.title), next(r for r in first if r.text == "公开01表")
    assert form_no.y == title.y and form_no.right == pytest.approx(block.x + block.width)
    unit = next(r for r in first if r.text == "金额单位：万元")
    assert unit.right == pytest.approx(block.x + block.width)
    # The title is centred on the block.
    assert (title.x + title.xs[0] + title.right) / 2 == pytest.approx(block.x + block.width / 2, abs=0.01)
    # The continuation repeats the header rows (and only the first part has the title and caption).
    header = ["收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额", "栏次", "1", "栏次", "2"]
    assert [r.text for r in second[: len(header)]] == header
    assert table.title not in [r.text for r in second]
    assert [r.text for r in first[4 : 4 + len(header)]] == header


def test_cells_go_through_the_one_text_pipeline(document: doc.Document, tables: dict[str, doc.Table]) -> None:
    table = tables["table-01"]
    ctx = _ctx(document)
    box = lt.TableBox(lt.prepare(table, ctx))
    box.wrap(_block(table).width, 10_000)
    runs = _runs(_draw(box, 0, 0))
    money = next(r for r in runs if r.text == "4454.96")
    assert list(money.glyphs) == text.shape_text("4454.96", table.font_role, False, money.glyphs[0].size, FONTS)


def test_fallback_faces_fake_bold_and_join_kerning_reach_the_cells() -> None:
    """A role face lacking a character falls back, a bold cell in a face without bold is stroked, and a
    doubled 破折号 is kerned to join, as everywhere else (the old table code did none of these)."""
    kai = bundled_dir() / "LXGWWenKai-Regular.ttf"
    fonts = FontSet({"table": kai})
    table = doc.Table(
        columns=(doc.Column(), doc.Column()),
        header_rows=((doc.Cell("项目", kind="label", bold=True), doc.Cell("说明", kind="label")),),
        body_rows=((doc.Cell("㐀字"), doc.Cell("甲——乙")),),
    )
    ctx = LayoutContext(fonts=fonts, geometry=GEOMETRY)
    box = lt.TableBox(lt.prepare(table, ctx))
    box.wrap(400, 10_000)
    runs = {r.text: r for r in _runs(_draw(box, 0, 0))}
    kai_name = fonts.glyph_font(fonts.face("table"))
    assert all(g.fake_bold and g.font == kai_name for g in runs["项目"].glyphs)
    assert not any(g.fake_bold for g in runs["说明"].glyphs)
    rare, plain = runs["㐀字"].glyphs
    assert rare.font != kai_name and plain.font == kai_name
    dash = runs["甲——乙"]
    assert dash.glyphs[1].kern < 0
    assert dash.xs[2] - dash.xs[1] == pytest.approx(dash.glyphs[1].advance + dash.glyphs[1].kern)


def test_the_grid_is_one_rules_item_per_grid_on_the_column_edges(
    document: doc.Document, tables: dict[str, doc.Table]
) -> None:
    table = tables["table-12"]  # 公开12表: one part, a header grid and a body grid
    block = _block(table)
    box = lt.TableBox(lt.prepare(table, _ctx(document)))
    _, h = box.wrap(block.width, block.height)
    items = _draw(box, block.x, 200.0)
    rules = [i for i in items if isinstance(i, Rules)]
    assert len(rules) == 2 and all(r.width == lt.RULE_WIDTH == 0.5 for r in rules)
    # Cell text is drawn before the rules of its grid.
    assert isinstance(items[-1], Rules) and any(isinstance(i, GlyphRun) for i in items[items.index(rules[0]) + 1 :])
    layout, _ = box.part or lt.layout(box.prep, block.width)
    edges = {round(block.x + layout.setting.x(c), 6) for c in range(len(table.columns) + 1)}
    segments = [s for r in rules for s in r.segments]
    verticals = {round(x1, 6) for x1, _, x2, _ in segments if x1 == x2}
    assert verticals == edges
    # The grids together span the block's width, from below the caption down to the box's bottom.
    ys = [y for _, y1, _, y2 in segments for y in (y1, y2)]
    assert min(ys) == pytest.approx(200.0)
    assert max(ys) == pytest.approx(200.0 + h - layout.title_height)
    xs = [x for x1, _, x2, _ in segments for x in (x1, x2)]
    assert (min(xs), max(xs)) == pytest.approx((block.x, block.x + block.width))


def test_a_split_repeats_the_header_and_continues_a_cut_merged_label(
    document: doc.Document, tables: dict[str, doc.Table]
) -> None:
    """The first annex form cut at 500 pt: the rest starts after a frame break, under the repeated header,
    with the merged labels cut by the break shown again with （续） on a line of their own."""
    table = tables["annex-1-department"]
    block = _block(table)
    box = lt.TableBox(lt.prepare(table, _ctx(document)))
    box.wrap(block.width, 500)
    head, brk, rest = box.split(block.width, 500)
    assert isinstance(brk, FrameBreak)
    _, head_h = head.wrap(block.width, 500)
    rest.wrap(block.width, block.height)
    assert head_h <= 500
    first, second = _runs(_draw(head, block.x, 0)), _runs(_draw(rest, block.x, 0))
    layout, _ = box.part or lt.layout(box.prep, block.width)
    n_header = sum(len(p.lines) for b in layout.header for p in b.pieces)
    assert [r.text for r in second[:n_header]] == [r.text for r in first[:n_header]]
    # Right under the header: 部门整体/绩效指标/（续）, then the next column's 产出指标/（续）, each line a
    # pitch below the one before, in its column.
    body = second[n_header:]
    pitch = layout.setting.metrics.pitch
    assert [r.text for r in body[:5]] == ["部门整体", "绩效指标", "（续）", "产出指标", "（续）"]
    assert body[0].x == body[1].x == body[2].x < body[3].x == body[4].x
    assert body[0].y - body[1].y == pytest.approx(pitch) and body[1].y - body[2].y == pytest.approx(pitch)
    assert "部门整体" in [r.text for r in first] and "（续）" not in [r.text for r in first]


def test_a_table_too_short_for_two_rows_moves_on_whole(document: doc.Document, tables: dict[str, doc.Table]) -> None:
    table = tables["table-01"]
    box = lt.TableBox(lt.prepare(table, _ctx(document)))
    width = _block(table).width
    box.wrap(width, 10_000)
    layout, _ = box.part or lt.layout(box.prep, width)
    top = layout.title_height + layout.header_height
    assert box.split(width, top + layout.setting.metrics.min_row) == []


def test_a_short_cell_text_wrapped_once_is_not_spaced_out() -> None:
    style = lt.CellStyle("table", False, 10.5)
    short = lt.glyphs(FONTS, style, "代缴重残、独残死亡家庭保费人数")
    lines = lt.set_lines(short, 8 * 10.5, "justify")
    assert len(lines) == 2 < lt.JUSTIFY_MIN_LINES
    first = lines[0]
    xs = first.line.xs
    gaps = {round(b - a - g.advance, 3) for a, b, g in zip(xs, xs[1:], first.glyphs, strict=False)}
    assert gaps <= {0.0}  # natural spacing: flush left, not justified across the cell
    long = lt.glyphs(FONTS, style, "严格按照下达预算的科目和项目执行，未出现截留、挤占、挪用或擅自调整等问题。")
    lines = lt.set_lines(long, 8 * 10.5, "justify")
    assert len(lines) >= lt.JUSTIFY_MIN_LINES
    for ln in lines[:-1]:
        if len(ln.glyphs) > 6:
            assert ln.place(0, 0).right == pytest.approx(8 * 10.5, abs=0.01)


def test_a_whole_table_is_measured_again_for_another_width(
    document: doc.Document, tables: dict[str, doc.Table]
) -> None:
    table = tables["table-13"]
    box = lt.TableBox(lt.prepare(table, _ctx(document)))
    narrow, wide = GEOMETRY.portrait.width, GEOMETRY.landscape.width
    box.wrap(narrow, 10_000)
    box.wrap(wide, 10_000)
    runs = _runs(_draw(box, 0, 0))
    assert max(r.right for r in runs) == pytest.approx(wide)  # the form number ends at the wide edge


def test_to_boxes_gives_the_table_then_its_notes(document: doc.Document, tables: dict[str, doc.Table]) -> None:
    table = tables["table-01"]
    ctx = _ctx(document)
    boxes = to_boxes(table, ctx)
    assert isinstance(boxes[0], lt.TableBox)
    notes = boxes[1:]
    assert [n.text for n in notes] == list(table.notes)  # type: ignore[attr-defined]
    assert all(n.style.size == GEOMETRY.table_size for n in notes)  # type: ignore[attr-defined]
    # The first note keeps a little distance from the grid; later notes follow as note paragraphs do.
    assert notes[0].space_before == pytest.approx(0.4 * GEOMETRY.table_size)
