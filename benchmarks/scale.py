#!/usr/bin/env python3
"""Time and memory of builds that grow: the example with its report text or its annex N times over.

Usage: .venv/bin/python benchmarks/scale.py [--kind text|annex] [--factors 1 4 16] [--runs 1]

- `text`: every paragraph of the annex's evaluation reports written N times in a row (one paragraph N
  times as long: a long paragraph runs over many pages and is split at each of them).
- `annex`: the annex's self-evaluation forms and project reports repeated N times (N times the tables).

Each build runs in a fresh process (`--child`), which loads the example, scales it in memory and
typesets it; it reports its typesetting seconds, page count and peak resident memory. Time should grow
linearly with the pages: the last column is milliseconds per page, which should stay flat. Speed goals live here,
never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"


def scaled(report: object, kind: str, factor: int) -> object:
    """The example's report with its annex text or its annex forms and reports `factor` times over."""
    import attrs

    perf = report.performance  # type: ignore[attr-defined]
    if kind == "text":

        def longer(rep: object) -> object:
            sections = tuple(
                attrs.evolve(s, paragraphs=tuple(p * factor for p in s.paragraphs))
                for s in rep.sections  # type: ignore[attr-defined]
            )
            return attrs.evolve(rep, sections=sections)

        perf = attrs.evolve(
            perf,
            department_report=longer(perf.department_report) if perf.department_report else None,
            project_reports=tuple(longer(r) for r in perf.project_reports),
        )
    else:
        perf = attrs.evolve(
            perf,
            transfer_tables=perf.transfer_tables * factor,
            project_tables=perf.project_tables * factor,
            project_reports=perf.project_reports * factor,
        )
    return attrs.evolve(report, performance=perf)


def child(kind: str, factor: int) -> None:
    """One build in this process; prints a JSON line with seconds, pages and peak memory."""
    from juesuan_pdf.api import BuildOptions, render_pdf
    from juesuan_pdf.load import load

    report = scaled(load(EXAMPLE), kind, factor)
    start = time.perf_counter()
    cpu0 = time.process_time()
    result = render_pdf(report, BuildOptions(force=True))  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": result.pages, "peak_kib": peak}))


def run(kind: str, factor: int) -> dict[str, float]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(factor)],
                         check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kind", choices=["text", "annex"], default="text")
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    print(f"{'N':>4} {'pages':>6} {'typeset s':>10} {'CPU s':>8} {'peak MiB':>9} {'ms/page':>8}")
    for factor in args.factors:
        results = [run(args.kind, factor) for _ in range(args.runs)]
        seconds = statistics.median(r["seconds"] for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        peak = max(r["peak_kib"] for r in results) / 1024
        print(f"{factor:>4} {int(results[0]['pages']):>6} {seconds:>10.2f} {cpu:>8.2f} {peak:>9.0f} "
              f"{1000 * seconds / results[0]['pages']:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
