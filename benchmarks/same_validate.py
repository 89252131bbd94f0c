#!/usr/bin/env python3
"""Record what `validate` and `check()` give on the examples and other data files, to compare two versions.

Usage:
    python benchmarks/same_validate.py record SRC OUT.json [DATA.toml …]
    python benchmarks/same_validate.py compare A.json B.json

`record` runs, with PYTHONPATH=SRC, `python -m juesuan_pdf validate [--quiet] DATA` for each data file
(stdout, stderr, exit code) and `check(report, text)` in one process (the findings' repr, or the load
error's). Default data: the bundled examples (name more files, e.g. departments of your own, after OUT.json).
`compare` lists every difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FINDINGS = """
import json, sys
from juesuan_pdf.check import check
from juesuan_pdf.load import load_with_text
out = {}
for name in sys.argv[1:]:
    try:
        report, text = load_with_text(name)
    except Exception as exc:  # a file that does not load: its error is the result
        out[name] = "error: " + repr(exc)
        continue
    out[name] = [repr(f) for f in check(report, text)] + ["second"] + [repr(f) for f in check(report, text)]
print(json.dumps(out, ensure_ascii=False))
"""


def data_files() -> list[str]:
    return sorted(str(p) for p in (ROOT / "examples").glob("*/report.toml"))


def record(src: str, out: str, files: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(Path(src).resolve())
    result: dict[str, object] = {}
    for name in files:
        for flags in ([], ["--quiet"]):
            done = subprocess.run([sys.executable, "-m", "juesuan_pdf", "validate", *flags, name],
                                  capture_output=True, env=env, check=False)
            result[" ".join(["validate", *flags, name])] = [done.stdout.decode(), done.stderr.decode(), done.returncode]
    done = subprocess.run([sys.executable, "-c", FINDINGS, *files], capture_output=True, env=env, check=True)
    result["check"] = json.loads(done.stdout)
    Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def compare(a: str, b: str) -> int:
    x, y = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (a, b))
    bad = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
    bad += [f"check {k}" for k in sorted(set(x["check"]) | set(y["check"])) if x["check"].get(k) != y["check"].get(k)]
    for k in bad:
        print("DIFFERENT:", k)
    print(f"{len(x) - 1} validate runs, {len(x['check'])} check() runs compared: "
          + ("identical" if not bad else f"{len(bad)} differ"))
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3], sys.argv[4:] or data_files())
    else:
        sys.exit(compare(sys.argv[2], sys.argv[3]))
