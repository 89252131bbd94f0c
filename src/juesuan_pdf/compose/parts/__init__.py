"""The parts of the document (第一部分 …), one module each: `build(report, profile) -> list[Block]`.

`annexes.py` and `tables_part.py` take the report only and emit their own part heading.
"""
