"""第四部分 附件 composed into doc blocks: outline headings, form grids, merges, and every reference line."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

import support
from juesuan_pdf.compose.parts import annexes
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.doc import Block, Cell, Heading, PageBreak, Para, Table
from juesuan_pdf.load.toml import CONVERTER
from juesuan_pdf.model.performance import Indicator, Performance

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023"
REFERENCE = support.REFERENCE
ANNEX_LINES = (233, 2169)


def _performance() -> Performance:
    path = EXAMPLE / "performance.toml"
    if not path.exists():
        path = EXAMPLE / "report.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return CONVERTER.structure(data["performance"], Performance)


@pytest.fixture(scope="module")
def blocks() -> list[Block]:
    return annexes.build(SimpleNamespace(year=2023, performance=_performance()), SICHUAN_2023)


def tables(blocks: list[Block]) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


def texts(blocks: list[Block]) -> list[str]:
    """Every printed text of the blocks in reading order (table cells row by row)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Para):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [c.text for row in (*block.header_rows, *block.body_rows) for c in row]
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


CORRECTED = {"执行率（%)": "执行率（%）"}
"""Reference cells printed corrected, with the reason: a full-width bracket closed by an ASCII one (GB/T 15834)."""


def reference_lines() -> list[str]:
    """The reference's lines, with the deliberate corrections of `CORRECTED` applied."""
    lines = REFERENCE.read_text(encoding="utf-8").split("\n")
    return [
        line.replace(line.strip(), CORRECTED[line.strip()]) if line.strip() in CORRECTED else line for line in lines
    ]


# ---------------------------------------------------------------------------------------- fidelity proxy
@pytest.mark.skipif(not REFERENCE.exists(), reason="reference document not available")
def test_every_reference_line_of_the_annex_is_in_the_doc_tree(blocks: list[Block]) -> None:
    """The cheap stand-in for the fidelity check: each non-empty line of 233–2169 (cells included) appears."""
    haystack = squash("\n".join(texts(blocks)))
    lines = reference_lines()[ANNEX_LINES[0] - 1 : ANNEX_LINES[1]]
    wanted = [(n, squash(line)) for n, line in enumerate(lines, ANNEX_LINES[0]) if squash(line)]
    missing = [(n, line) for n, line in wanted if line not in haystack]
    assert missing == []


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference document not available")
def test_every_reference_cell_is_one_cell(blocks: list[Block]) -> None:
    """Single-line cells of the forms are whole cells of some table (not split, not glued to a neighbour)."""
    cells = {squash(c.text) for t in tables(blocks) for row in (*t.header_rows, *t.body_rows) for c in row}
    cells |= {squash(b.text) for b in blocks if isinstance(b, Para)}
    lines = reference_lines()
    wanted = set()
    for n in range(366, 2017):  # lines 367–2017: the 附表 forms
        line, after = lines[n], lines[n + 1]
        if line.startswith("\t") and squash(line) and (after.startswith("\t") or not after.strip()):
            wanted.add(squash(line))
    wanted -= {"（2023年度）"}  # printed as the period line under the title
    missing = sorted(w for w in wanted if w not in cells)
    assert missing == []


# ---------------------------------------------------------------------------------------- outline
def test_outline_headings(blocks: list[Block]) -> None:
    outlined = [(b.level, b.text) for b in blocks if isinstance(b, Heading) and b.outline]
    assert outlined == [
        (0, "第四部分 附件"),
        (1, "附件1"),
        (2, "2023年广元市昭化区人力资源和社会保障局部门预算绩效评价报告"),
        (1, "附件2"),
        (2, "2023年就业创业补助资金专项预算项目绩效评价报告"),
        (2, "2023年困难群众养老保险代缴项目支出绩效评价报告"),
    ]


def test_section_headings_keep_their_published_numbering(blocks: list[Block]) -> None:
    headings = [b for b in blocks if isinstance(b, Heading) and not b.outline]
    assert ("机构职能。", 2) in [(h.text, h.level) for h in headings]
    assert all(not h.toc for h in headings)
    keys = [b.key for b in blocks if isinstance(b, Heading)]
    assert len(keys) == len(set(keys))


def test_part_and_forms_start_on_new_pages(blocks: list[Block]) -> None:
    assert isinstance(blocks[0], Heading) and blocks[0].page_break_before
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            before = blocks[i - 1]
            assert isinstance(before, PageBreak | Para)
    assert sum(isinstance(b, PageBreak) for b in blocks) == 9


def test_empty_annex_builds_nothing() -> None:
    assert annexes.build(SimpleNamespace(year=2023, performance=Performance()), SICHUAN_2023) == []


# ---------------------------------------------------------------------------------------- grids
def grid(table: Table) -> list[list[Cell | None]]:
    """Place the cells on the grid (HTML convention); fail on overlap or a row that is not full."""
    width = len(table.columns)
    rows = (*table.header_rows, *table.body_rows)
    placed: list[list[Cell | None]] = [[None] * width for _ in rows]
    taken = [[False] * width for _ in rows]
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while c < width and taken[r][c]:
                c += 1
            assert c + cell.colspan <= width, (table.key, r, cell.text)
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    assert not taken[rr][cc], (table.key, r, cell.text)
                    taken[rr][cc] = True
            placed[r][c] = cell
            c += cell.colspan
    assert all(all(row) for row in taken), table.key
    return placed


