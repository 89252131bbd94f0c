"""The long fuzz run: many hostile data files through validate, build and next-year, as a user runs them.

    .venv/bin/python -m tests.fuzz.run_long --files 1000 --jobs 2 --out /tmp/juesuan-fuzz

Files are derived from the bundled examples by `mutations.fuzzed_file` (hypothesis generates them). Each
file runs through the command's `main()` in a worker process (a process per command would spend most of
the time importing; `--subprocess` runs each command as its own process instead): `validate`; `build`
(with `--force` when validate found 错误; every fifth build with a damaged or wrong font file, every
fiftieth into an output folder that does not exist); `next-year`, whose output is validated again. A run
counts as a failure when it ends in a traceback or an internal error, its exit code is not 0/1/2, it runs
longer than the hang limit (60 s), it changes its input, it leaves a PDF although it failed, or next-year
writes a file that no longer parses. The summary goes to stdout and to `summary.json` in the output
folder; failing files are kept under `failures/`.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import multiprocessing
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from tests.fuzz.mutations import ROOT, fuzzed_file

HANG_SECONDS = 60


def generate(count: int, folder: Path) -> list[Path]:
    """`count` fuzzed data files written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fuzzed_file())
    def write(data: bytes) -> None:
        path = folder / f"{len(made):05d}.toml"
        path.write_bytes(data)
        made.append(path)

    write()
    return made


def bad_fonts(folder: Path) -> list[str]:
    """Font paths a build must refuse with a message: damaged, wrong kind, special files, missing."""
    folder.mkdir(parents=True, exist_ok=True)
    data = (ROOT / "fonts" / "NotoSansSC-Regular.ttf").read_bytes()
    (folder / "truncated.ttf").write_bytes(data[: len(data) // 3])
    (folder / "header.ttf").write_bytes(data[:12])
    (folder / "zero.ttf").write_bytes(b"")
    claims = bytearray(data)
    count = struct.unpack(">H", claims[4:6])[0]
    for k in range(count):
        if claims[12 + 16 * k: 16 + 16 * k] == b"head":
            offset = struct.unpack(">L", claims[20 + 16 * k: 24 + 16 * k])[0]
            claims[offset + 50: offset + 52] = b"\x00\x07"  # an unknown loca format
    (folder / "loca.ttf").write_bytes(bytes(claims))
    return [str(folder / n) for n in ("truncated.ttf", "header.ttf", "zero.ttf", "loca.ttf")] + [
        "/etc/passwd", "/dev/zero", str(folder), str(folder / "missing.ttf"), "not a font name at all"]


SUBPROCESS = False


class Hang(BaseException):
    """A command ran past the hang limit (raised by the alarm; no handler of the tool catches it)."""


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def run(args: list[str]) -> dict[str, object]:
    """One command: exit code, seconds, and what went wrong (if anything)."""
    start = time.monotonic()
    if SUBPROCESS:
        try:
            done = subprocess.run([sys.executable, "-m", "juesuan_pdf", *args], capture_output=True, text=True,
                                  timeout=HANG_SECONDS, errors="replace")
        except subprocess.TimeoutExpired:
            return {"code": None, "seconds": HANG_SECONDS, "problem": "hang"}
        code, out, err = done.returncode, done.stdout, done.stderr
    else:
        code, out, err = _in_process(args)
        if code is None:
            return {"code": None, "seconds": HANG_SECONDS, "problem": "hang"}
    seconds = round(time.monotonic() - start, 2)
    problem = ""
    if "Traceback" in err or "内部错误" in err:
        problem = "traceback"
    elif code not in (0, 1, 2):
        problem = f"exit {code}"
    elif "\x1b" in out + err:
        problem = "raw escape"
    return {"code": code, "seconds": seconds, "problem": problem, "stderr": err[-2000:]}


def _in_process(args: list[str]) -> tuple[int | None, str, str]:
    """`juesuan-pdf args` through cli.main in this process, with its output captured and a hang alarm."""
    import traceback

    from juesuan_pdf.cli import main

    os.environ["JUESUAN_DEBUG"] = "1"  # an internal error re-raised, so its traceback is recorded here
    out, err = io.StringIO(), io.StringIO()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: int | None = main(args)
    except Hang:
        code = None
    except SystemExit as exc:  # argparse
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        err.write(traceback.format_exc())
        code = 2
    finally:
        signal.alarm(0)
    return code, out.getvalue(), err.getvalue()


def exercise(path: Path, out: Path, fonts: list[str], number: int) -> list[dict[str, object]]:
    """validate, build and next-year on one file, with the checks of the module docstring."""
    original = path.read_bytes()
    results = []
    validate = run(["validate", str(path)])
    results.append({"command": "validate", **validate})
    pdf = out / "pdf" / f"{path.stem}.pdf"
    build = ["build", str(path), "-o", str(pdf)]
    if validate["code"] == 1:
        build.append("--force")
    if number % 5 == 4:
        build += ["--font", f"body={fonts[(number // 5) % len(fonts)]}"]
    if number % 50 == 49:
        build[3] = str(out / "no-such-folder" / "x.pdf")
    result = run(build)
    if result["code"] != 0 and Path(build[3]).exists():
        result["problem"] = result["problem"] or "pdf left after a failure"
    results.append({"command": " ".join(a for a in build[:1] + build[4:] if not a.startswith("body=")), **result})
    nxt = out / "next" / path.name
    result = run(["next-year", str(path), "-o", str(nxt)])
    results.append({"command": "next-year", **result})
    if result["code"] == 0:
        again = run(["validate", str(nxt)])
        if again["code"] == 2 and "TOML 格式错误" in str(again.get("stderr", "")):
            again["problem"] = again["problem"] or "next-year wrote a file that does not parse"
        results.append({"command": "validate next-year output", **again})
    if path.read_bytes() != original:
        results[-1]["problem"] = "input changed"
    for r in results:
        r["file"] = path.name
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/juesuan-fuzz"))
    parser.add_argument("--subprocess", action="store_true", help="run every command as its own process")
    args = parser.parse_args()
    global SUBPROCESS
    SUBPROCESS = args.subprocess
    shutil.rmtree(args.out, ignore_errors=True)
    for sub in ("pdf", "next", "failures"):
        (args.out / sub).mkdir(parents=True)
    files = generate(args.files, args.out / "files")
    fonts = bad_fonts(args.out / "fonts")
    start = time.monotonic()
    tasks = [(path, args.out, fonts, number) for number, path in enumerate(files)]
    if SUBPROCESS:
        with ThreadPoolExecutor(args.jobs) as threads:
            runs = [r for rs in threads.map(lambda t: exercise(*t), tasks) for r in rs]
    else:
        with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=100) as pool:
            runs = [r for rs in pool.starmap(exercise, tasks, chunksize=1) for r in rs]
    codes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in runs:
        codes[str(r["command"])][str(r["code"])] += 1
    failures = [r for r in runs if r["problem"]]
    for r in failures:
        shutil.copy(args.out / "files" / str(r["file"]), args.out / "failures" / str(r["file"]))
    summary = {
        "files": len(files),
        "commands run": len(runs),
        "wall seconds": round(time.monotonic() - start),
        "exit codes by command": {k: dict(v) for k, v in sorted(codes.items())},
        "problems": dict(collections.Counter(str(r["problem"]) for r in failures)),
        "slowest seconds": max((float(str(r["seconds"])) for r in runs), default=0),
        "failures": [{k: r[k] for k in ("file", "command", "code", "problem", "stderr") if k in r}
                     for r in failures[:50]],
    }
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "failures"}, ensure_ascii=False, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
