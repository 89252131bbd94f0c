"""How much of a reference text a PDF reproduces: every non-empty reference line (a paragraph, heading,
table cell or caption) is looked for in the PDF's extracted text, with all white space removed on both
sides so line and page breaks do not matter, and page-number footers dropped."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

FOOTER = re.compile(r"^[\s—–\-－·]*\d+[\s—–\-－·]*$")
"""A page-number line (— 3 —)."""

SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Fidelity:
    """Reference lines found and missed (with their line numbers), and the share of characters found."""

    found: int
    missing: tuple[tuple[int, str], ...]
    characters: float

    @property
    def lines(self) -> float:
        """Share of the reference lines found."""
        total = self.found + len(self.missing)
        return self.found / total if total else 1.0

    def __str__(self) -> str:
        shown = "\n".join(f"  line {n}: {text}" for n, text in self.missing[:20])
        return f"fidelity {self.lines:.1%} of lines, {self.characters:.1%} of characters" + (
            f"; missing:\n{shown}" if shown else ""
        )


def extracted_text(pdf: str | Path) -> str:
    """`pdftotext -raw` of `pdf` (content-stream order), page-number footers dropped."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise RuntimeError("pdftotext (poppler-utils) is needed to read the PDF's text")
    done = subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    text = done.stdout.decode("utf-8")
    return "\n".join(line for line in text.splitlines() if not FOOTER.match(line))


def fidelity(
    pdf_text: str, reference: str, lines: range | None = None, skip: Collection[int] = ()
) -> Fidelity:
    """Look for each reference line (numbered from 1; those in `lines`, not in `skip`) in `pdf_text`."""
    haystack = SPACE.sub("", pdf_text)
    found, chars_found, chars_total = 0, 0, 0
    missing: list[tuple[int, str]] = []
    for number, line in enumerate(reference.splitlines(), 1):
        wanted = SPACE.sub("", line)
        if not wanted or FOOTER.match(line) or (lines is not None and number not in lines) or number in skip:
            continue
        chars_total += len(wanted)
        if wanted in haystack:
            found += 1
            chars_found += len(wanted)
        else:
            missing.append((number, line.strip()))
    return Fidelity(found, tuple(missing), chars_found / chars_total if chars_total else 1.0)