def test_every_form_fills_its_grid(blocks: list[Block]) -> None:
    forms = tables(blocks)
    assert [t.key for t in forms][:3] == ["annex-1-department", "annex-1-transfer-1", "annex-1-project-1"]
    assert len(forms) == 9
    for table in forms:
        grid(table)
        assert len(table.header_rows) == 1


def test_department_form_layout(blocks: list[Block]) -> None:
    table = tables(blocks)[0]
    assert len(table.columns) == 8
    placed = grid(table)
    column = {i: [row[i].text for row in placed if row[i] is not None] for i in range(8)}
    assert "部门整体绩效指标" in column[0]
    assert column[3].count("指标1：") == 9 and "指标8：" in column[3]
    total = next(row for row in placed if row[1] is not None and row[1].text == "年度资金总额")
    assert [c.text for c in total if c is not None][1:] == ["1948.3", "5105.18", "4454.96", "87.26%"]
    assert all(c is not None and c.kind == "money" for c in total[4:])
    assert placed[-1][0] is not None and placed[-1][0].text == "自评得分：86分"


def test_level1_and_level2_merge_over_their_rows(blocks: list[Block]) -> None:
    table = tables(blocks)[0]
    cells = [c for row in table.body_rows for c in row]
    spans = {c.text: c.rowspan for c in cells if c.kind == "label" and c.rowspan > 1}
    assert spans["产出指标"] == 15  # 8 数量 + 3 质量 + 2 时效 + 2 成本
    assert spans["数量指标"] == 8
    assert spans["社会效益指标"] == 4
    assert spans["部门整体绩效指标"] == 24  # the head row and 23 indicators
    assert all(c.repeat_label for c in cells if c.rowspan > 1)


def test_transfer_form_leaves_execution_blank(blocks: list[Block]) -> None:
    placed = grid(tables(blocks)[1])
    total = next(row for row in placed if row[1] is not None and row[1].text == "年度资金总额：")
    assert [c.text for c in total if c is not None][1:] == ["2167.7", "", ""]
    texts_ = [c.text for row in placed for c in row if c is not None]
    assert "预算执行率（B/A×100%）" in texts_ and "支出责任履行情况" in texts_
    assert placed[-1][0] is not None and placed[-1][0].text == "自评得分：96分"


def test_project_forms(blocks: list[Block]) -> None:
    for table in tables(blocks)[2:]:
        placed = grid(table)
        assert placed[0][0] is not None and placed[0][0].text == "项目（政策）名称"
        rates = [row[6].text for row in placed[3:9] if row[6] is not None]
        assert rates[:3] == ["100.00%"] * 3 and rates[3:] == ["", "", ""]


def test_runs() -> None:
    assert annexes.runs([]) == []
    assert annexes.runs(["a", "a", "b", "a"]) == [(0, 2, "a"), (2, 1, "b"), (3, 1, "a")]


def test_equal_level2_under_different_level1_do_not_merge() -> None:
    rows = annexes.indicator_rows(
        "绩效指标",
        (),
        [Indicator("产出", "质量", "a", "1", "1"), Indicator("效益", "质量", "b", "1", "1")],
        lambda _, item: (Cell(item.name),),
    )
    assert [c.rowspan for c in rows[1][:2]] == [1, 1] and [c.rowspan for c in rows[2][:2]] == [1, 1]


# ---------------------------------------------------------------------------------------- through the typesetter
@pytest.fixture(scope="module")
def annex_pdf_text(blocks: list[Block], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The annex typeset on its own, as the text of each page (pdftotext -raw, as the fidelity check reads it)."""
    import subprocess

    from juesuan_pdf import doc
    from juesuan_pdf.typeset import typeset

    support.require_tool("pdftotext")
    pdf = tmp_path_factory.mktemp("annex") / "annex.pdf"
    document = doc.Document(doc.Metadata(title="附件"), tuple(blocks))
    pdf.write_bytes(typeset(document))
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8").split("\f")


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference document not available")
def test_typeset_annex_reproduces_the_reference(annex_pdf_text: list[str]) -> None:
    """The fidelity measure on the annex alone: at least 99 % of lines 233–2169 found contiguous."""
    haystack = squash("\n".join(annex_pdf_text))
    lines = reference_lines()[ANNEX_LINES[0] - 1 : ANNEX_LINES[1]]
    wanted = [squash(line) for line in lines if squash(line)]
    found = sum(line in haystack for line in wanted)
    assert found / len(wanted) >= 0.99


def test_split_forms_repeat_their_merged_labels(annex_pdf_text: list[str]) -> None:
    """The 部门整体 form runs over pages: its merged labels come back with （续） on the continuation."""
    text = squash("\n".join(annex_pdf_text))
    assert "部门整体绩效指标（续）" in text
    assert "产出指标（续）" in text


def test_report_titles_are_centred_title_lines(blocks: list[Block]) -> None:
    """The reports' titles print as centred title lines, not as indented section headings."""
    titles = [b for b in blocks if isinstance(b, Heading) and b.level == 2 and b.outline]
    assert titles and all(b.centered for b in titles)
    assert not any(b.centered for b in blocks if isinstance(b, Heading) and not b.outline)
