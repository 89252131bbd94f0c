"""第四部分 附件: the evaluation reports and the self-evaluation forms (绩效自评表) as doc blocks.

附件1 is the department's evaluation report followed by its 附表 (the 部门整体 form, the 转移支付 forms and
the 项目 forms); 附件2 holds the project evaluation reports. The 附件 labels and report titles go into the
outline; report section headings do not (their numbering is the department's own, irregular, E24).

Each form is one `doc.Table` laid out as the official form (SPEC §5): header block, funding block, goals vs
completion, the indicator block with 一级/二级 指标 merged over their rows, and the 自评得分 row. Its first
row (the project or department names) is the header row, repeated on continuation pages so a reader
always knows which form continues; merged labels cut by a page break repeat with （续） (typesetter).
Every form starts on a new page, as the published forms do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Protocol

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Block, Cell, Column, Heading, PageBreak, Para, Row, Table
from juesuan_pdf.model.performance import (
    DepartmentSelfEvaluation,
    EvaluationReport,
    Funding,
    FundingRow,
    Indicator,
    Performance,
    ProjectSelfEvaluation,
    TransferSelfEvaluation,
)

FUND_LABELS: tuple[tuple[str, float], ...] = (
    ("annex.fund.total", 0.0),
    ("annex.fund.fiscal", 0.0),
    ("annex.fund.general_budget", 1.0),
    ("annex.fund.gov_fund", 1.0),
    ("annex.fund.state_capital", 1.0),
    ("annex.fund.other", 0.0),
)
"""The six fund lines of the 部门整体/项目 forms (profile keys) with their indent (em), as the form prints them."""

TRANSFER_FUND_LABELS: tuple[tuple[str, float], ...] = (
    ("annex.transfer_fund.total", 0.0),
    ("annex.transfer_fund.central", 0.0),
    ("annex.transfer_fund.local", 3.0),
    ("annex.transfer_fund.other", 3.0),
)
"""The 资金投入情况 lines of the 转移支付 form; 地方/其他 align under 中央 (after 其中：)."""

PROJECT_VALUE_HEADS = ("annex.value.target", "annex.value.actual", "annex.value.note")
"""Heads of the value columns of the 部门整体 and 项目 indicator blocks (profile keys)."""

TRANSFER_VALUE_HEADS = ("annex.transfer_value.target", "annex.transfer_value.actual", "annex.transfer_value.note")
"""The 转移支付 form words its value columns differently (SPEC §5)."""

MANAGEMENT_LABELS = tuple(f"annex.management.{n}" for n in range(1, 8))
"""The seven 资金管理情况 aspects of the 转移支付 form, in the order of `FundManagement.items()`."""

# Column grids. 7 columns: block label | 一级 | 二级 | 三级 | 指标值 | 完成值 | 偏差原因. The 部门整体 form has
# an extra `指标N：` column before the 三级 name. Spare width goes by weight to columns whose text is wrapping,
# and the long goal texts span the label columns too: label columns get tiny weights so they stay at their
# label minimum (labels wrap into 2–3 lines, as on the printed form) and the width goes to the indicator
# names and the explanations.
_LABEL = Column(0.05, 4)
# The 项目 forms' notes are mostly blank, but a note that is there runs to a sentence or two ("受区上编制
# 总数限制，共招录60人…"): at 5 em it stood 7 lines tall beside "=90人"; 6 em and a larger share of the
# spare width keep such rows short. The value columns give up the em that takes (≥1300人 needs 4): the
# seven columns' floors must stay within the text block at the table size (五号), or the form shrinks.
SEVEN_COLUMNS = (  # 项目 and 转移支付 forms: names long, notes sometimes long
    _LABEL,
    _LABEL,
    Column(0.1, 4),
    Column(4.0, 8),
    Column(1.2, 4),
    Column(1.2, 4),
    Column(2.5, 6),
)
EIGHT_COLUMNS = (  # 部门整体 form: long notes (偏差原因) next to long names
    _LABEL,
    _LABEL,
    Column(0.1, 4),
    Column(0.05, 4),
    Column(3.0, 7),
    Column(1.0, 5),
    Column(1.0, 5),
    Column(2.5, 6),
)


class _HasPerformance(Protocol):
    """What this part reads from the report root: its year and its annex data."""

    @property
    def year(self) -> int: ...

    @property
    def performance(self) -> Performance: ...


def build(report: _HasPerformance, profile: Profile) -> list[Block]:
    """第四部分 附件 on its own (for tests): part heading, then `body`; [] without data."""
    blocks = body(report, profile)
    spec = next(p for p in profile.parts if p.key == "annexes")
    heading = f"{profile.part_number('annexes')} {spec.title}"
    return [Heading(0, heading, key="part-4", page_break_before=True), *blocks] if blocks else []


def build_part(report: _HasPerformance, profile: Profile) -> list[Block]:
    """The part's content as a profile's part builder."""
    return body(report, profile)


def body(report: _HasPerformance, profile: Profile) -> list[Block]:
    """The part's content: 附件1 (report and 附表 forms), 附件2 (project reports); [] without data."""
    perf = report.performance
    annex_one = _annex_one(perf, report.year, profile)
    annex_two = _annex_two(perf, len(annex_one) > 0, profile)
    return [*annex_one, *annex_two]


