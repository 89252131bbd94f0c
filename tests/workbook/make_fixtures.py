"""Regenerate the committed legacy-format fixtures (run once; needs LibreOffice for .xls and .ods).

    .venv/bin/python -m tests.workbook.make_fixtures

The .xlsx variants are made on the fly by the tests; .xls and .ods need a converter, so they are kept
as small files: the synthetic example's tables, codes split into 类/款/项, amounts in 元 (.xls) and the
plain layout without merged cells (.ods).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.workbook.conftest import FIXTURES, SYNTHETIC, load_report
from tests.workbook.variants import Layout, make_workbook

FIXTURE_LAYOUTS = {
    "synthetic-split-yuan.xls": Layout(split_codes=True, yuan=True, sheet_names=False),
    "synthetic-plain.ods": Layout(merges=False, shift=(1, 0)),
}


def main() -> None:
    """Write each fixture through LibreOffice's converter."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to write .xls/.ods fixtures")
    report = load_report(SYNTHETIC)
    FIXTURES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, layout in FIXTURE_LAYOUTS.items():
            source = Path(tmp) / (Path(name).stem + ".xlsx")
            source.write_bytes(make_workbook(report, layout))
            target = Path(name).suffix.lstrip(".")
            subprocess.run([soffice, "--headless", "--convert-to", target, "--outdir", tmp, str(source)],
                           check=True, capture_output=True)
            shutil.copy(Path(tmp) / name, FIXTURES / name)
            print(f"wrote {FIXTURES / name}")


if __name__ == "__main__":
    main()
