"""The page's markup, read back with the standard library's HTML parser (no browser needed).

One h1, headings by level, a nav of links that all land, real tables (caption, thead, th scope, spans),
charts as SVG with title, description and data table, escaped text, nothing requested from elsewhere,
deterministic bytes, and the build writing each format atomically.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf import doc
from juesuan_pdf.api import BuildOptions, build, parse_formats, render_html
from juesuan_pdf.cli import main
from juesuan_pdf.errors import BuildError
from juesuan_pdf.web.tables import grid_columns

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"


class Tree(HTMLParser):
    """Start tags with their attributes, and the text inside each kind of element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta", "rect", "line", "path", "circle", "col"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.open:
            self.text.setdefault(self.open[-1], []).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


def parse(page: bytes) -> Tree:
    tree = Tree()
    tree.feed(page.decode("utf-8"))
    return tree


@pytest.fixture(scope="module")
def document() -> doc.Document:
    from juesuan_pdf.compose import compose
    from juesuan_pdf.load import load

    return compose(load(EXAMPLE))


@pytest.fixture(scope="module")
def tree(document: doc.Document) -> Tree:
    return parse(render_html(document))


def blocks_of(document: doc.Document, kind: type) -> list:
    from juesuan_pdf.web.anchors import flatten

    return [b for b in flatten(document.blocks) if isinstance(b, kind)]


def test_one_h1_the_language_and_headings_by_level(tree: Tree, document: doc.Document) -> None:
    assert tree.all("html") == [{"lang": "zh-CN"}]
    assert len(tree.all("h1")) == 1
    headings = blocks_of(document, doc.Heading)
    for level, tag in ((0, "h2"), (1, "h3"), (2, "h4"), (3, "h5")):
        expected = sum(h.level == level for h in headings)
        assert len(tree.all(tag)) == expected + (tag == "h2"), tag  # the contents' title is an h2 too
    assert "第一部分 部门概况" in tree.text["h2"]


