"""The command line as a user meets it: exit codes, Chinese messages, no tracebacks, no half-written PDFs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "juesuan_pdf", *args], capture_output=True, text=True, cwd=cwd)


def broken_copy(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("short_name =", "short_nmae =", 1)
    text = text.replace("general_budget = 4454.96", 'general_budget = "四千"', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    return bad


def test_version_and_help_are_chinese() -> None:
    assert run("--version").stdout.startswith("juesuan-pdf ")
    out = run("--help").stdout
    assert "用法：" in out and "生成 PDF" in out


def unaccepted_copy(tmp_path: Path) -> Path:
    """The example without its `[[publication.accepted]]` entries: its errors block the build again."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("[[publication.accepted]]", "[[publication_accepted]]")
    start = text.index("[[publication_accepted]]")
    end = text.index("\n\n", text.rindex("[[publication_accepted]]"))
    copy = tmp_path / "unaccepted.toml"
    copy.write_text(text[:start] + text[end:], encoding="utf-8")
    return copy


def test_validate_example_reports_known_errors_as_accepted() -> None:
    done = run("validate", str(EXAMPLE))
    assert done.returncode == 0, done.stdout
    out = done.stdout
    for figure in ("4454.98", "3943.88", "86.81", "4455.02"):
        assert figure in out
    assert out.count("[错误·已确认]") == 4 and "确认理由：照录原公开文本" in out
    assert "Traceback" not in done.stderr


def test_unaccepted_errors_exit_1(tmp_path: Path) -> None:
    done = run("validate", str(unaccepted_copy(tmp_path)))
    assert done.returncode == 1, done.stdout
    assert "[错误] 支出合计" in done.stdout and "共 4 处错误" in done.stdout


def test_broken_copy_names_each_key_and_exits_2(tmp_path: Path) -> None:
    done = run("validate", str(broken_copy(tmp_path)))
    assert done.returncode == 2
    assert "department.short_nmae" in done.stdout and "income.general_budget" in done.stdout
    assert "“四千”" in done.stdout
    assert "Traceback" not in done.stderr + done.stdout


def test_build_of_broken_copy_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    done = run("build", str(broken_copy(tmp_path)), "-o", str(out))
    assert done.returncode == 2 and not out.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_build_refuses_on_errors_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    done = run("build", str(unaccepted_copy(tmp_path)), "-o", str(out))
    assert done.returncode == 1 and not out.exists()
    assert "--force" in done.stdout


@pytest.mark.parametrize("path", ["/nonexistent/report.toml", "/"])
def test_bad_paths_are_messages_not_tracebacks(path: str) -> None:
    done = run("validate", path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "数据文件" in done.stdout


def test_build_to_unwritable_folder(tmp_path: Path) -> None:
    # A missing output folder is created; one that cannot be (its "parent" is a file) is a message.
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = run("build", str(EXAMPLE), "--force", "-o", str(tmp_path / "file" / "out.pdf"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "不是文件夹" in done.stdout


SYNTHETIC = Path(__file__).parents[2] / "examples" / "synthetic-county-education-2024" / "report.toml"


def test_validate_many_files_gives_the_worst_exit_code(tmp_path: Path) -> None:
    done = run("validate", str(SYNTHETIC), str(broken_copy(tmp_path)))
    assert done.returncode == 2
    assert f"{SYNTHETIC}（县教育局）：通过" in done.stdout and "未发现问题。" in done.stdout
    assert "department.short_nmae" in done.stdout


def test_build_many_files_into_a_folder_names_them_apart(tmp_path: Path) -> None:
    done = run("build", str(SYNTHETIC), str(EXAMPLE), "--force", "-o", str(tmp_path))
    assert done.returncode == 0, done.stdout
    names = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert names == ["2023-区人社局.pdf", "2024-县教育局.pdf"]


def test_build_many_files_needs_a_folder(tmp_path: Path) -> None:
    done = run("build", str(SYNTHETIC), str(EXAMPLE), "-o", str(tmp_path / "one.pdf"))
    assert done.returncode == 2 and "文件夹" in done.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (["foo"], "参数 命令：无效的选择 'foo'（可选：'validate', 'build',"),
    (["init", "--year", "abc"], "参数 --year：应为整数，实际为 'abc'"),
    (["build", "x.toml", "-j", "abc"], "参数 -j/--jobs：应为正整数，实际为“abc”"),
    (["build", "x.toml", "-j", "0"], "参数 -j/--jobs：应为至少 1 的整数，实际为 0"),
    (["build", "x.toml", "-j", "-2"], "参数 -j/--jobs：应为至少 1 的整数，实际为 -2"),
    (["build", "x.toml", "--fo", "a"], "选项 --fo 不明确，可能是 --force, --font, --format"),
    (["build"], "缺少必需的参数：数据文件"),
    (["--bogus"], "无法识别的参数：--bogus"),
    (["build", "x.toml", "--force=1"], "参数 --force：此选项不带值，多余的值 '1'"),
    (["next-year", "x.toml", "-o"], "参数 -o/--output：需要一个参数值"),
])
def test_command_line_mistakes_are_told_in_chinese(args: list[str], expected: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from juesuan_pdf.cli import main

    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    out = capsys.readouterr().out
    message = out.splitlines()[-1]
    assert "命令行有误：" + expected in message, message
    for english in ("invalid", "choose from", "expected", "argument", "ambiguous", "required", "unrecognized"):
        assert english not in message


def test_top_level_help_lists_the_commands_once_under_one_heading() -> None:
    lines = run("--help").stdout.splitlines()
    heading = lines.index("命令:")
    assert lines[heading + 1].split() == ["validate", "检查数据文件的格式和勾稽关系"]
    assert [line for line in lines if line.strip() == "命令"] == []
    assert sum(1 for line in lines if line.split()[:1] == ["build"]) == 1
