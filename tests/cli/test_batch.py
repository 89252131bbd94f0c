"""Many departments in one run: folders and patterns, worker processes, the summary and the report, the
names of the PDFs, old PDFs of failed departments, and outputs that must not clobber anything."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from juesuan_pdf.batch import Outcome, Task, run_one, run_tasks

ROOT = Path(__file__).parents[2]
SYNTHETIC = ROOT / "examples" / "synthetic-county-education-2024" / "report.toml"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "juesuan_pdf", *map(str, args)], capture_output=True, text=True)


def department(folder: Path, short_name: str, broken: bool = False) -> Path:
    """A copy of the synthetic example as department `short_name`, in `folder`/report.toml."""
    text = SYNTHETIC.read_text(encoding="utf-8").replace('short_name = "县教育局"', f'short_name = "{short_name}"')
    if broken:
        text = text.replace("general_budget = 12000", 'general_budget = "一万二"', 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "report.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_builds_in_parallel_into_a_new_folder_and_one_broken_file_fails_alone(tmp_path: Path) -> None:
    for n in (1, 2, 3):
        department(tmp_path / "各部门" / f"d{n}" / "2024", f"部门{n}")
    bad = department(tmp_path / "各部门" / "d4" / "2024", "坏部门", broken=True)
    out = tmp_path / "公开" / "2024"
    done = run("build", tmp_path / "各部门", "-j", "2", "-o", f"{out}/", "--report", tmp_path / "汇总.json")
    assert done.returncode == 2, done.stdout
    assert sorted(p.name for p in out.iterdir()) == ["2024-部门1.pdf", "2024-部门2.pdf", "2024-部门3.pdf"]
    summary = done.stdout[done.stdout.index("汇总"):]
    assert "坏部门" in summary and str(bad) in summary and "无法读取" in summary
    assert "共 4 份：3 份成功，1 份失败" in summary
    records = json.loads((tmp_path / "汇总.json").read_text(encoding="utf-8"))
    assert [r["结果"] for r in records] == ["已生成", "已生成", "已生成", "无法读取"]
    assert records[3]["数据文件"] == str(bad) and records[3]["退出码"] == 2
    assert all(r["页数"] > 10 for r in records[:3])
    assert "Traceback" not in done.stderr


def test_patterns_are_expanded_by_the_tool_and_the_report_can_be_csv(tmp_path: Path) -> None:
    for n in (1, 2):
        department(tmp_path / f"d{n}", f"部门{n}")
    done = run("validate", f"{tmp_path}/*/report.toml", "--quiet", "--report", tmp_path / "r.csv")
    assert done.returncode == 0, done.stdout
    assert "共 2 份：2 份成功" in done.stdout and "未发现问题" not in done.stdout  # --quiet
    csv = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0].startswith("部门,数据文件") and len(csv) == 3
    nothing = run("validate", f"{tmp_path}/*/missing.toml")
    assert nothing.returncode == 2 and "没有与" in nothing.stdout


def test_a_failed_department_leaves_no_old_pdf_under_its_name(tmp_path: Path) -> None:
    data = department(tmp_path / "d1", "部门1", broken=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "2024-部门1.pdf").write_bytes(b"%PDF old")
    other = department(tmp_path / "d2", "部门2", broken=True)
    done = run("build", data, other, "-o", out)
    assert done.returncode == 2
    assert not (out / "2024-部门1.pdf").exists()
    assert (out / "2024-部门1.pdf.旧版").read_bytes() == b"%PDF old"
    assert "旧 PDF 已改名为 2024-部门1.pdf.旧版" in done.stdout


def test_outputs_that_would_collide_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    a = department(tmp_path / "a" / "2024", "同名")
    b = department(tmp_path / "b" / "2024", "同名")
    done = run("build", a, b, "-o", tmp_path / "out")
    assert done.returncode == 2
    assert "输出同名" in done.stdout and str(a) in done.stdout and str(b) in done.stdout
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True


@pytest.mark.parametrize("target", ["data", "folder", "docx", "device", "fifo"])
def test_outputs_that_would_clobber_are_refused(tmp_path: Path, target: str) -> None:
    data = department(tmp_path, "部门")
    original = data.read_bytes()
    out = {"data": data, "folder": tmp_path, "docx": tmp_path / "x.docx", "device": Path("/dev/null"),
           "fifo": tmp_path / "pipe.pdf"}[target]
    if target == "fifo":
        os.mkfifo(out)
    if target == "data":
        pdf_named = tmp_path / "data.pdf"
        pdf_named.write_bytes(original)
        data, out = pdf_named, pdf_named
    done = run("build", data, "-o", out)
    if target == "folder":  # an existing folder is where the PDF goes, named after the department
        assert done.returncode == 0 and (tmp_path / "2024-部门.pdf").exists()
        return
    assert done.returncode == 2, done.stdout
    assert data.read_bytes() == original
    assert "Traceback" not in done.stderr
    if target == "fifo":
        assert stat.S_ISFIFO(out.stat().st_mode)


def test_trailing_slash_means_a_new_folder_and_a_replaced_pdf_keeps_its_mode(tmp_path: Path) -> None:
    data = department(tmp_path / "in", "部门")
    done = run("build", data, "-o", f"{tmp_path / 'new'}/")
    assert done.returncode == 0, done.stdout
    pdf = tmp_path / "new" / "2024-部门.pdf"
    assert pdf.is_file()
    pdf.chmod(0o600)
    assert run("build", data, "-o", pdf).returncode == 0
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600


def test_next_year_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    data = department(tmp_path, "部门")
    original = data.read_bytes()
    done = run("next-year", data, "-o", data)
    assert done.returncode == 2 and "输入文件" in done.stdout
    assert data.read_bytes() == original
    rolled = run("next-year", data, "-o", tmp_path / "2025.toml")
    assert rolled.returncode == 0 and "项标为“待填”" in rolled.stdout
    todo = run("validate", tmp_path / "2025.toml")
    assert todo.returncode == 1 and "待填写" in todo.stdout


def _dies_on_second(task: Task) -> Outcome:
    if task.source.endswith("2.toml"):
        os._exit(3)
    return Outcome(task.source, None, "ok", None, 0, 0, 0, "通过", 0.0)


def test_a_worker_that_dies_costs_only_its_own_file() -> None:
    tasks = [Task(f"/x/{n}.toml") for n in range(1, 5)]
    results: dict[int, Outcome] = {}
    run_tasks(tasks, 2, lambda n, o: results.__setitem__(n, o), job=_dies_on_second)
    assert [results[n].result for n in range(4)] == ["通过", "进程崩溃", "通过", "通过"]


def test_a_bug_in_one_job_is_its_outcome_not_an_exception(tmp_path: Path) -> None:
    outcome = run_one(Task(str(tmp_path / "missing.toml")))
    assert outcome.code == 2 and outcome.result == "无法读取"


def test_a_fifo_or_device_given_as_data_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    done = run("validate", fifo, "/dev/zero")
    assert done.returncode == 2
    assert done.stdout.count("不是普通文件") >= 2


def test_ctrl_c_finishes_the_documents_in_progress_and_exits_130(tmp_path: Path) -> None:
    import signal
    import time

    for n in range(1, 7):
        department(tmp_path / "in" / f"d{n}", f"部门{n}")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "juesuan_pdf", "build", str(tmp_path / "in"), "-j", "2",
                                "-o", f"{out}/"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and list(out.glob("*.pdf"))) and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr and "已中断" in stdout
    assert not [p for p in out.iterdir() if p.suffix != ".pdf"]  # no temporary files left behind


@pytest.mark.parametrize("option", [["--profile", "北京"], ["--name", "{foo}"], ["--font", "body"],
                                    ["--format", "docx"]])
def test_a_bad_option_is_refused_before_any_old_pdf_is_touched(tmp_path: Path, option: list[str]) -> None:
    data = department(tmp_path / "d1", "部门1")
    out = tmp_path / "out"
    out.mkdir()
    (out / "2024-部门1.pdf").write_bytes(b"%PDF old")
    done = run("build", data, "-o", f"{out}/", *option)
    assert done.returncode == 2
    assert done.stdout.startswith("无法完成："), done.stdout
    assert sorted(p.name for p in out.iterdir()) == ["2024-部门1.pdf"]
    assert (out / "2024-部门1.pdf").read_bytes() == b"%PDF old"
    assert "旧版" not in done.stdout


def test_outputs_that_collide_rename_their_old_pdf_and_html_like_a_failed_department(tmp_path: Path) -> None:
    a = department(tmp_path / "a" / "2024", "同名")
    b = department(tmp_path / "b" / "2024", "同名")
    out = tmp_path / "out"
    out.mkdir()
    (out / "2024-同名.pdf").write_bytes(b"%PDF old")
    (out / "2024-同名.html").write_text("old", encoding="utf-8")
    done = run("build", a, b, "-o", out, "--format", "pdf,html")
    assert done.returncode == 2
    assert sorted(p.name for p in out.iterdir()) == ["2024-同名.html.旧版", "2024-同名.pdf.旧版"]
    assert (out / "2024-同名.pdf.旧版").read_bytes() == b"%PDF old"
    summary = done.stdout[done.stdout.index("汇总"):]
    assert "输出同名" in summary
    assert "旧 PDF 已改名为 2024-同名.pdf.旧版" in summary and "旧 HTML 已改名为 2024-同名.html.旧版" in summary


def test_the_report_lists_every_file_written_and_none_for_a_failed_department(tmp_path: Path) -> None:
    good = department(tmp_path / "d1", "部门1")
    bad = department(tmp_path / "d2", "部门2", broken=True)
    out = tmp_path / "out"
    done = run("build", good, bad, "-o", f"{out}/", "--format", "pdf,html", "--report", tmp_path / "r.json")
    assert done.returncode == 2, done.stdout
    records = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert records[0]["输出"] == [str(out / "2024-部门1.pdf"), str(out / "2024-部门1.html")]
    assert records[1]["结果"] == "无法读取" and records[1]["输出"] == []
    again = run("build", good, bad, "-o", f"{out}/", "--format", "pdf,html", "--report", tmp_path / "r.csv")
    assert again.returncode == 2
    lines = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    column = lines[0].split(",").index("输出")
    assert lines[1].split(",")[column] == f"{out / '2024-部门1.pdf'}；{out / '2024-部门1.html'}"
    assert lines[2].split(",")[column] == ""


def test_an_unreadable_file_is_named_by_its_folder_and_its_reason_kept_on_one_summary_line(tmp_path: Path) -> None:
    for folder in ("某局/2024", "其他局"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "report.toml").write_text("year = 2024\n[department\n", encoding="utf-8")
    done = run("validate", tmp_path)
    assert done.returncode == 2
    summary = done.stdout[done.stdout.index("汇总"):].splitlines()
    rows = {line.split()[0]: line for line in summary if "无法读取" in line}
    assert set(rows) == {"某局/2024", "其他局"}
    assert all("表名应以 ] 结束" in row for row in rows.values())
    assert not any(line.lstrip().startswith(("2 |", "|")) for line in summary)  # the excerpt stays out
    assert "（其他局）：无法读取" in done.stdout and "report）" not in done.stdout