def test_contents_links_land_on_unique_ids(tree: Tree) -> None:
    ids = [a["id"] for _, a in tree.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    links = [a["href"] for a in tree.all("a")]
    assert len(links) > 30
    assert all(href and href.startswith("#") and href[1:] in ids for href in links)
    assert len(tree.all("nav")) == 1


def test_tables_have_caption_head_scopes_and_spans(tree: Tree, document: doc.Document) -> None:
    tables = blocks_of(document, doc.Table)
    data_tables = [a for a in tree.all("table") if "sr-only" not in (a.get("class") or "")]
    assert len(data_tables) == len(tables)
    assert len(tree.all("thead")) >= len(tables)
    captions = sum(1 for t in tables if t.title or t.caption_left or t.form_no)
    charts = len(blocks_of(document, doc.BarChart | doc.PieChart))
    assert len(tree.all("caption")) == captions + charts
    scopes = {a.get("scope") for a in tree.all("th")}
    assert {"col", "colgroup", "row"} <= scopes
    spans = sum(c.rowspan > 1 or c.colspan > 1 for t in tables for r in t.header_rows + t.body_rows for c in r)
    cells = tree.all("td") + tree.all("th")
    assert sum("rowspan" in a or "colspan" in a for a in cells) == spans
    money = sum(c.kind == "money" for t in tables for r in t.header_rows + t.body_rows for c in r)
    assert sum("num" in (a.get("class") or "").split() for a in cells) >= money
    wraps = [a for a in tree.all("div") if "table-wrap" in (a.get("class") or "").split()]
    assert len(wraps) == len(tables) and all(w["tabindex"] == "0" and w["aria-labelledby"] for w in wraps)


def test_charts_are_svg_with_title_description_and_data(tree: Tree, document: doc.Document) -> None:
    charts = blocks_of(document, doc.BarChart | doc.PieChart)
    svgs = tree.all("svg")
    assert len(svgs) == len(charts) == len(tree.all("title")) - 1 == len(tree.all("desc"))
    assert all(s["role"] == "img" and s["aria-labelledby"] for s in svgs)
    assert tree.text["figcaption"] == [c.caption for c in charts]
    labels = {label for c in blocks_of(document, doc.BarChart) for s in c.series for label in s.labels}
    assert labels <= set(tree.text["td"])


def test_nothing_is_requested_from_elsewhere(document: doc.Document) -> None:
    page = render_html(document).decode("utf-8")
    assert not re.search(r"""(src|href)=["'](?!#)|@import|url\(|<link|<script|https?://(?!www\.w3\.org/2000/svg)""",
                         page)
    assert len(page.encode("utf-8")) < 400_000


def test_the_page_is_deterministic(document: doc.Document) -> None:
    assert render_html(document) == render_html(document)


def _tiny(text: str) -> doc.Document:
    table = doc.Table(columns=(doc.Column(), doc.Column()),
                      header_rows=((doc.Cell(text, kind="label"), doc.Cell("金额", kind="label")),),
                      body_rows=((doc.Cell(text), doc.Cell("1.00", kind="money")),), title=text)
    chart = doc.PieChart(text, (doc.Slice(text, Decimal(1), text),))
    return doc.Document(doc.Metadata(title=text), (doc.Heading(0, text, key=text), doc.Para.of(text), table, chart))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_text_from_the_data_is_escaped(text: str) -> None:
    tree = parse(render_html(_tiny(text)))
    assert tree.text["p"] == [text]
    assert tree.text["h2"] == [text]
    assert len(tree.all("table")) == 2  # the table and the chart's data; no markup came from the text
    assert not tree.all("script")


def test_grid_columns_place_cells_after_rowspans() -> None:
    c, tall = doc.Cell("x"), doc.Cell("t", rowspan=2)
    assert grid_columns(((tall, c, doc.Cell("w", colspan=2)), (c, c, c))) == [[0, 1, 2], [1, 2, 3]]


def test_formats_are_parsed_and_checked() -> None:
    assert parse_formats("html,pdf") == ("pdf", "html")
    assert parse_formats(["html"]) == ("html",)
    with pytest.raises(BuildError, match="输出格式"):
        parse_formats("docx")


def test_build_writes_each_format_atomically(tmp_path: Path) -> None:
    result = build(EXAMPLE, tmp_path / "out.pdf", BuildOptions(force=True, formats=("html",)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]
    assert result.pdf == b"" and (tmp_path / "out.html").read_bytes() == result.html


def test_cli_format_pdf_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "公开"
    folder.mkdir()
    assert main(["build", str(EXAMPLE), "--force", "--format", "pdf,html", "-o", f"{folder}/"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.pdf"]
    out = capsys.readouterr().out
    assert f"已生成 {folder / 'report.html'}" in out
    assert main(["build", str(EXAMPLE), "--force", "--format", "word", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "输出格式" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


class Cells(HTMLParser):
    """Each table row's cells as (text, rowspan, colspan)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[list[object]]] = []
        self.cell: list[object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = ["", int(found.get("rowspan") or 1), int(found.get("colspan") or 1)]
            self.rows[-1].append(self.cell)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[0] = str(self.cell[0]) + data


cell_strategy = st.builds(
    doc.Cell,
    text=st.text(alphabet="甲乙<&>\"'0.9 ", max_size=6),
    colspan=st.integers(1, 3),
    rowspan=st.integers(1, 3),
    kind=st.sampled_from(["text", "money", "label"]),
    indent=st.sampled_from([0.0, 1.0]),
)


@given(st.lists(st.lists(cell_strategy, min_size=1, max_size=4).map(tuple), min_size=1, max_size=5),
       st.integers(0, 2))
def test_any_table_keeps_its_cells_and_spans(rows: list[doc.Row], headers: int) -> None:
    table = doc.Table(columns=(), header_rows=tuple(rows[:headers]), body_rows=tuple(rows[headers:]), key="t")
    document = doc.Document(doc.Metadata(title="表"), (table,))
    parser = Cells()
    parser.feed(render_html(document).decode("utf-8"))
    assert parser.rows == [[[c.text, c.rowspan, c.colspan] for c in row] for row in rows]


def test_print_page_numbers_follow_the_documents_format() -> None:
    from juesuan_pdf.web.page import css_string, page_numbers

    assert '"— " counter(page) " —"' in page_numbers(doc.Furniture())
    assert "counter(page) \"页\"" in page_numbers(doc.Furniture(page_number="{n}页"))
    assert css_string('"</style>') == '"\\22 \\3C /style\\3E "'
