"""Layout: the document tree → pages of positioned items (`frames.Page`), without reportlab.

Pagination, keep-together rules, table splitting and the contents' page numbers all work on frames; the
writer (`typeset.writer`) then draws the pages. Fonts come in through `text.Fonts`.
"""
