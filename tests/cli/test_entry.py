"""The console entry point answers a Ctrl-C during its imports in Chinese, with exit 130."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

from juesuan_pdf import _entry


def test_interrupt_while_importing_the_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real_import = builtins.__import__

    def interrupted(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "juesuan_pdf.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "juesuan_pdf.cli", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    assert _entry.run() == 130
    out = capsys.readouterr().out
    assert "已中断（Ctrl-C）" in out
    assert "Traceback" not in out


def test_runs_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch_argv = ["juesuan-pdf", "--version"]
    old = sys.argv
    sys.argv = monkeypatch_argv
    try:
        with pytest.raises(SystemExit) as info:
            _entry.run()
    finally:
        sys.argv = old
    assert info.value.code == 0
    assert "juesuan-pdf" in capsys.readouterr().out
