"""The three examples of other kinds of department: each validates clean, builds without --force, and its PDF says
the sentences such a department's document says (read back from the PDF text)."""


from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from juesuan_pdf.check import check
from juesuan_pdf.load import load

EXAMPLES = Path(__file__).parents[1] / "examples"
HOSPITAL = EXAMPLES / "synthetic-county-hospital-2023" / "report.toml"
RESOURCES = EXAMPLES / "synthetic-county-natural-resources-2023" / "report.toml"
CULTURE = EXAMPLES / "synthetic-county-culture-tourism-2022" / "report.toml"


def pdf_text(path: Path, out: Path) -> str:
    """Build `path` without --force and read the PDF back as one string without page numbers or blanks."""
    done = subprocess.run([sys.executable, "-m", "juesuan_pdf", "build", str(path), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in raw.splitlines() if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line)]
    return re.sub(r"\s+", "", "".join(lines))


@pytest.mark.parametrize("path", [HOSPITAL, RESOURCES, CULTURE], ids=["hospital", "resources", "culture"])
def test_consistent_without_findings(path: Path) -> None:
    assert check(load(path)) == []


# ------------------------------------------------------------------------------------------------- the hospital
@pytest.fixture(scope="module")
def hospital(tmp_path_factory: pytest.TempPathFactory) -> str:
    return pdf_text(HOSPITAL, tmp_path_factory.mktemp("hospital") / "out.pdf")


@pytest.mark.parametrize(
    "sentence",
    [
        "某某县人民医院2023年度单位决算",
        "第一部分单位概况",
        "一、主要职责某某县人民医院是县卫生健康局所属的公益二类事业单位",
        "某某县人民医院属于二级预算单位，无下属二级预算单位。",
        "纳入2023年单位决算编制范围的单位为某某县人民医院。",
        "第二部分2023年度单位决算情况说明",
        "2023年度收、支总计均为33546.9万元。与2022年度相比，收、支总计各增加1726.5万元，增长5.4%。",
        "上级补助收入320万元，占1%；事业收入28650.4万元，占91.2%",
        "其他收入586.2万元，占1.9%",
        "3.公务接待费决算为0.42万元，年初未安排预算。公务接待费支出决算比2022年减少0.08万元，下降16%。主要原因是严格执行公务接待标准，压减接待批次。",
        "指单位用财政拨款安排的公务用车购置及运行费和公务接待费",
        "单位：某某县人民医院",
        "注：本表反映单位本年度的总收支和年末结转结余情况。",
    ],
)
def test_hospital_sentences(hospital: str, sentence: str) -> None:
    assert sentence in hospital


def test_hospital_never_says_zero_units_or_zero_percent_of_budget(hospital: str) -> None:
    assert "下属二级预算单位0个" not in hospital
    assert "完成预算的0%" not in hospital
    assert "1.主要职责。" not in hospital


# ---------------------------------------------------------------------------------------- the field offices
@pytest.fixture(scope="module")
def resources(tmp_path_factory: pytest.TempPathFactory) -> str:
    return pdf_text(RESOURCES, tmp_path_factory.mktemp("resources") / "out.pdf")


@pytest.mark.parametrize(
    "sentence",
    [
        "某某县自然资源和规划局部门属于一级预算单位，下属二级预算单位14个，其中行政单位12个，参照公务员法管理的事业单位1个，其他事业单位1个。",
        "某某县自然资源和规划局清水自然资源所、某某县不动产登记中心、某某县土地储备中心。",
        "2023年度政府性基金预算拨款支出5858万元，主要用于：城乡社区支出（类）国有土地使用权出让收入安排的支出（款）征地和拆迁补偿支出（项）4200万元；",
        "全年按规定更新购置公务用车2辆，其中：轿车0辆、金额0万元，越野车1辆、金额23.8万元",
        "本部门共有公务用车12辆，其中：轿车0辆、越野车5辆、小型客车3辆",
        "本部门共有车辆12辆，其中，副部（省）级及以上领导用车0辆、主要负责人用车1辆",
        "八、一般公共预算财政拨款基本支出决算明细表",
        "政府性基金预算财政拨款收入5800万元，占63.7%",
    ],
)
def test_resources_sentences(resources: str, sentence: str) -> None:
    assert sentence in resources


# -------------------------------------------------------------------------------------------------- 2022
@pytest.fixture(scope="module")
def culture(tmp_path_factory: pytest.TempPathFactory) -> str:
    return pdf_text(CULTURE, tmp_path_factory.mktemp("culture") / "out.pdf")


@pytest.mark.parametrize(
    "sentence",
    [
        "收、支总计各是4125.49、4143.91万元。与2021年相比，收、支总计各减少1267.86、2570.97万元，各下降23.51%、38.28%。",
        "2022年政府性基金预算财政拨款支出0万元。",
        "其他收入266.33万元，占6.46%。",
        "与2021年相比，一般公共预算财政拨款支出减少1132.72万元，下降22.6%。",
        "财政拨款收、支总计各减少1231.24万元，下降23.63%。",
        "外事接待支出0万元。八、政府性基金预算支出决算情况说明",
        "公务用车购置及运行维护费支出决算比2021年减少2.7万元，下降17.76%。主要原因是减少公务用车出行，车辆维修费用下降。",
        "（1）主要职能贯彻落实党的文化工作方针政策",
        "第四部分附表",
    ],
)
def test_culture_2022_sentences(culture: str, sentence: str) -> None:
    assert sentence in culture


def test_culture_2022_has_no_annex_and_a_deep_contents(culture: str) -> None:
    assert "附件" not in culture.split("第三部分名词解释")[0]
    contents = culture[: culture.index("第一部分部门概况一、部门职责（1）主要职能")]
    assert "（一）一般公共预算财政拨款支出决算总体情况" in contents