# ---------------------------------------------------------------------------------------- annexes
def _annex_one(perf: Performance, year: int, profile: Profile) -> list[Block]:
    """附件1: the department's report, then the 附表 line and every self-evaluation form."""
    forms = _forms(perf, year, profile)
    if perf.department_report is None and not forms:
        return []
    blocks: list[Block] = [Heading(1, profile.label("annex.label").format(n=1), key="annex-1")]
    if perf.department_report is not None:
        blocks += report_blocks(perf.department_report, "annex-1-report")
    if forms:
        schedule = profile.label("annex.schedule").format(year=year)
        blocks += [PageBreak(), Para.of(schedule, "plain", bold=True), *forms]
    return blocks


def _annex_two(perf: Performance, after_annex_one: bool, profile: Profile) -> list[Block]:
    """附件2: the project evaluation reports, each under its own title."""
    if not perf.project_reports:
        return []
    title = profile.label("annex.label").format(n=2)
    blocks: list[Block] = [Heading(1, title, key="annex-2", page_break_before=after_annex_one)]
    for number, item in enumerate(perf.project_reports, 1):
        blocks += report_blocks(item, f"annex-2-report-{number}")
    return blocks


def _forms(perf: Performance, year: int, profile: Profile) -> list[Block]:
    """The 附表 forms in the published order, each starting on a new page (the first follows the 附表 line)."""
    tables: list[Table] = []
    if perf.department_table is not None:
        tables.append(department_table(perf.department_table, profile))
    tables += [transfer_table(t, n, profile) for n, t in enumerate(perf.transfer_tables, 1)]
    tables += [project_table(t, n, profile) for n, t in enumerate(perf.project_tables, 1)]
    blocks: list[Block] = []
    for table in tables:
        if blocks:
            blocks.append(PageBreak())
        if table.key == "annex-1-department" and perf.department_table is not None:
            # The 部门整体 form has its own title and period lines above the grid.
            blocks += [
                Para.of(perf.department_table.title, "subtitle"),
                Para.of(profile.label("annex.period").format(year=year), "center"),
            ]
        blocks.append(table)
    return blocks


def report_blocks(report: EvaluationReport, key: str) -> list[Block]:
    """A written report: its title (outline level 2, a centred title line), then each section's heading and text."""
    blocks: list[Block] = [Heading(2, report.title, key=key, centered=True)]
    for number, section in enumerate(report.sections, 1):
        heading = Heading(section.level, section.heading, key=f"{key}-s{number}", outline=False, toc=False)
        blocks.append(heading)
        blocks += [Para.of(text) for text in section.paragraphs]
    return blocks


# ---------------------------------------------------------------------------------------- cells
def written(amount: Decimal | None) -> str:
    """An amount as the form prints it: as written in the data (`1948.3`, `70`), blank when absent."""
    return "" if amount is None else format(amount, "f")


def rate_text(row: FundingRow) -> str:
    """执行率 as the form prints it (`87.26%`), blank when it cannot be computed."""
    rate = row.rate
    return "" if rate is None else f"{format(rate, 'f')}%"


def score_text(score: Decimal, profile: Profile) -> str:
    """The closing row of a form: `自评得分：86分`."""
    return profile.label("annex.score").format(score=format(score, "f"))


