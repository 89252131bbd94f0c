"""compose(): cover, contents, parts in profile order, stable heading keys, metadata; data text stays literal."""
# ruff: noqa: E501  (the reference's sentences are quoted whole)

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from pathlib import Path

import attrs
import pytest

import support
from juesuan_pdf.compose import compose
from juesuan_pdf.compose.profile import PartSpec
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.doc import BarChart, Cover, Document, Heading, Para, PieChart, TableOfContents
from juesuan_pdf.load import load
from juesuan_pdf.model.department import Paragraphs
from juesuan_pdf.model.performance import Performance
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
# Parts 1–3, with the annex part present but empty so 十（四） can name it (报告详见附件（第四部分）).
EMPTY_ANNEXES = PartSpec("annexes", "附件", lambda report, profile: [])
OWN_PARTS = attrs.evolve(SICHUAN_2023, parts=(*SICHUAN_2023.parts[:3], EMPTY_ANNEXES))
MARKUP = "<b>加粗</b> &amp; <font color=red>红</font> a<b & c>d"


@functools.cache
def example() -> Report:
    """The reference document as data."""
    return load(EXAMPLE)


@functools.cache
def document() -> Document:
    """Parts 1–3 of the example."""
    return compose(example(), OWN_PARTS)


def headings(doc: Document) -> list[Heading]:
    return [b for b in doc.blocks if isinstance(b, Heading)]


def test_cover_then_contents():
    cover, toc = document().blocks[:2]
    assert isinstance(cover, Cover)
    assert cover.title_lines == ("广元市昭化区人力资源和社会保障局", "2023年度部门决算")
    assert cover.lower_lines == ("2024年9月30日",)
    assert isinstance(toc, TableOfContents) and toc.title == "目录"


def test_parts_and_sections_in_profile_order():
    levels01 = [(h.level, h.text) for h in headings(document()) if h.level <= 1]
    assert levels01[:4] == [(0, "第一部分 部门概况"), (1, "一、部门职责"), (1, "二、机构设置"),
                            (0, "第二部分 2023年度部门决算情况说明")]
    part2 = [t for lv, t in levels01 if lv == 1][2:12]
    assert part2 == [
        "一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明",
        "五、一般公共预算财政拨款支出决算情况说明", "六、一般公共预算财政拨款基本支出决算情况说明",
        "七、财政拨款“三公”经费支出决算情况说明", "八、政府性基金预算支出决算情况说明",
        "九、国有资本经营预算支出决算情况说明", "十、其他重要事项的情况说明",
    ]
    assert levels01[-1] == (0, "第三部分 名词解释")


def test_part_headings_start_pages_and_keys_are_unique():
    hs = headings(document())
    assert all(h.page_break_before for h in hs if h.level == 0)
    keys = [h.key for h in hs]
    assert len(keys) == len(set(keys))
    assert {"part-1", "part-2", "part-3", "explanation.s05", "s05.3", "s10.4"} <= set(keys)


def test_full_profile_adds_the_later_parts():
    keys = [p.key for p in SICHUAN_2023.parts]
    assert keys == ["overview", "explanation", "glossary", "annexes", "tables"]
    assert [p.title for p in SICHUAN_2023.parts[3:]] == ["附件", "附表"]
    assert SICHUAN_2023.part_number("annexes") == "第四部分"


def test_parts_are_numbered_among_those_present():
    report = attrs.evolve(example(), performance=Performance())
    parts = [b.text for b in compose(report, SICHUAN_2023).blocks if isinstance(b, Heading) and b.level == 0]
    assert parts[-1] == "第四部分 附表"
    assert SICHUAN_2023.part_number("tables", ["overview", "explanation", "glossary", "tables"]) == "第四部分"


def test_seven_figures_in_order():
    charts = [b for b in document().blocks if isinstance(b, BarChart | PieChart)]
    assert [c.key for c in charts] == [f"fig{n}" for n in range(1, 8)]


def test_overview_unit_counts_come_from_the_units():
    paras = [b.text for b in document().blocks if isinstance(b, Para)]
    assert ("广元市昭化区人力资源和社会保障局部门属于一级预算单位，下属二级预算单位7个，其中行政单位0个，"
            "参照公务员法管理的事业单位3个，其他事业单位4个。") in paras
    assert any(p.startswith("纳入2023年部门决算编制范围内的二级预算单位包括：广元市昭化区人力资源和社会保障局（本级）、")
               for p in paras)


def test_overview_counts_follow_the_units_list():
    r = example()
    units = r.department.units[:3]
    r = attrs.evolve(r, department=attrs.evolve(r.department, units=units))
    paras = [b.text for b in compose(r, OWN_PARTS).blocks if isinstance(b, Para)]
    assert any("下属二级预算单位2个，其中行政单位0个，参照公务员法管理的事业单位2个，其他事业单位0个。" in p for p in paras)


