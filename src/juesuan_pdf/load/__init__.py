"""Loading report data files (TOML) into the model, with Chinese error messages naming each path."""

from juesuan_pdf.load.toml import load, loads

__all__ = ["load", "loads"]
