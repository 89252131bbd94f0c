"""Document settings of `[publication]` and profile choice: each setting's default keeps today's words, each value
gives the sentence real documents print (checked here on the reference data; the examples' PDFs are read back in
tests/test_more_examples.py)."""
# ruff: noqa: E501  (sentences are quoted whole)

from __future__ import annotations

import functools
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.compose import compose
from juesuan_pdf.compose.charts import fig1
from juesuan_pdf.compose.parts import overview, tables_part
from juesuan_pdf.compose.profiles import DEFAULT, PROFILES, TemplateError, UnknownProfileError, for_report, named
from juesuan_pdf.compose.sections import (
    s01_totals,
    s04_fiscal,
    s05_general_budget,
    s06_basic,
    s07_sangong,
    s08_gov_fund,
)
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.doc import Heading, Para, Table, TableOfContents
from juesuan_pdf.errors import BuildError, LoadError
from juesuan_pdf.load import loads
from juesuan_pdf.model.department import Unit
from juesuan_pdf.model.finance import GrandTotals, Reception, SangongAmounts
from juesuan_pdf.model.money import quantize
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


@functools.cache
def example() -> Report:
    from juesuan_pdf.load import load

    return load(EXAMPLE)


def with_settings(report: Report | None = None, **settings: Any) -> Report:
    """`report` (default: the reference) with `[publication]` settings."""
    r = report or example()
    return attrs.evolve(r, publication=attrs.evolve(r.publication, **settings))


def profile(report: Report) -> Any:
    return for_report(report)


# ------------------------------------------------------------------------------------------------ profile choice
def test_default_profile_is_the_sichuan_instance() -> None:
    assert for_report(example()) == SICHUAN_2023 == DEFAULT
    assert PROFILES["四川2023"] is SICHUAN_2023


def test_profile_named_in_the_data_file() -> None:
    report = loads('year = 2023\n[department]\nname = "某局"\nshort_name = "某局"\n[publication]\nprofile = "四川2023"\n')
    assert report.publication.profile == "四川2023"
    assert for_report(report) == SICHUAN_2023


def test_unknown_profile_is_refused_in_chinese_with_the_known_names() -> None:
    with pytest.raises(UnknownProfileError) as info:
        named("北京2023")
    assert str(info.value) == "没有名为“北京2023”的文档样式（profile）；可用的有：四川2023"
    assert isinstance(info.value, BuildError)
    with pytest.raises(UnknownProfileError):
        compose(with_settings(profile="北京2023"))
    with pytest.raises(UnknownProfileError):
        compose(example(), "北京2023")


def test_defaults_leave_the_profile_as_it_is() -> None:
    assert for_report(with_settings()) == SICHUAN_2023


# ------------------------------------------------------------------------------------------- percent precision
def test_rounding_lives_in_money() -> None:
    assert quantize(D("38.28765"), 2, "截断") == D("38.28")
    assert quantize(D("38.28765"), 2) == D("38.29")
    assert quantize(D("23.5078"), 2, "截断") == D("23.50")


def test_change_rates_truncated_and_shares_rounded_to_two_places() -> None:
    report = with_settings(change_places=2, change_rounding="截断", share_places=2, share_rounding="四舍五入")
    p = profile(report)
    # 226.08 / 4228.88 = 5.34609…%: truncated 5.34; 4454.96 / 4454.96 share 100%; 1056.77 / 4454.96 = 23.7213…%
    assert "增加226.08万元，增长5.34%" in s01_totals.totals_sentence(report, p)
    assert "占本年支出合计的100%" in s05_general_budget.overall_sentence(report, p)
    assert p.rate(D("1056.77"), D("4454.96")) == "23.72%"
    rounded = with_settings(change_places=2)
    assert "增长5.35%" in s01_totals.totals_sentence(rounded, profile(rounded))


def test_trailing_zeros_kept_or_dropped() -> None:
    # 1006.8 / 4454.96 = 22.5998…% → 22.60; 4454.96 / 4454.96 → 100.00
    kept = with_settings(share_places=2, change_places=2, trailing_zero="保留")
    p = profile(kept)
    assert p.rate(D("1006.8"), D("4454.96")) == "22.60%"
    assert "占本年支出合计的100.00%" in s05_general_budget.overall_sentence(kept, p)
    assert "增加226.08万元，增长5.35%" in s01_totals.totals_sentence(kept, p)
    assert p.compare(D("105.3"), D("100"), s01_totals_comparison(), prev=2022) == "增加5.3万元，增长5.30%"
    dropped = with_settings(share_places=2, change_places=2, trailing_zero="去掉")
    assert profile(dropped).rate(D("1006.8"), D("4454.96")) == "22.6%"
    default = with_settings(share_places=2)
    assert profile(default).rate(D("1006.8"), D("4454.96")) == "22.6%"
    one_place = with_settings(trailing_zero="保留")
    assert profile(one_place).rate(D("1000"), D("4000")) == "25.0%"