def test_metadata():
    meta = document().metadata
    assert meta.title == "广元市昭化区人力资源和社会保障局2023年度部门决算"
    assert meta.author == "广元市昭化区人力资源和社会保障局"
    assert meta.subject == "2023年度部门决算公开"
    assert meta.created == dt.datetime(2024, 9, 30, tzinfo=dt.UTC)
    assert meta.lang == "zh-CN"
    assert document().furniture.page_number == "— {n} —"


def test_compose_is_deterministic():
    assert compose(example(), OWN_PARTS) == compose(example(), OWN_PARTS)


def _with_markup(report: Report) -> Report:
    dept = report.department
    duties = Paragraphs(dept.duties.title, (MARKUP, *dept.duties.paragraphs[:1]))
    r = attrs.evolve(report, department=attrs.evolve(dept, duties=duties, short_name="<b>局</b>"))
    return attrs.evolve(r, totals=attrs.evolve(r.totals, reason="新增&amp;<font>补助</font>"))


def test_markup_in_data_stays_literal_in_the_doc_tree():
    text = "\n".join(b.text for b in compose(_with_markup(example()), OWN_PARTS).blocks if isinstance(b, Para))
    assert MARKUP in text
    assert "主要变动原因是新增&amp;<font>补助</font>。" in text
    assert "2023年，<b>局</b>机关运行经费支出" in text


def test_markup_in_data_appears_literally_in_the_pdf():
    typeset = pytest.importorskip("juesuan_pdf.typeset")
    pdfplumber = pytest.importorskip("pdfplumber")
    r = _with_markup(example())
    r = attrs.evolve(r, department=attrs.evolve(r.department, key_work=Paragraphs("重点工作", ())))
    overview_only = attrs.evolve(SICHUAN_2023, parts=SICHUAN_2023.parts[:1])
    pdf = typeset.typeset(compose(r, overview_only))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "".join((page.extract_text() or "") for page in doc.pages)
    squashed = "".join(text.split())
    assert "".join(MARKUP.split()) in squashed


def test_outline_headings_never_skip_a_level():
    """Every outline heading is at most one level below the previous one (the outline nests as the text does)."""
    previous = -1
    for h in headings(document()):
        if h.outline:
            assert h.level <= previous + 1, h.text
            previous = h.level


def test_a_second_profile_is_data_not_code():
    """Reordered and renamed sections and parts number themselves; nothing else changes."""
    p = SICHUAN_2023
    other = attrs.evolve(
        p,
        parts=(attrs.evolve(p.parts[1], title="{subject}决算情况说明"), p.parts[0]),
        sections=(p.sections[2], p.sections[0]),
        part_label="第{n}章",
    )
    texts = [(h.level, h.text) for h in headings(compose(example(), other)) if h.level <= 1]
    assert texts[:3] == [(0, "第一章 部门决算情况说明"), (1, "一、支出决算情况说明"), (1, "二、收入支出决算总体情况说明")]
    assert texts[3] == (0, "第二章 部门概况")


def test_unit_document_words():
    """A 单位决算 changes 部门 to 单位 in the part titles and says 主要职责 (DOMAIN §1.1)."""
    r = example()
    r = attrs.evolve(r, department=attrs.evolve(r.department, subject="单位"))
    texts = [h.text for h in headings(compose(r, OWN_PARTS)) if h.level <= 1]
    assert texts[:2] == ["第一部分 单位概况", "一、主要职责"]
    assert "第二部分 2023年度单位决算情况说明" in texts
    assert compose(r, OWN_PARTS).blocks[0].title_lines[1] == "2023年度单位决算"  # type: ignore[union-attr]


REFERENCE = support.REFERENCE
FOOTER = re.compile(r"^—\s*\d+\s*—$")
GLOSSARY_LINES = range(201, 232)
"""The reference's per-account glossary lines, which the generated glossary corrects (test_glossary.DELIBERATE)."""


@functools.cache
def parts_pdf_text() -> str:
    """The text of parts 1–3 of the example as typeset, white space removed."""
    typeset = pytest.importorskip("juesuan_pdf.typeset")
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(io.BytesIO(typeset.typeset(document()))) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    return "".join("".join(line.split()) for line in lines if not FOOTER.match(line.strip()))


def test_typeset_parts_keep_every_paragraph_and_heading():
    text = parts_pdf_text()
    for block in document().blocks:
        if isinstance(block, Para | Heading):
            assert "".join(block.text.split()) in text, block.text[:40]
        elif isinstance(block, BarChart | PieChart):
            assert block.caption in text


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference document not available")
def test_typeset_parts_reproduce_the_reference_lines_1_to_232():
    """Acceptance of issue 4: every line of parts 1–3 except the corrected glossary entries is in the PDF."""
    text = parts_pdf_text()
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()[:232]
    missing = [
        (n, line) for n, line in enumerate(lines, 1)
        if n not in GLOSSARY_LINES and "".join(line.split()) and "".join(line.split()) not in text
    ]
    assert missing == []
