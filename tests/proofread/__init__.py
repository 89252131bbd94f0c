"""The project's proof-reading checks of a finished PDF, used by the end-to-end tests.

- `fidelity`: how much of a reference text (the published document, one paragraph, heading or cell a
  line) the PDF's extracted text reproduces, with the lines it misses;
- `audit`: the typographic audit a proof-reader would make: no line starting or ending with a mark the
  rules forbid there (避头尾, the typesetter's own `linebreak.NO_START`/`NO_END`), no —— or …… torn
  over a line end, justified body lines, nothing past the text block's edge, every font embedded with
  a ToUnicode map, an outline, a title and a language.

Both read the PDF only (pdfplumber, pypdf, poppler's pdftotext and pdffonts), never the typesetter's
state, so they judge what a reader gets.
"""