def s01_totals_comparison() -> Any:
    from juesuan_pdf.compose.phrases import Comparison

    return Comparison("{change}", "持平")


def test_trailing_zero_read_from_the_data_file() -> None:
    report = loads('year = 2023\n[department]\nname = "某局"\nshort_name = "某局"\n[publication]\ntrailing_zero = "保留"\n')
    assert report.publication.trailing_zero == "保留"
    with pytest.raises(LoadError):
        loads('year = 2023\n[department]\nname = "某局"\nshort_name = "某局"\n[publication]\ntrailing_zero = "是"\n')


def test_default_percentages_are_one_decimal_half_up() -> None:
    assert "增加226.08万元，增长5.3%" in s01_totals.totals_sentence(example(), SICHUAN_2023)


# ------------------------------------------------------------------------------------ income ≠ expenditure totals
def _unequal_2022(**settings: Any) -> Report:
    """Figures of a real 2022 document: 本年收入合计 4125.49, 本年支出合计 4143.91, each with its own prior."""
    r = example()
    income = attrs.evolve(r.income, total=D("4125.49"))
    expenditure = attrs.evolve(r.expenditure, total=D("4143.91"))
    totals = GrandTotals(prior_income=D("5393.35"), prior_expenditure=D("6714.88"))
    return with_settings(
        attrs.evolve(r, year=2022, income=income, expenditure=expenditure, totals=totals), **settings
    )


def test_unequal_totals_each_compared_with_its_own_prior() -> None:
    report = _unequal_2022(totals_basis="本年合计", totals_wording="各是", prior_year_word="年", change_places=2)
    assert s01_totals.totals_sentence(report, profile(report)) == (
        "2022年度收、支总计各是4125.49、4143.91万元。与2021年相比，收、支总计各减少1267.86、2570.97万元，"
        "各下降23.51%、38.29%。"
    )


def test_published_rates_are_printed_as_stated() -> None:
    report = _unequal_2022(totals_basis="本年合计", totals_wording="各是", prior_year_word="年", change_places=2,
                           change_rounding="截断")
    report = attrs.evolve(report, totals=attrs.evolve(report.totals, income_rate=D("23.51"), expenditure_rate=D("38.28")))
    assert s01_totals.totals_sentence(report, profile(report)) == (
        "2022年度收、支总计各是4125.49、4143.91万元。与2021年相比，收、支总计各减少1267.86、2570.97万元，"
        "各下降23.51%、38.28%。"
    )


def test_unequal_totals_default_wording_states_them_apart() -> None:
    report = _unequal_2022(totals_basis="本年合计")
    assert s01_totals.totals_sentence(report, profile(report)).startswith(
        "2022年度收入总计4125.49万元，支出总计4143.91万元。与2021年度相比，收、支总计各减少1267.86、2570.97万元，各下降23.5%、38.3%。"
    )


def test_figure_1_shows_the_real_prior_expenditure() -> None:
    report = _unequal_2022(totals_basis="本年合计")
    chart = fig1.build(report, profile(report))
    prior, current = chart.series
    assert prior.values == (D("5393.35"), D("6714.88"))
    assert current.values == (D("4125.49"), D("4143.91"))


def test_old_prior_key_still_means_both() -> None:
    t = GrandTotals(prior=D("100"))
    assert (t.income_prior, t.expenditure_prior) == (D("100"), D("100"))
    assert GrandTotals(prior=D("100"), prior_expenditure=D("90")).expenditure_prior == D("90")


def test_fiscal_totals_with_their_own_priors() -> None:
    r = example()
    fiscal = attrs.evolve(r.fiscal, comparison=GrandTotals(prior_income=D("4000"), prior_expenditure=D("4100")))
    report = attrs.evolve(r, fiscal=fiscal)
    assert "财政拨款收、支总计各增加454.96、354.96万元，各增长11.4%、8.7%。" in s04_fiscal.fiscal_sentence(report, SICHUAN_2023)


