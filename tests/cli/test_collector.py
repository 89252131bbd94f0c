"""The command's own process runs without Python's cycle collector; batch workers turn it back on."""

from __future__ import annotations

import gc
import signal
import subprocess
import sys
from pathlib import Path

from juesuan_pdf import batch, collector

SCRIPT = """
import gc, sys
import juesuan_pdf._entry as entry
import juesuan_pdf.cli as cli
cli.main = lambda: print("collector on" if gc.isenabled() else "collector off") or 7
entry.script()
"""


def test_the_command_runs_without_the_cycle_collector() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.stdout.strip() == "collector off" and done.returncode == 7, done.stderr[-2000:]


MANY = """
import gc, sys
import juesuan_pdf._entry as entry
import juesuan_pdf.batch as batch
batch.run_tasks = lambda tasks, jobs, done: print(len(tasks), "collector on" if gc.isenabled() else "collector off")
sys.argv = ["juesuan-pdf", "validate", *sys.argv[1:]]
entry.script()
"""


def test_several_documents_are_handled_with_the_collector_on() -> None:
    examples = sorted(str(p) for p in (Path(__file__).parents[2] / "examples").glob("*/report.toml"))
    one = subprocess.run([sys.executable, "-c", MANY, examples[0]], capture_output=True, text=True)
    assert one.stdout.startswith("1 collector off"), one.stdout + one.stderr[-2000:]
    several = subprocess.run([sys.executable, "-c", MANY, *examples[:2]], capture_output=True, text=True)
    assert several.stdout.startswith("2 collector on"), several.stdout + several.stderr[-2000:]


def test_a_batch_worker_turns_the_collector_back_on() -> None:
    handler = signal.getsignal(signal.SIGINT)
    gc.disable()
    try:
        batch._warm()
        assert gc.isenabled()
    finally:
        signal.signal(signal.SIGINT, handler)
        gc.enable()


def test_paused_restores_the_collector_as_it_was() -> None:
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
