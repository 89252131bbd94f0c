"""The public API: thin compositions of load → check → compose → typeset, and the atomic file write."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from juesuan_pdf.doc import Document
from juesuan_pdf.errors import BuildError, Finding, MissingGlyphError, os_message
from juesuan_pdf.model.report import Report

FORMATS = ("pdf", "html")
"""The output formats, in the order they are written: the print PDF and the web page (one self-contained .html)."""


def _sorted_mapping(value: Mapping[str, str]) -> dict[str, str]:
    return dict(sorted(value.items()))


def parse_formats(spec: str | Sequence[str]) -> tuple[str, ...]:
    """Output formats from "pdf", "html", "pdf,html" (or a list of them), in `FORMATS` order; else BuildError."""
    words = spec.split(",") if isinstance(spec, str) else list(spec)
    names = [w.strip().lower() for w in words if w.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        given = spec if isinstance(spec, str) else ",".join(spec)
        raise BuildError(f"输出格式应为 {'、'.join(FORMATS)} 之一或以逗号连写（如 pdf,html），实际为“{given}”")
    return tuple(f for f in FORMATS if f in names)


@attrs.frozen
class BuildOptions:
    """How to build: refuse on 错误 unless `force`; font files by role; a fixed creation date; the profile;
    the output `formats` (pdf, html).

    Fonts given here win over those named in the data file's `[publication.fonts]`; a `profile` name
    given here wins over the data file's `[publication] profile` (empty: the data's, else the default).
    """

    force: bool = False
    profile: str = ""
    fonts: Mapping[str, str] = attrs.field(factory=dict, converter=_sorted_mapping)
    geometry: str = "gbt9704"
    created: dt.datetime | None = None
    formats: tuple[str, ...] = attrs.field(default=("pdf",), converter=parse_formats)


@attrs.frozen
class BuildResult:
    """What a build produced: the PDF bytes and page count, the web page, and the checker's findings.

    A format not asked for in `BuildOptions.formats` is left empty (b"", 0 pages).
    """

    pdf: bytes
    pages: int
    findings: tuple[Finding, ...]
    html: bytes = b""

    def outputs(self) -> dict[str, bytes]:
        """Each produced format's bytes by format name."""
        return {name: data for name, data in (("pdf", self.pdf), ("html", self.html)) if data}


class RefusedError(BuildError):
    """The data has 错误 findings and the build was not forced."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        errors = sum(1 for f in findings if f.blocks_build)
        super().__init__(
            f"数据中有 {errors} 处未确认的错误，未生成 PDF（改正数据；或在 [[publication.accepted]] 中"
            "写明照此公开的理由；或用 --force 强制生成）"
        )


def render_pdf(report: Report, options: BuildOptions | None = None, source_text: str | None = None,
               base: Path | None = None) -> BuildResult:
    """Check `report`, then compose it once and write it in each of the options' formats (PDF by default);
    raises RefusedError on 错误 unless forced.

    Relative font paths in the data file are taken from `base`, the data file's folder, when given.
    """
    from juesuan_pdf.check import check
    from juesuan_pdf.compose import compose
    from juesuan_pdf.compose.profiles import for_report

    options = options or BuildOptions()
    for_report(report, options.profile or None)  # an unknown profile name fails before the costly steps
    findings = check(report, source_text)
    if not options.force and any(f.blocks_build for f in findings):
        raise RefusedError(findings)
    document = compose(report, options.profile or None)
    pdf = b""
    if "pdf" in options.formats:
        from juesuan_pdf.typeset import TypesetOptions, typeset

        fonts = {**resolve_fonts(report.publication.fonts, base), **options.fonts}
        try:
            pdf = typeset(document, TypesetOptions(geometry=options.geometry, fonts=fonts, created=options.created))
        except BuildError as exc:
            raise _placed(exc, set(options.fonts), source_text) from None
    html = render_html(document) if "html" in options.formats else b""
    return BuildResult(pdf, count_pages(pdf) if pdf else 0, tuple(findings), html)


def resolve_fonts(fonts: Mapping[str, str], base: Path | None) -> dict[str, str]:
    """Font paths written relative in a data file, made relative to the data file's folder `base`.

    A value without a folder separator or font suffix is an installed font's name and stays as it is.
    """
    if base is None:
        return dict(fonts)
    out = {}
    for role, value in fonts.items():
        path = Path(value.split("#")[0])
        looks_like_path = "/" in value or "\\" in value or path.suffix.lower() in (".ttf", ".ttc", ".otf")
        out[role] = str(base / value) if looks_like_path and not path.is_absolute() else value
    return out


def render_html(document: Document) -> bytes:
    """The document as one self-contained web page (UTF-8 HTML bytes): same headings, sentences and tables."""
    from juesuan_pdf.web import render_html as to_page

    return to_page(document)


def output_paths(output: str | os.PathLike[str], formats: Sequence[str]) -> dict[str, Path]:
    """Where each format goes: `output` with the format's suffix (公开/report.pdf → 公开/report.html)."""
    return {name: Path(output).with_suffix(f".{name}") for name in formats}


