"""The stress document through `typeset()`: proof-reader audit, text round trip, grid, determinism, errors."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import typeset
from juesuan_pdf.typeset.linebreak import NO_END, NO_START

sys.path.insert(0, str(Path(__file__).parent))
import itertools

from stress import FILLER, LINE, NO_FONT_CHAR, paragraph_texts, stress_document

import support
from proofread.audit import audit

PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stress") / "stress.pdf"
    path.write_bytes(typeset(stress_document()))
    return path


def visual_lines(path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, top, x0, x1, text) of every visual line."""
    out = []
    with pdfplumber.open(path) as pdf:
        for pno, page in enumerate(pdf.pages):
            rows: dict[float, list[dict[str, object]]] = {}
            for c in page.chars:
                if str(c["text"]).strip():
                    rows.setdefault(round(float(c["top"]), 1), []).append(c)
            for top, row in sorted(rows.items()):
                text = "".join(str(c["text"]) for c in row)
                out.append((pno, top, float(row[0]["x0"]), float(row[-1]["x1"]), text))
    return out


def test_typo_audit_passes(pdf_path: Path) -> None:
    support.require_tool("pdffonts")
    result = audit(pdf_path)
    assert result.problems() == []
    assert result.lines > 100


def test_no_line_starts_or_ends_with_a_forbidden_mark(pdf_path: Path) -> None:
    for _, _, _, _, text in visual_lines(pdf_path):
        if len(text) > 1 and not PAGE_NUMBER.match(text):
            assert text[0] not in NO_START and text[-1] not in NO_END, text


def test_pdftotext_gives_back_every_paragraph(pdf_path: Path) -> None:
    support.require_tool("pdftotext")
    raw = subprocess.run(["pdftotext", "-raw", str(pdf_path), "-"], capture_output=True, text=True).stdout
    joined = "".join(ln for ln in raw.replace("\f", "\n").split("\n") if not PAGE_NUMBER.match(ln))
    for source in paragraph_texts(stress_document()):
        # A space (or U+3000) may vanish at a line end or turn into an ASCII space; nothing else may change.
        pattern = "".join(r"\s*" if ch.isspace() else re.escape(ch) for ch in source)
        assert re.search(pattern, joined), source


def test_grid_lines_hold_28_characters_at_the_standard_pitch(pdf_path: Path) -> None:
    grid = [ln for ln in visual_lines(pdf_path) if ln[4] in FILLER * 8 and len(ln[4]) >= LINE]
    assert len(grid) >= 4 and all(len(ln[4]) == LINE for ln in grid)
    tops = [ln[1] for ln in grid[:4]]
    # 225 mm / 22 lines = 28.99 pt (the "28.95" is the same figure, rounded differently).
    assert all(b - a == pytest.approx(225 * 72 / 25.4 / 22, abs=0.1) for a, b in itertools.pairwise(tops))


def test_two_builds_are_byte_identical(pdf_path: Path) -> None:
    assert typeset(stress_document()) == pdf_path.read_bytes()


def test_a_character_no_font_has_stops_the_build() -> None:
    meta = doc.Metadata(title="t")
    document = doc.Document(meta, (doc.Para.of("正文里有一个表情" + NO_FONT_CHAR + "符号。"),))
    with pytest.raises(BuildError) as err:
        typeset(document)
    assert "U+1F600" in str(err.value) and "表情" + NO_FONT_CHAR in str(err.value)


def test_fallback_character_is_drawn_in_the_fallback_font(pdf_path: Path) -> None:
    with pdfplumber.open(pdf_path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"] == "𠮷"]
    assert chars and all(str(c["fontname"]).endswith("LXGWWenKai-Regular") for c in chars)


def test_stress_pages_render(pdf_path: Path, tmp_path: Path) -> None:
    support.require_tool("pdftoppm")
    subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "2", "-png", str(pdf_path), str(tmp_path / "p")], check=True
    )
    assert len(list(tmp_path.glob("p-*.png"))) == 2
    assert io.BytesIO((tmp_path / "p-01.png").read_bytes()).getbuffer().nbytes > 1000
