"""A second, fictional department with what the reference lacks: 事业收入, 政府性基金, carry-overs,
decreases, budget ≠ actual, vehicles bought, trips abroad. It is consistent, so it builds without --force."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from juesuan_pdf.check import check
from juesuan_pdf.load import load

SYNTHETIC = Path(__file__).parents[1] / "examples" / "synthetic-county-education-2024" / "report.toml"


@pytest.fixture(scope="module")
def text(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("synthetic") / "out.pdf"
    done = subprocess.run([sys.executable, "-m", "juesuan_pdf", "build", str(SYNTHETIC), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in raw.splitlines() if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line)]
    return re.sub(r"\s+", "", "".join(lines))


def test_consistent_data_has_no_findings() -> None:
    assert check(load(SYNTHETIC)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年度收、支总计均为13670万元。与2023年度相比，收、支总计各减少430万元，下降3%。",
        "事业收入800万元，占6.1%",
        "完成全年预算的97.3%。决算数小于预算数的主要原因是部分学前教育保教费补助按实际在园人数结算。",
        "决算数大于预算数的主要原因是使用上年结转资金支付校舍维修尾款。",
        "全年按规定更新购置公务用车1辆，其中：轿车0辆、金额0万元，越野车1辆、金额28.6万元",
        "本部门共有公务用车3辆，其中：轿车2辆、越野车1辆",
        "公务接待费支出决算比2023年减少1.5万元，下降10.7%。",
        "用于教育事业的彩票公益金支出（项）350万元",
        "比2023年度减少19.4万元，下降8.4%。",
        "应急保障用车1辆",
        "单价100万元（含）以上设备1台（套）。",
    ],
)
def test_variant_sentences(text: str, sentence: str) -> None:
    assert sentence in text


def test_no_annex_part_and_no_reference_to_it_without_annex_data(text: str) -> None:
    assert "报告详见附件" not in text
    assert "第四部分附表" in text and "第五部分" not in text  # parts are numbered among those present
