"""A process that typesets several documents reuses one font set per font choice, and the output does not
depend on what was typeset before (batch workers keep parsed fonts and measurements)."""

from __future__ import annotations

from juesuan_pdf import doc
from juesuan_pdf.typeset import TypesetOptions, _font_set, typeset


def _document(text: str) -> doc.Document:
    return doc.Document(doc.Metadata("示例"), (doc.Heading(1, "一、标题", "h1"), doc.Para.of(text)))


def test_one_font_set_serves_every_document_with_the_same_fonts() -> None:
    assert _font_set(TypesetOptions()) is _font_set(TypesetOptions())


def test_output_does_not_depend_on_earlier_documents() -> None:
    first = typeset(_document("第一份文件的正文，收入合计4454.96万元。"))
    typeset(_document("另一份文件：𠮷字由后备字体排出，支出合计12.5万元。" * 20))
    assert typeset(_document("第一份文件的正文，收入合计4454.96万元。")) == first


def test_the_cycle_collector_is_paused_while_typesetting_and_restored_after() -> None:
    import gc

    from juesuan_pdf.collector import paused as _no_cycle_collection

    assert gc.isenabled()
    with _no_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with _no_cycle_collection():
            raise RuntimeError("a build that fails")
    except RuntimeError:
        pass
    assert gc.isenabled()  # restored after a failure too
    gc.disable()
    try:
        typeset(_document("调用方自己关闭了回收器。"))
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