def head(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    """A printed form label (column heads, 主管部门 …): centred."""
    return Cell(text, colspan=colspan, rowspan=rowspan, kind="label")


def text(value: str, colspan: int = 1, indent: float = 0.0) -> Cell:
    """A cell of free text: top-left."""
    return Cell(value, colspan=colspan, kind="text", indent=indent)


def _heads(profile: Profile, keys: Sequence[str]) -> tuple[Cell, ...]:
    """One head cell per profile word `keys`."""
    return tuple(head(profile.label(k)) for k in keys)


def money(amount: Decimal | None) -> Cell:
    """An amount cell: right-aligned."""
    return Cell(written(amount), kind="money")


def rate(row: FundingRow) -> Cell:
    """An execution-rate cell: right-aligned like the amounts."""
    return Cell(rate_text(row), kind="money")


# ---------------------------------------------------------------------------------------- blocks of a form
def funding_rows(funding: Funding, label_span: int, title: str, profile: Profile) -> list[Row]:
    """项目（政策）资金 block: the column heads, then the six fund lines (label, 年初, 全年, 执行, 执行率)."""
    w = profile.label
    heads: Row = (
        head(w("annex.funding"), rowspan=1 + len(FUND_LABELS)),
        head(w("annex.budget_year"), colspan=label_span),
        head(w("annex.initial_budget")),
        head(w("annex.annual_budget")),
        head(w("annex.executed")),
        head(title),
    )
    lines = [
        (
            text(w(name), colspan=label_span, indent=indent),
            money(r.initial_budget),
            money(r.annual_budget),
            money(r.executed),
            rate(r),
        )
        for (name, indent), r in zip(FUND_LABELS, funding.rows(), strict=True)
    ]
    return [heads, *lines]


def goal_rows(label: str, heads: tuple[str, str], texts: tuple[str, str], spans: tuple[int, int]) -> list[Row]:
    """Goals vs completion: a merged label over two rows, two column heads, then the two texts."""
    return [
        (head(label, rowspan=2), head(heads[0], colspan=spans[0]), head(heads[1], colspan=spans[1])),
        (text(texts[0], colspan=spans[0]), text(texts[1], colspan=spans[1])),
    ]


def runs(values: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, length, value) of each run of equal neighbours: the vertical merges of a label column.

    >>> runs(["产出指标", "产出指标", "效益指标"])
    [(0, 2, '产出指标'), (2, 1, '效益指标')]
    """
    out: list[tuple[int, int, str]] = []
    for index, value in enumerate(values):
        if out and out[-1][2] == value:
            start, length, _ = out[-1]
            out[-1] = (start, length + 1, value)
        else:
            out.append((index, 1, value))
    return out


def indicator_rows(
    label: str, heads: Sequence[Cell], indicators: Sequence[Indicator], cells: Callable[[int, Indicator], Row]
) -> list[Row]:
    """The indicator block: heads under a merged block label, 一级 and 二级 merged over their rows.

    `cells(i, indicator)` gives the cells after 二级 (三级, 指标值, 完成值, 说明, and any numbering column).
    """
    rows: list[list[Cell]] = [[] for _ in indicators]
    for start, length, level1 in runs([i.level1 for i in indicators]):
        rows[start].append(Cell(level1, rowspan=length, kind="label"))
        group = indicators[start : start + length]
        for sub, sublength, level2 in runs([i.level2 for i in group]):
            rows[start + sub].append(Cell(level2, rowspan=sublength, kind="label"))
    body = [(*row, *cells(n, item)) for n, (row, item) in enumerate(zip(rows, indicators, strict=True))]
    return [(head(label, rowspan=1 + len(indicators)), *heads), *body]


def _values(item: Indicator) -> Row:
    """三级指标 name, 指标值, 完成值, 说明: the text cells of an indicator row."""
    return (text(item.name), text(item.target), text(item.actual), text(item.note))


def _table(columns: tuple[Column, ...], rows: list[Row], key: str) -> Table:
    """A form: its first row is the header row that repeats on continuation pages."""
    return Table(columns=columns, header_rows=tuple(rows[:1]), body_rows=tuple(rows[1:]), key=key)


# ---------------------------------------------------------------------------------------- the forms
def department_table(form: DepartmentSelfEvaluation, profile: Profile) -> Table:
    """部门整体支出绩效目标自评表 (8 columns: the 指标N： numbering has its own column)."""
    numbers = form.indicator_numbers()
    w = profile.label
    rows: list[Row] = [
        (
            head(w("annex.competent")),
            text(form.competent_department, 3),
            head(w("annex.implementing")),
            text(form.implementing_unit, 3),
        ),
        # The reference prints "执行率（%)", a full-width bracket closed by an ASCII one: paired in the profile.
        *funding_rows(form.funding, 3, w("annex.rate_department"), profile),
        *goal_rows(
            w("annex.department_goal"), (w("annex.goal_year"), w("annex.done")), (form.goal, form.achieved), (4, 3)
        ),
        *indicator_rows(
            w("annex.department_indicators"),
            (
                head(w("annex.level1")),
                head(w("annex.level2")),
                head(w("annex.level3"), 2),
                *_heads(profile, PROJECT_VALUE_HEADS),
            ),
            form.indicators,
            lambda n, item: (text(w("annex.indicator_no").format(n=numbers[n])), *_values(item)),
        ),
        (text(score_text(form.score, profile), 8),),
    ]
    return _table(EIGHT_COLUMNS, rows, "annex-1-department")


def project_table(form: ProjectSelfEvaluation, number: int, profile: Profile) -> Table:
    """项目支出绩效自评表 of one project (7 columns)."""
    w = profile.label
    rows: list[Row] = [
        (head(w("annex.project_name")), text(form.name, 6)),
        (
            head(w("annex.competent")),
            text(form.competent_department, 3),
            head(w("annex.implementing")),
            text(form.implementing_unit, 2),
        ),
        *funding_rows(form.funding, 2, w("annex.rate"), profile),
        *_goals_to_score(form, profile, ("annex.project_goal", "annex.expected"), PROJECT_VALUE_HEADS),
    ]
    return _table(SEVEN_COLUMNS, rows, f"annex-1-project-{number}")


def _goals_to_score(
    form: ProjectSelfEvaluation | TransferSelfEvaluation,
    profile: Profile,
    goal_keys: tuple[str, str],
    value_heads: Sequence[str],
) -> list[Row]:
    """The 7-column forms' last rows: goals vs completion (label and expected-column words `goal_keys`), the
    indicator block (value columns headed by the profile words `value_heads`), and the score."""
    w = profile.label
    return [
        *goal_rows(w(goal_keys[0]), (w(goal_keys[1]), w("annex.achieved")), (form.goal, form.achieved), (3, 3)),
        *indicator_rows(
            w("annex.indicators"),
            _heads(profile, ("annex.level1", "annex.level2", "annex.level3", *value_heads)),
            form.indicators,
            lambda _, item: _values(item),
        ),
        (text(score_text(form.score, profile), 7),),
    ]


def transfer_table(form: TransferSelfEvaluation, number: int, profile: Profile) -> Table:
    """转移支付（项目）自评表 (7 columns): names, 资金投入, 资金管理, goals, indicators, score."""
    w = profile.label
    rows: list[Row] = [
        (head(w("annex.transfer_name")), text(form.name, 6)),
        (head(w("annex.central_department")), text(form.central_department, 6)),
        (
            head(w("annex.local_department")),
            text(form.local_department, 3),
            head(w("annex.user_unit")),
            text(form.user_unit, 2),
        ),
        *transfer_funding_rows(form, profile),
        *management_rows(form, profile),
        *_goals_to_score(form, profile, ("annex.transfer_goal", "annex.overall_goal"), TRANSFER_VALUE_HEADS),
    ]
    return _table(SEVEN_COLUMNS, rows, f"annex-1-transfer-{number}")


def transfer_funding_rows(form: TransferSelfEvaluation, profile: Profile) -> list[Row]:
    """资金投入情况（万元）: column heads (A, B, B/A), then 年度资金总额 and its sources."""
    w = profile.label
    heads: Row = (
        head(w("annex.transfer_funding"), rowspan=1 + len(TRANSFER_FUND_LABELS)),
        head("", 3),
        head(w("annex.transfer_annual")),
        head(w("annex.transfer_executed")),
        head(w("annex.transfer_rate")),
    )
    lines = [
        (text(w(name), 3, indent), money(r.annual_budget), money(r.executed), rate(r))
        for (name, indent), r in zip(TRANSFER_FUND_LABELS, form.funding.rows(), strict=True)
    ]
    return [heads, *lines]


def management_rows(form: TransferSelfEvaluation, profile: Profile) -> list[Row]:
    """资金管理情况: column heads, then the seven aspects with 情况说明 and 存在问题和改进措施."""
    w = profile.label
    heads: Row = (
        head(w("annex.management"), rowspan=1 + len(MANAGEMENT_LABELS)),
        head(""),
        head(w("annex.explanation"), 3),
        head(w("annex.problems"), 2),
    )
    lines = [
        (head(w(name)), text(item.explanation, 3), text(item.problems, 2))
        for name, item in zip(MANAGEMENT_LABELS, form.management.items(), strict=True)
    ]
    return [heads, *lines]
