"""The 13 公开表 as a spreadsheet workbook: export from the composed tables, import into a data file.

`export.py` writes the `doc.Table` objects compose makes for the PDF, so the workbook's figures are the
PDF's by construction; `read.py` turns any workbook (.xlsx, .xls, .ods) into plain grids; `locate.py`
finds each table and its columns by their words; `extract.py` reads the figures each table states;
`merge.py` writes them into the data file with tomlkit, keeping the file's comments and text.
No reportlab here.
"""
