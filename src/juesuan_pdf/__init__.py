"""juesuan-pdf: 部门决算公开 documents from one data file."""

__version__ = "0.1.0"
