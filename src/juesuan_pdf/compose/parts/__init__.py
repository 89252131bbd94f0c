"""The parts of the document (第一部分 …), one module each: `build(report, profile) -> list[Block]`.

`annexes.py` and `tables_part.py` also offer `build` with their own part heading (for tests); the profile
wires their `build_part`, which gives the content only.
"""