def write_outputs(result: BuildResult, output: str | os.PathLike[str]) -> list[Path]:
    """Write every produced format beside `output`, each atomically; the paths written."""
    paths = output_paths(output, list(result.outputs()))
    return [write_atomically(paths[name], data) for name, data in result.outputs().items()]


def _placed(exc: BuildError, command_line_roles: set[str], source_text: str | None) -> BuildError:
    """`exc` with the place in the data file it comes from: the font key and its line, or the keys and lines
    holding a character no font has."""
    from juesuan_pdf.load.paths import line_index, places_of

    role = getattr(exc, "role", "")
    if role and role in command_line_roles:
        return BuildError(f"{exc}（命令行 --font {role}=…）")
    if source_text is None:
        return exc
    if role:
        line = line_index(source_text).get(("publication", "fonts", role))
        at = f"（第{line}行）" if line else ""
        return BuildError(f"数据文件 publication.fonts.{role}{at}：{exc}")
    if isinstance(exc, MissingGlyphError):
        places = [f"  “{ch}”在数据文件 {key}（第{line}行）"
                  for ch in exc.chars for key, line in places_of(source_text, ch)]
        if places:
            return MissingGlyphError("\n".join([str(exc), *places]), exc.chars)
    return exc


def count_pages(pdf: bytes) -> int:
    """The number of pages of a PDF written by this library (the /Count of its page tree root).

    Outline dictionaries carry a /Count too (open bookmarks), which can exceed the pages: only page
    tree nodes (/Type /Pages) are counted, and the root is the largest of them.
    """
    import re

    nodes = re.findall(rb"<<[^<>]*/Type /Pages\b[^<>]*>>", pdf)
    counts = [int(m) for node in nodes for m in re.findall(rb"/Count (\d+)", node)]
    return max(counts, default=0)


def write_atomically(path: str | os.PathLike[str], data: bytes, *, parents: bool = False) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then rename: never half a file.

    With `parents`, the folder of `path` is created first (as the commands do for their output files).
    """
    target = Path(path)
    if parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BuildError(os_message(exc, target)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:  # a replaced file keeps its mode (hard links to it are not kept: the rename makes a new file)
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BuildError(os_message(exc, target)) from None  # "No space left on device" names no file itself
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def build(source: str | os.PathLike[str] | Report, output: str | os.PathLike[str],
          options: BuildOptions | None = None) -> BuildResult:
    """Load (if given a path), check, compose and typeset a report, and write the PDF atomically to `output`
    (and, with `formats` including "html", the web page beside it with the suffix .html)."""
    from juesuan_pdf.load import load_with_text

    folder = Path(output).parent
    if not folder.is_dir():
        # Fail before the costly layout, not after it.
        raise BuildError(f"输出文件夹不存在：{folder}")
    text = None
    if isinstance(source, Report):
        report = source
    else:
        report, text = load_with_text(source)
    result = render_pdf(report, options, text, None if isinstance(source, Report) else Path(source).parent)
    write_outputs(result, output)
    return result
