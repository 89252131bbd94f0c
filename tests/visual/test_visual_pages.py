"""Visual regression: selected pages of the example, rendered small and compared with committed images.

A page passes when fewer than 0.5 % of its pixels differ by more than 32 grey levels from the reference
(small enough to catch a moved table or a missing chart, loose enough for anti-aliasing). Every rendered
page lands in `build/test-artifacts/visual/` (`support.ARTIFACTS`), with a `*-diff.png` beside it when
it fails. A missing reference fails the test; `JUESUAN_REGEN=1` (re)writes the references after an
intended change of layout: look at them before committing.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

import support

REFS = Path(__file__).parent / "refs"
DPI = 30
TOLERANCE = 0.005
LEVELS = 32
# Each page is found by a text it shows, so a page moving in the document is not a failure by itself.
PAGES = {
    "cover": "2023年度部门决算",
    "contents": "目录",
    "figure1": "图1：收支决算总计变动情况图",
    "figure6": "图6：一般公共预算财政拨款支出决算结构",
    "annex-form": "部门整体支出绩效目标自评表",
    "table01": "公开01表",
}


def render(pdf: Path, page: int, stem: Path) -> Image.Image:
    """Page `page` of `pdf` rendered in grey to `stem`.png."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(pdf), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("L")


def first_page_showing(pdf: Path, marker: str) -> int:
    pages = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    return next(n for n, text in enumerate(pages, 1) if marker in text.replace(" ", ""))


@pytest.mark.parametrize("name", PAGES)
def test_page_looks_as_before(name: str, example_pdf: Path) -> None:
    support.require_tool("pdftoppm")
    support.require_tool("pdftotext")
    out = support.artifacts("visual")
    page = first_page_showing(example_pdf, PAGES[name])
    got = render(example_pdf, page, out / name)
    ref_path = REFS / f"{name}.png"
    if os.environ.get("JUESUAN_REGEN") == "1":
        got.save(ref_path, optimize=True)
        pytest.skip(f"reference {ref_path.name} written")
    assert ref_path.exists(), f"no reference image {ref_path}: run with JUESUAN_REGEN=1 and look at it"
    ref = Image.open(ref_path).convert("L")
    assert got.size == ref.size, f"page {page} size changed: {got.size} vs {ref.size}"
    diff = ImageChops.difference(got, ref).point(lambda v: 255 if v > LEVELS else 0)
    share = (diff.histogram()[255]) / (got.size[0] * got.size[1])
    if share >= TOLERANCE:
        diff.save(out / f"{name}-diff.png")
    assert share < TOLERANCE, f"page {page} ({name}): {share:.2%} of pixels differ; see {out}"