# ------------------------------------------------------------------------------------------------- year words
def test_prior_year_word() -> None:
    report = with_settings(prior_year_word="年")
    p = profile(report)
    assert "与2022年相比，收、支总计各增加226.08万元" in s01_totals.totals_sentence(report, p)
    assert "与2022年相比，一般公共预算财政拨款支出" in s05_general_budget.overall_sentence(report, p)
    assert "公务用车购置及运行维护费支出决算与2022年持平" in "".join(s07_sangong.vehicle_sentences(report, p))
    both = with_settings(prior_year_word="年度")
    assert "公务接待费支出决算与2022年度持平" in "".join(s07_sangong.reception_sentences(both, profile(both)))


def test_fund_sentence_words() -> None:
    assert s08_gov_fund.expenditure_sentence(example(), SICHUAN_2023) == "2023年度政府性基金预算拨款支出0万元。"
    report = with_settings(fund_year_word="年", appropriation_word="预算财政拨款")
    assert s08_gov_fund.expenditure_sentence(report, profile(report)) == "2023年政府性基金预算财政拨款支出0万元。"


# -------------------------------------------------------------------------------------------------------- 三公
def _sangong(report: Report, **changes: Any) -> Report:
    return attrs.evolve(report, sangong=attrs.evolve(report.sangong, **changes))


def test_each_sangong_component_has_its_reason() -> None:
    r = _sangong(
        example(),
        prior=SangongAmounts(abroad=D("1"), vehicle_running=D("3"), reception=D("12")),
        abroad_reason="疫情后未安排出国团组",
        vehicles_reason="车辆运行费用下降",
        reception_reason="严格控制接待标准",
    )
    assert s07_sangong.abroad_sentences(r, SICHUAN_2023)[0].endswith("。主要原因是疫情后未安排出国团组。")
    assert s07_sangong.vehicle_sentences(r, SICHUAN_2023)[0].endswith("下降100%。主要原因是车辆运行费用下降。")
    assert s07_sangong.reception_sentences(r, SICHUAN_2023)[0].endswith("。主要原因是严格控制接待标准。")


def test_zero_foreign_reception() -> None:
    default = s07_sangong.reception_sentences(example(), SICHUAN_2023)[-1]
    assert default == "外事接待支出0万元，外事接待0批次，0人，共计支出0万元。"
    report = with_settings(zero_foreign_reception="简写")
    assert s07_sangong.reception_sentences(report, profile(report))[-1] == "外事接待支出0万元。"
    some = _sangong(report, foreign_reception=Reception(batches=1, persons=3, amount=D("0.5")))
    assert s07_sangong.reception_sentences(some, profile(some))[-1] == "外事接待支出0.5万元，外事接待1批次，3人，共计支出0.5万元。"


def test_a_budget_of_nothing() -> None:
    default = s07_sangong.vehicle_sentences(example(), SICHUAN_2023)[0]
    assert default.startswith("2.公务用车购置及运行维护费预算为0万元，支出决算为0万元，完成预算的0%。")
    report = with_settings(no_budget="年初未安排预算")
    p = profile(report)
    assert s07_sangong.vehicle_sentences(report, p)[0].startswith("2.公务用车购置及运行维护费决算为0万元，年初未安排预算。")
    assert "完成预算的0%" not in "".join(
        [s07_sangong.total_sentence(report, p), *s07_sangong.vehicle_sentences(report, p),
         *s07_sangong.reception_sentences(report, p)]
    )
    line = attrs.evolve(report.general_budget_lines[0], budget=D("0"), budget_note="")
    assert s05_general_budget.line_sentence(1, line, report, p).endswith(f"全年预算为0万元，支出决算为{line.actual}万元，年初未安排预算。")


# --------------------------------------------------------------------------------------- 部门 / 单位, 第一部分
def _single_unit() -> Report:
    r = example()
    dept = attrs.evolve(
        r.department, name="某某县人民医院", subject="单位", budget_level="二级预算单位",
        units=(Unit("某某县人民医院", "其他事业单位", own_level=True),),
    )
    return attrs.evolve(r, department=dept)


def test_a_single_unit_has_no_subordinate_count() -> None:
    r = _single_unit()
    assert overview.units_sentence(r, SICHUAN_2023) == "某某县人民医院属于二级预算单位，无下属二级预算单位。"
    assert overview.scope_sentence(r, SICHUAN_2023) == "纳入2023年单位决算编制范围的单位为某某县人民医院。"


