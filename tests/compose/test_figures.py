"""图1–图7: captions as the reference prints them, values from the same model properties as the sentences."""

from __future__ import annotations

import functools
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

from juesuan_pdf.compose.charts import fig1, fig2, fig3, fig4, fig5, fig6, fig7
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.doc import BarChart, PieChart
from juesuan_pdf.load import load
from juesuan_pdf.model.finance import GrandTotals
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
P = SICHUAN_2023


@functools.cache
def example() -> Report:
    """The reference document as data."""
    return load(EXAMPLE)


CAPTIONS = [
    (fig1, BarChart, "图1：收支决算总计变动情况图"),
    (fig2, PieChart, "图2：收入决算结构图"),
    (fig3, PieChart, "图3：支出决算结构图"),
    (fig4, BarChart, "图4：财政拨款收、支决算总计变动情况"),
    (fig5, BarChart, "图5：一般公共预算财政拨款支出决算变动情况"),
    (fig6, PieChart, "图6：一般公共预算财政拨款支出决算结构"),
    (fig7, PieChart, "图7：“三公”经费财政拨款支出结构"),
]


@pytest.mark.parametrize(("module", "kind", "caption"), CAPTIONS, ids=[c[2][:3] for c in CAPTIONS])
def test_caption_and_kind(module, kind, caption):  # type: ignore[no-untyped-def]
    chart = module.build(example(), P)
    assert isinstance(chart, kind)
    assert chart.caption == caption
    assert chart.key == module.__name__.rsplit(".", 1)[-1]


def test_bar_charts_show_two_years_of_the_sentence_figures():
    r = example()
    one = fig1.build(r, P)
    assert one.categories == ("收入总计", "支出总计")
    assert [s.name for s in one.series] == ["2022年度", "2023年度"]
    assert one.series[0].values == (D("4228.88"), D("4228.88"))
    assert one.series[1].values == (r.income_grand_total, r.expenditure_grand_total)
    assert one.series[1].labels == ("4454.96", "4454.96")
    four = fig4.build(r, P)
    assert four.series[1].values == (r.fiscal_income_grand_total, r.fiscal_expenditure_grand_total)
    five = fig5.build(r, P)
    assert five.categories == ("一般公共预算财政拨款支出",)
    assert [s.values for s in five.series] == [(D("4228.88"),), (r.general_budget_total,)]


def test_bar_chart_without_prior_year_has_one_series():
    r = attrs.evolve(example(), totals=GrandTotals(prior=None))
    assert [s.name for s in fig1.build(r, P).series] == ["2023年度"]


def test_pie_charts_have_the_sentence_items_and_labels():
    r = example()
    income = fig2.build(r, P)
    assert [s.name for s in income.slices][:2] == ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入"]
    assert len(income.slices) == 8
    assert income.slices[0].label == "4454.96万元 100%"
    assert income.slices[1].label == "0万元 0%"
    spending = fig3.build(r, P)
    assert [(s.name, s.label) for s in spending.slices[:2]] == [
        ("基本支出", "1056.77万元 23.7%"), ("项目支出", "3398.25万元 76.3%")
    ]
    classes = fig6.build(r, P)
    assert [(s.name, s.value) for s in classes.slices] == [
        ("教育支出", D("112")), ("科学技术支出", D("7.2")), ("社会保障和就业支出", D("3943.86")),
        ("卫生健康支出", D("34.48")), ("农林水支出", D("283.1")), ("住房保障支出", D("74.32")),
    ]
    assert classes.slices[2].label == "3943.86万元 88.5%"
    sangong = fig7.build(r, P)
    assert [(s.name, s.label) for s in sangong.slices] == [
        ("因公出国（境）费", "0万元 0%"), ("公务用车购置及运行维护费", "0万元 0%"), ("公务接待费", "9.41万元 100%")
    ]


def test_pie_values_sum_to_their_whole_when_the_data_does():
    r = example()
    assert sum(s.value for s in fig3.build(r, P).slices) == r.expenditure.sum_of_kinds
    assert sum(s.value for s in fig7.build(r, P).slices) == r.sangong.actual.amount
