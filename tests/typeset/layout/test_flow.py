"""The paginator on plain boxes: where each box lands, read off the frames (no PDF is written)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset.layout.boxes import Box, FrameState, KeepTogether, PageBreak, Spacer
from juesuan_pdf.typeset.layout.flow import Paginator, Template
from juesuan_pdf.typeset.layout.frames import Anchor, Item, Rect

# A 100 × 100 frame on a 200 × 200 page, and a wide one for the "landscape" template.
TALL = Template("tall", 200, 200, (50, 50, 100, 100))
WIDE = Template("wide", 300, 150, (50, 25, 200, 100))


class Block(Box):
    """A box of fixed height that draws its frame as a rectangle (its name in an anchor)."""

    def __init__(self, name: str, height: float, before: float = 0.0, after: float = 0.0, lines: int = 0) -> None:
        super().__init__()
        self.name, self.h = name, height
        self.space_before, self.space_after = before, after
        self.lines = lines  # splittable into lines of 10 pt when > 0

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        self.width, self.height = width, self.h
        return width, self.h

    def split(self, width: float, height: float) -> list[Box]:
        fit = int(height // 10)
        if not self.lines or fit < 1 or fit >= self.lines:
            return []
        return [Block(self.name + "a", 10 * fit, self.space_before, 0, fit),
                Block(self.name + "b", 10 * (self.lines - fit), 0, self.space_after, self.lines - fit)]

    def draw(self, out: list[Item], x: float, y: float) -> None:
        out.append(Rect(x, y, self.width, self.height))
        out.append(Anchor(self.name, x, y + self.height))


def lay(boxes: list[Box], *templates: Template, first: str = "tall") -> list[list[tuple[str, float, float]]]:
    """Per page: (name, top, bottom) of every block drawn."""
    pages = Paginator(list(templates) or [TALL, WIDE], first, FrameState()).run(boxes)
    out = []
    for p in pages:
        rects = [i for i in p.items if isinstance(i, Rect)]
        names = [i.key for i in p.items if isinstance(i, Anchor)]
        out.append([(n, r.y + r.height, r.y) for n, r in zip(names, rects, strict=True)])
    return out


def test_boxes_stack_from_the_top_of_the_frame() -> None:
    assert lay([Block("a", 30), Block("b", 20)]) == [[("a", 150, 120), ("b", 120, 100)]]


def test_adjacent_spaces_merge_and_none_is_left_at_the_top() -> None:
    # 'a' ignores its space before at the top; between a and b the larger space (8) wins, not 5 + 8.
    assert lay([Block("a", 30, before=20, after=5), Block("b", 20, before=8)]) == [
        [("a", 150, 120), ("b", 112, 92)]
    ]


def test_a_box_that_does_not_fit_moves_to_the_next_page() -> None:
    assert lay([Block("a", 70), Block("b", 40)]) == [[("a", 150, 80)], [("b", 150, 110)]]


def test_a_splittable_box_fills_the_page_and_continues() -> None:
    assert lay([Block("a", 70), Block("b", 50, lines=5)]) == [
        [("a", 150, 80), ("ba", 80, 50)],
        [("bb", 150, 130)],
    ]


def test_a_box_taller_than_any_page_is_refused_in_chinese() -> None:
    with pytest.raises(BuildError, match="比一整页还高"):
        lay([Block("a", 10), Block("huge", 500)])


def test_a_break_on_an_empty_page_only_picks_its_template() -> None:
    pages = Paginator([TALL, WIDE], "tall", FrameState()).run(
        [PageBreak("wide"), Block("a", 10), PageBreak(), PageBreak("tall"), Block("b", 10)]
    )
    assert [p.template for p in pages] == ["wide", "tall"]
    assert [(p.width, p.height) for p in pages] == [(300, 150), (200, 200)]


def test_a_group_that_fits_on_the_next_page_moves_there_whole() -> None:
    frame = FrameState()
    pages = Paginator([TALL], "tall", frame).run(
        [Block("a", 60), KeepTogether([Block("b", 30), Block("c", 30, lines=3)], frame)]
    )
    assert [[i.key for i in p.items if isinstance(i, Anchor)] for p in pages] == [["a"], ["b", "c"]]


def test_page_furniture_is_drawn_on_every_page_of_its_template() -> None:
    numbered = Template("tall", 200, 200, (50, 50, 100, 100), furniture=lambda n: [Anchor(f"page{n}", 0, 0)])
    pages = Paginator([numbered], "tall", FrameState()).run([Block("a", 70), Block("b", 70)])
    assert [p.items[0] for p in pages] == [Anchor("page1", 0, 0), Anchor("page2", 0, 0)]
    assert [p.number for p in pages] == [1, 2]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 10), st.integers(0, 20), st.integers(0, 20), st.booleans()), max_size=25))
def test_every_box_lands_inside_the_frame_whole_or_in_pieces(specs: list[tuple[int, int, int, bool]]) -> None:
    boxes: list[Box] = [
        Block(f"{i}-", 10 * lines, before, after, lines=lines if split else 0)
        for i, (lines, before, after, split) in enumerate(specs)
    ]
    pages = lay(boxes)
    drawn: dict[int, float] = {}
    order: list[int] = []
    for page in pages:
        tops = [t for _, t, _ in page]
        assert tops == sorted(tops, reverse=True)
        for name, top, bottom in page:
            assert 50 - 1e-6 <= bottom <= top <= 150 + 1e-6
            i = int(name.split("-")[0])
            drawn[i] = drawn.get(i, 0.0) + top - bottom
            if not order or order[-1] != i:
                order.append(i)
    # Every box is drawn, whole or in pieces that add up to it, in story order.
    assert order == list(range(len(specs)))
    assert all(abs(drawn[i] - 10 * s[0]) < 1e-6 for i, s in enumerate(specs))


def test_spacer_takes_its_height() -> None:
    assert lay([Spacer(25), Block("a", 10)]) == [[("a", 125, 115)]]