def test_subject_unit_in_titles_tables_and_glossary() -> None:
    document = compose(_single_unit())
    texts = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert "第一部分 单位概况" in texts and "一、主要职责" in texts
    assert "第二部分 2023年度单位决算情况说明" in texts
    tables = [b for b in document.blocks if isinstance(b, Table) and b.key.startswith("table-")]
    assert tables[0].caption_left == "单位：某某县人民医院"
    assert tables[0].notes == ("注：本表反映单位本年度的总收支和年末结转结余情况。",)
    paras = "".join(b.text for b in document.blocks if isinstance(b, Para))
    assert "“三公”经费：指单位用财政拨款安排的" in paras
    assert document.metadata.title == "某某县人民医院2023年度单位决算"


def test_headings_from_the_data_and_no_numbered_duties() -> None:
    report = with_settings(headings={"overview.duties": "一、主要职能"}, numbered_duties=False)
    blocks = overview.build(report, profile(report))
    assert isinstance(blocks[0], Heading) and blocks[0].text == "一、主要职能"
    assert isinstance(blocks[1], Para)  # the paragraphs follow the heading directly
    assert not any(isinstance(b, Heading) and b.text.endswith("主要职能。") for b in blocks)
    numbered = with_settings(headings={"overview.item": "（{n}）{title}"})
    texts = [b.text for b in overview.build(numbered, profile(numbered)) if isinstance(b, Heading)]
    assert "（1）主要职能" in texts


def test_alternative_table_title() -> None:
    report = with_settings(table_titles={"8": "一般公共预算财政拨款基本支出决算明细表"})
    blocks = tables_part.body(report, profile(report))
    assert any(isinstance(b, Para) and b.text == "八、一般公共预算财政拨款基本支出决算明细表" for b in blocks)
    table = [b for b in blocks if isinstance(b, Table)][7]
    assert table.title == "一般公共预算财政拨款基本支出决算明细表"
    assert table.outline_text == "八、一般公共预算财政拨款基本支出决算明细表"


@pytest.mark.parametrize("levels", [1, 2, 3])
def test_toc_depth(levels: int) -> None:
    document = compose(with_settings(toc_levels=levels))
    toc = next(b for b in document.blocks if isinstance(b, TableOfContents))
    assert toc.levels == levels


def test_settings_load_from_the_data_file_with_chinese_errors() -> None:
    head = 'year = 2023\n[department]\nname = "某局"\nshort_name = "某局"\n[publication]\n'
    report = loads(head + 'change_places = 2\nchange_rounding = "截断"\nprior_year_word = "年"\n')
    assert (report.publication.change_places, report.publication.change_rounding) == (2, "截断")
    with pytest.raises(LoadError) as info:
        loads(head + 'change_rounding = "向上"\n')
    assert str(info.value) == "[错误] 数据文件 publication.change_rounding（第6行）：应为以下之一：“四舍五入”、“截断”，实际为文字 “向上”"


# ----------------------------------------------------------------------------------- sentence templates from data
def test_a_sentence_template_from_the_data() -> None:
    report = with_settings(sentences={"s06.public": "商品和服务支出"})
    assert s06_basic.basic_sentences(report, profile(report))[2].startswith("商品和服务支出86.8万元，主要包括：")


def test_template_errors_are_chinese_and_name_the_key() -> None:
    with pytest.raises(TemplateError) as info:
        for_report(with_settings(sentences={"s99": "x"}))
    assert str(info.value).startswith("[publication.sentences] 中的“s99”不是本样式的模板名称；可用的有：")
    with pytest.raises(TemplateError) as info:
        for_report(with_settings(headings={"overview.units": "二、{units}"}))
    assert str(info.value) == "[publication.headings] “overview.units” = “二、{units}” 用了此处没有的 {units}；此处可用：（无）"
    with pytest.raises(TemplateError):
        for_report(with_settings(sentences={"s06.public": "公用{"}))


