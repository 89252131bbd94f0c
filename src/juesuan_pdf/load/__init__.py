"""Loading report data files (TOML) into the model, with Chinese error messages naming each path."""

from juesuan_pdf.load.toml import load, load_with_text, loads

__all__ = ["load", "load_with_text", "loads"]
