"""The page: head (title, language, metadata, the inline style sheet), cover, contents, content."""

from __future__ import annotations

from importlib import resources

from juesuan_pdf import doc
from juesuan_pdf.web import blocks, charts, tables  # noqa: F401  (each registers its block kinds)
from juesuan_pdf.web.anchors import Slot, slots
from juesuan_pdf.web.dispatch import text, to_html


def style_sheet() -> str:
    """The page's style sheet (screen and print), inlined: the page requests nothing from anywhere."""
    return resources.files("juesuan_pdf.web").joinpath("style.css").read_text(encoding="utf-8")


def css_string(value: str) -> str:
    """`value` as a CSS string literal that cannot end the string or the style element."""
    escaped = "".join(f"\\{ord(ch):X} " if ch in '"\\<>\n\r' else ch for ch in value)
    return f'"{escaped}"'


def page_numbers(furniture: doc.Furniture) -> str:
    """Printed page numbers in the document's own format (e.g. — 5 —), none on the cover page."""
    before, _, after = furniture.page_number.partition("{n}")
    content = " ".join(p for p in (css_string(before) if before else "", "counter(page)",
                                   css_string(after) if after else "") if p)
    return (f"@media print {{ @page {{ @bottom-center {{ content: {content}; }} }} "
            "@page :first { @bottom-center { content: none; } } }")


def head(meta: doc.Metadata, furniture: doc.Furniture) -> str:
    """The `head`: charset, viewport, title, description and keywords, the style sheet with page numbers."""
    keywords = ",".join(meta.keywords)
    return (
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(meta.title)}</title>"
        + (f'<meta name="author" content="{text(meta.author)}">' if meta.author else "")
        + (f'<meta name="description" content="{text(meta.subject)}">' if meta.subject else "")
        + (f'<meta name="keywords" content="{text(keywords)}">' if keywords else "")
        + f'<meta name="generator" content="{text(meta.creator)}">'
        f"<style>{style_sheet()}\n{page_numbers(furniture)}</style></head>"
    )


def body(document: doc.Document, all_slots: list[Slot]) -> str:
    """Cover and contents first (outside `main`), then the content in reading order inside `main`."""
    before, inside = [], []
    for slot in all_slots:
        block = slot.block
        if isinstance(block, doc.Cover):
            before.append(to_html(block, slot))
        elif isinstance(block, doc.TableOfContents):
            before.append(blocks.contents_html(block, all_slots))
        else:
            inside.append(to_html(block, slot))
    if not any(isinstance(s.block, doc.Cover) for s in all_slots):
        before.insert(0, f'<header class="cover"><h1>{text(document.metadata.title)}</h1></header>')
    return "".join(before) + '<main id="main">' + "\n".join(inside) + "</main>"


def render_html(document: doc.Document) -> bytes:
    """The document as one self-contained HTML page (UTF-8 bytes)."""
    all_slots = slots(document.blocks)
    lang = document.metadata.lang or "zh-CN"
    page = (
        f'<!DOCTYPE html>\n<html lang="{text(lang)}">\n{head(document.metadata, document.furniture)}\n<body>\n'
        f"{body(document, all_slots)}\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