# ------------------------------------------------------------------------------------------ CLI and API choice
def test_cli_profile_option_and_data_profile_are_refused_alike(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.toml"
    bad.write_text('year = 2023\n[department]\nname = "某局"\nshort_name = "某局"\n[publication]\nprofile = "北京"\n',
                   encoding="utf-8")
    message = "无法完成：没有名为“北京”的文档样式（profile）；可用的有：四川2023"
    for args in (["validate", str(bad)], ["build", str(bad), "-o", str(tmp_path / "x.pdf")],
                 ["build", "--profile", "北京", str(EXAMPLE), "-o", str(tmp_path / "y.pdf")]):
        done = subprocess.run([sys.executable, "-m", "juesuan_pdf", *args], capture_output=True, text=True)
        assert (done.returncode, done.stderr.strip().splitlines()[-1]) == (2, message)
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_api_profile_option(tmp_path: Path) -> None:
    from juesuan_pdf.api import BuildOptions, build

    with pytest.raises(UnknownProfileError):
        build(EXAMPLE, tmp_path / "z.pdf", BuildOptions(profile="北京"))
    assert not (tmp_path / "z.pdf").exists()


def test_totals_moving_apart_are_said_one_by_one() -> None:
    report = _unequal_2022(totals_basis="本年合计")
    report = attrs.evolve(report, totals=GrandTotals(prior_income=D("4000"), prior_expenditure=D("5000")))
    assert s01_totals.totals_sentence(report, profile(report)) == (
        "2022年度收入总计4125.49万元，支出总计4143.91万元。与2021年度相比，收入总计增加125.49万元，增长3.1%，"
        "支出总计减少856.09万元，下降17.1%。"
    )
    year = with_settings(report, prior_year_word="年")
    assert "与2021年相比，收入总计增加125.49万元" in s01_totals.totals_sentence(year, profile(year))


# -------------------------------------------------------------------------------------------- any combination
@settings(max_examples=25, deadline=None)
@given(
    change_places=st.sampled_from([1, 2]),
    change_rounding=st.sampled_from(["四舍五入", "截断"]),
    share_places=st.sampled_from([1, 2]),
    share_rounding=st.sampled_from(["四舍五入", "截断"]),
    prior_year_word=st.sampled_from([None, "年", "年度"]),
    no_budget=st.sampled_from([None, "年初未安排预算", "未安排预算"]),
    totals_wording=st.sampled_from([None, "分列", "各是"]),
    trailing_zero=st.sampled_from([None, "保留", "去掉"]),
)
def test_any_combination_of_settings_composes_with_its_own_percentages(**chosen: Any) -> None:
    report = with_settings(**chosen)
    document = compose(report)
    text = "".join(b.text for b in document.blocks if isinstance(b, Para))
    for rate in re.findall(r"(?:增长|下降)(\d+(?:\.\d+)?)%", text):
        assert len(rate.partition(".")[2]) <= chosen["change_places"]
    for rate in re.findall(r"占(?:[^0-9%]*?的)?(\d+(?:\.\d+)?)%", text):
        assert len(rate.partition(".")[2]) <= chosen["share_places"]
    if chosen["trailing_zero"] == "保留":  # every computed rate of 第二部分 with all its places (0% of nothing is a word)
        explanation = "".join(b.text for b in _part(document, "决算情况说明") if isinstance(b, Para))
        for rate in re.findall(r"(?:增长|下降)(\d+(?:\.\d+)?)%", explanation):
            assert len(rate.partition(".")[2]) == chosen["change_places"]
        for rate in re.findall(r"占(?:[^0-9%]*?的)?(\d+(?:\.\d+)?)%", explanation):
            assert rate == "0" or len(rate.partition(".")[2]) == chosen["share_places"]
    if chosen["no_budget"]:
        assert "完成预算的0%" not in text and f"，{chosen['no_budget']}" in text
    if chosen["prior_year_word"] == "年":
        assert "与2022年度" not in text and "较2022年度" not in text


def _part(document: Any, title: str) -> list[Any]:
    """The blocks of the part whose heading contains `title`."""
    found: list[Any] = []
    inside = False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 0:
            inside = title in block.text
        elif inside:
            found.append(block)
    return found


def test_a_table_title_for_no_table_is_refused() -> None:
    with pytest.raises(TemplateError) as info:
        for_report(with_settings(table_titles={"14": "某表"}))
    assert str(info.value) == "[publication.table_titles] 中的“14”不是公开表的表号；应为 1 到 13 的数字（如 8 = “某表”）"
    with pytest.raises(TemplateError):
        for_report(with_settings(table_titles={"八": "某表"}))


def test_labels_replace_form_words_by_key() -> None:
    from juesuan_pdf.compose.tables import t13_sangong

    report = with_settings(labels={"table.t13.reception": "公务接待费用"})
    heads = [c.text for row in t13_sangong.build(report, profile(report)).header_rows for c in row]
    assert heads.count("公务接待费用") == 2 and "公务接待费" not in heads
    with pytest.raises(TemplateError, match=r"labels\].*“table\.nothing”不是本样式的模板名称"):
        for_report(with_settings(labels={"table.nothing": "某"}))
    with pytest.raises(TemplateError, match=r"\{year\}"):
        for_report(with_settings(labels={"table.item": "{year}项目"}))
