"""Page templates from the geometry: a cover without a page number, portrait and landscape body pages whose
number stands below the block (GB/T 9704 §7.5: "— 1 —", odd pages right, even pages left, one character in).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from juesuan_pdf import doc
from juesuan_pdf.typeset.geometry import COVER, LANDSCAPE, PORTRAIT, Block, Geometry
from juesuan_pdf.typeset.layout import text
from juesuan_pdf.typeset.layout.dispatch import LayoutContext
from juesuan_pdf.typeset.layout.flow import Template
from juesuan_pdf.typeset.layout.frames import Item
from juesuan_pdf.typeset.styles import TextStyle


def page_number_position(geo: Geometry, block: Block, n: int, width: float) -> tuple[float, float]:
    """Where the page number's baseline starts: odd pages right, even pages left, one character in."""
    size = geo.page_number_size
    # The standard puts the top of the number line 7 mm below the block; digits and dashes reach
    # about 0.75 em above the baseline, so the baseline sits that much lower again.
    baseline = block.y - geo.page_number_gap - 0.75 * size
    if n % 2:
        return block.x + block.width - size - width, baseline
    return block.x + size, baseline


def templates(ctx: LayoutContext) -> list[Template]:
    """Cover (no number, then portrait), portrait and landscape pages from the geometry."""
    geo = ctx.geometry
    style = TextStyle("page_number", geo.page_number_size, geo.page_number_size)

    def numbered(block: Block) -> Callable[[int], Sequence[Item]]:
        def furniture(n: int) -> Sequence[Item]:
            glyphs = text.shape((doc.Run(ctx.furniture.page_number.format(n=n)),), style, ctx.fonts)
            x, y = page_number_position(geo, block, n, text.width_of(glyphs))
            return [text.solid_run(glyphs, x, y)]

        return furniture

    def frame(block: Block) -> tuple[float, float, float, float]:
        return (block.x, block.y, block.width, block.height)

    p, ls = geo.portrait, geo.landscape
    return [
        Template(COVER, p.page_width, p.page_height, frame(p), next=PORTRAIT),
        Template(PORTRAIT, p.page_width, p.page_height, frame(p), furniture=numbered(p)),
        Template(LANDSCAPE, ls.page_width, ls.page_height, frame(ls), furniture=numbered(ls)),
    ]


