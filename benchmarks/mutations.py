"""How many one-figure typos the checker catches (issue 12): a mutation harness over the examples.

Every figure of each example's data file is changed, one at a time, the way a clerk mistypes it:

- `swap`  two adjacent digits exchanged (3398.25 → 3398.52),
- `shift` the decimal point moved one place (1056.77 → 10567.7),
- `stale` last year's figure kept (the item's prior-year value when the data holds one, else 7 % lower),
- `half`  half a 万元 off (86.8 → 87.3; counts and scores one off).

The changed report is checked and the typo counts as *named* when a finding that the original did not
give names the changed key (or the object holding it, e.g. one vehicle type for its count); as an
*错误* when such a finding is an 错误; as *hidden* when the only findings naming it are accepted.

Figures are split by whether the data states them twice or they must agree with others (`AGREE`, the
relations SPEC §7 and DOMAIN §6.1 draw); the others (a budget stated once, a count of trips) can be
caught only when some text states them again and are measured apart.

Consistent changes are measured too: an item and its total changed together, and a change within the
尾差 tolerance, must raise no new 错误.

    .venv/bin/python benchmarks/mutations.py              # all examples
    .venv/bin/python benchmarks/mutations.py --misses     # and list each typo not named as an 错误
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from pathlib import Path as FilePath
from typing import Any

from juesuan_pdf.check import check
from juesuan_pdf.check.years import stated_changes
from juesuan_pdf.errors import ERROR, Finding, LoadError
from juesuan_pdf.load import loads
from juesuan_pdf.load.paths import Path, line_index, line_of, render

ROOT = FilePath(__file__).parents[1]

AGREE = re.compile(
    r"^(income|expenditure|balances|fiscal\.carry_(in|out))\."
    r"|^general_budget\.(total|budget|class_totals)"
    r"|^accounts\[\]\.(basic|project|remit_upper|operating|subsidy_affiliated|budget|income|carry_in|carry_out)$"
    r"|^basic_expenditure\."
    r"|^project_expenditure\[\]\.amount$"
    r"|^procurement\.(goods|works|services|total|sme|goods_sme|works_sme|services_sme)$"
    r"|^sangong\.(actual\.(reception|vehicle_purchase)|vehicles_bought\..*\.amount|vehicles_held\.|"
    r"domestic_reception\.amount|foreign_reception\.amount)"
    r"|^assets\.vehicles\."
    r"|^performance\.(department|transfer|project)_tables?(\[\])?\.funding\."
    r"|^(totals|fiscal\.comparison)\.(income|expenditure)_rate$"
)
"""Figures in an equality with others, whatever else the data holds (path with list indexes as `[]`).

Figures held only by an inequality are not here: a prior-year total (一般公共预算 ≤ 财政拨款 ≤ 收支总计),
授予小微企业 (≤ 授予中小企业), 机关运行经费 (≤ 公用经费) — a typo that keeps the order is invisible, so
they count as stated twice only when the data states them again (`restated`). A form's score counts
when 十（四） or a report states it again (`cited_score`)."""

RESTATABLE = re.compile(
    r"^(totals|fiscal\.comparison)\.prior(_income|_expenditure)?$|^general_budget\.comparison\.prior$"
    r"|^running_cost\.(prior|amount)$|^procurement\.small_micro$|^department\.staffing\."
)
"""Figures stated once unless the data states them again (`restated`)."""


def restated(data: dict[str, Any], path: Path, value: Decimal | int) -> bool:
    """Whether the data states the figure at `path` a second time: a prior-year total by a stated change
    rate of its side or by its reason's stated change (`较上年减少252.45万元`, `下降9.5%`); any of these
    figures by a text writing its value with its unit (附件1's `授予小微企业合同金额0.52万元`, `总编制53名`).
    """
    key = pattern(path)
    if not RESTATABLE.search(key):
        return False
    section: Any = data
    for k in path[:-1]:
        section = section[k]
    field = str(path[-1])
    if field.startswith("prior"):
        sides = {"prior": ("income_rate", "expenditure_rate"), "prior_income": ("income_rate",),
                 "prior_expenditure": ("expenditure_rate",)}[field]
        if any(section.get(rate) is not None for rate in sides) or stated_changes(section.get("reason", "")):
            return True
    label, unit = next((lb, u) for k, (lb, u) in TEXT_LABELS.items() if key.startswith(k))
    written = "\n".join(t for p, t in text_leaves(data) if p[:1] != ("publication",))
    return re.search(rf"(?:{label})[^。；\d]{{0,12}}(?<![\d.]){re.escape(str(value))}{unit}", written) is not None


TEXT_LABELS = {
    "totals": ("收支总计|收入总计|支出总计", "万元"), "fiscal": ("财政拨款收支总计|财政拨款收入|财政拨款支出", "万元"),
    "general_budget": ("一般公共预算财政拨款支出", "万元"), "running_cost": ("机关运行经费", "万元"),
    "procurement": ("小微企业", "万元"), "department.staffing": ("编制|在职|退休", "[名人]"),
}
"""The words a text uses before a `RESTATABLE` figure it states again, and its unit."""


FISCAL = ("一般公共预算", "政府性基金", "国有资本经营")


def unbalanced_carry(data: dict[str, Any], path: Path) -> bool:
    """A carry-over of a line of a non-appropriation fund (事业, 其他 …): no total states it by line (a
    fund's `[fiscal.carry_in]` covers appropriation lines only), so it is stated once."""
    if path[:1] != ("accounts",) or path[-1] not in ("carry_in", "carry_out"):
        return False
    return data["accounts"][path[1]].get("fund", "一般公共预算") not in FISCAL


CONTRIBUTIONS = ("30108", "30109", "30110", "30111", "30113")
"""Economic items a 项 line's 基本支出 states again (2080505 = 30108 …)."""


def only_in_a_long_sum(data: dict[str, Any], path: Path) -> bool:
    """An item of a sum of more than four items that nothing else in the data states: an economic item
    of 基本/项目支出 (a contribution item excepted) or a 项 line's 全年预算数. A typo breaks the sum, but
    which item moved is not in the data (only a swap or a moved point shows in the item's own digits)."""
    key = pattern(path)
    if key == "basic_expenditure.items[].amount":
        return str(data["basic_expenditure"]["items"][path[2]].get("code")) not in CONTRIBUTIONS
    if key == "project_expenditure[].amount":
        return len(data["project_expenditure"]) > 4
    return key == "accounts[].budget" and len(data["accounts"]) > 4


def cited_score(data: dict[str, Any], path: Path) -> bool:
    """Whether the score at `path` (a self-evaluation form's) is stated again elsewhere."""
    performance = data.get("performance", {})
    if path[:2] == ("performance_management", "scores") and path[-1] == "score":
        entry = data["performance_management"]["scores"][path[2]]
        names = [t.get("name", "") for k in ("project_tables", "transfer_tables") for t in performance.get(k, [])]
        subject = entry.get("subject", "")
        by_subject = ("整体" in subject and "department_table" in performance) or (
            "整体" not in subject and sum(1 for n in names if n and (n in subject or subject in n)) == 1)
        return bool(entry.get("evaluation")) or by_subject
    if path == ("performance", "department_table", "score"):
        return "department_report" in performance or bool(data.get("performance_management", {}).get("scores"))
    if len(path) != 4 or path[-1] != "score" or path[1] not in ("project_tables", "transfer_tables"):
        return False
    name = performance[path[1]][path[2]].get("name", "")
    cited = [s.get("evaluation", "") for s in data.get("performance_management", {}).get("scores", [])]
    titles = [r.get("title", "") for r in performance.get("project_reports", [])]
    return bool(name) and (any(c and name.endswith(c) for c in cited) or any(name in t for t in titles))

SKIP = re.compile(r"^year$|\.level$")
"""Numbers that are not figures of the document (the year, heading levels)."""

def leaves(data: Any, path: Path = ()) -> Iterator[tuple[Path, Decimal | int]]:
    """Every number of the data file with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from leaves(value, (*path, i))
    elif isinstance(data, (Decimal, int)) and not isinstance(data, bool):
        yield path, data


def pattern(path: Path) -> str:
    """`accounts[].basic` for ("accounts", 3, "basic"): the path with list indexes dropped."""
    return ".".join("[]" if isinstance(p, int) else p for p in path).replace(".[]", "[]")


def prior_of(data: dict[str, Any], path: Path) -> Decimal | int | None:
    """Last year's value of the same figure, when the data file holds one."""
    if path[:2] == ("sangong", "actual"):
        return data.get("sangong", {}).get("prior", {}).get(path[2])
    if path == ("running_cost", "amount"):
        return data.get("running_cost", {}).get("prior")
    return None


def swap(value: Decimal | int) -> Decimal | int | None:
    """Two adjacent digits exchanged (the last pair that differs)."""
    text = str(value)
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    for a, b in reversed(list(pairwise(digits))):
        if text[a] != text[b]:
            chars = list(text)
            chars[a], chars[b] = chars[b], chars[a]
            changed = "".join(chars)
            return int(changed) if isinstance(value, int) else Decimal(changed)
    return None


def mutations(data: dict[str, Any], path: Path, value: Decimal | int) -> Iterator[tuple[str, Decimal | int]]:
    """The realistic typos of one figure (each differs from it and stays a valid amount)."""
    is_int = isinstance(value, int)
    candidates: list[tuple[str, Decimal | int | None]] = [("swap", swap(value))]
    candidates.append(("shift", value * 10 if value else None))
    prior = prior_of(data, path)
    if prior is not None and prior != value:
        candidates.append(("stale", prior))
    elif not is_int and value:
        candidates.append(("stale", (Decimal(value) * Decimal("0.93")).quantize(Decimal("0.01"))))
    candidates.append(("half", value + 1 if is_int else Decimal(value) + Decimal("0.5")))
    for kind, changed in candidates:
        if changed is not None and changed != value and changed >= 0:
            yield kind, changed


class Source:
    """A data file's text with its parsed data, changed one value at a time as a clerk would: in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
        self.lines = text.splitlines(keepends=True)
        self.index = line_index(text)

    def with_number(self, path: Path, old: Decimal | int, new: Decimal | int) -> str | None:
        """The text with the number at `path` written as `new` (None when it cannot be found on its line)."""
        number = line_of(self.index, path)
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if number is None or not key:
            return None
        line = self.lines[number - 1]
        pattern = re.compile(rf"(\b{re.escape(key)}\s*=\s*){re.escape(str(old))}(?![\d.])")
        changed, count = pattern.subn(lambda m: m.group(1) + str(new), line, count=1)
        if count != 1:
            return None
        return "".join(self.lines[: number - 1]) + changed + "".join(self.lines[number:])

    def with_string(self, old: str, new: str) -> str | None:
        """The text with the string `old` (written once, on one line) replaced by `new`."""
        quoted = f'"{old}"'
        if "\n" in old or self.text.count(quoted) != 1:
            return None
        return self.text.replace(quoted, f'"{new}"')

    def with_numbers(self, changes: list[tuple[Path, Decimal]]) -> str | None:
        """The text with several numbers changed by the given amounts (a consistent change)."""
        text = self.text
        for path, by in changes:
            node: Any = self.data
            for k in path:
                node = node[k]
            step = Source(text).with_number(path, node, Decimal(node) + by)
            if step is None:
                return None
            text = step
        return text


def findings_of(text: str | None) -> list[Finding] | None:
    """What `validate` reports on `text`: the loader's findings when it refuses the file, else the
    checker's; None when the change could not be written."""
    if text is None:
        return None
    try:
        report = loads(text)
    except LoadError as exc:
        return exc.findings
    return check(report)


def fingerprint(f: Finding) -> tuple[str, str, tuple[str, ...], str]:
    """What makes a finding new: rule, message, paths and whether it is accepted."""
    return (f.rule, f.message, f.paths, f.accepted)


def names(f: Finding, path: Path) -> bool:
    """Whether a finding names the changed key or the object holding it."""
    return render(path) in f.paths or (len(path) > 1 and render(path[:-1]) in f.paths)


def judge(base: set[tuple[str, str, tuple[str, ...], str]], findings: list[Finding] | None, path: Path) -> str:
    """`error`, `notice` (named, no 错误), `hidden` (named only by accepted findings), `unnamed` (a new
    错误 that names the sum but not the changed figure), `skipped` (not written back) or `missed`."""
    if findings is None:
        return "skipped"
    fresh = [f for f in findings if fingerprint(f) not in base]
    new = [f for f in fresh if names(f, path)]
    if any(f.level == ERROR and not f.accepted for f in new):
        return "error"
    if any(not f.accepted for f in new):
        return "notice"
    if new:
        return "hidden"
    return "unnamed" if any(f.level == ERROR and not f.accepted for f in fresh) else "missed"


SUSPECTS = "最可能有误的是"
LISTED = re.compile(r"若只有一处写错，应在以下(\d+)项之中")
"""A broken sum's list of figures to check, when no one figure stands out (`locate._with_candidates`)."""


def listed_only(base: set[tuple[str, str, tuple[str, ...], str]], findings: list[Finding] | None,
                path: Path) -> int:
    """The length of the shortest list to check naming the changed figure, when lists are all that name it
    (0 when a finding names it otherwise: as its own figure, or as the one most likely wrong)."""
    lengths = []
    for f in findings or []:
        if fingerprint(f) in base or f.accepted or f.level != ERROR or not names(f, path):
            continue
        match = LISTED.search(f.message)
        if match is None:
            return 0
        lengths.append(int(match.group(1)))
    return min(lengths, default=0)


def misled(base: set[tuple[str, str, tuple[str, ...], str]], findings: list[Finding] | None, path: Path) -> bool:
    """Whether a new finding points at likely wrong figures (`最可能有误的是A、B（…）`, the suspects first in
    its paths) none of which is the changed one: a wrong pointer, worse than none. A comparison broken
    before the typo is no pointer of it (its suspects may shift when the typo changes what holds)."""
    broken_before = {(rule, message.split("；", 1)[0]) for rule, message, _, _ in base}
    for f in findings or []:
        if fingerprint(f) in base or f.accepted or (f.rule, f.message.split("；", 1)[0]) in broken_before:
            continue
        if "若只有一处写错" in f.message:
            if not names(f, path) and not any(_same_figure(s, path) for s in f.paths):
                return True  # a list to check without the changed figure
            continue
        if SUSPECTS not in f.message:
            continue
        named = re.split(r"（(?:它|同一合计)", f.message.split(SUSPECTS, 1)[1], maxsplit=1)[0]
        suspects = f.paths[: named.count("、") + 1]
        if not any(_same_figure(s, path) for s in suspects):
            return True
    return False


def _same_figure(suspect: str, path: Path) -> bool:
    """Whether a suspect's path names the figure at `path`: itself, what contains it, or (for a 项 line)
    any column of its line (`accounts[第3个].fund` stands for the line's income = its expenditure)."""
    written = render(path)
    if suspect in (written, render(path[:-1])) or written.startswith((suspect + ".", suspect + "[")):
        return True  # the figure, its holder, or a list or section containing it (a fund's 本年支出 = its lines)
    return path[:1] == ("accounts",) and suspect.startswith(render(path[:2]) + ".")


def texts(data: Any) -> Iterator[str]:
    """Every string of the data file."""
    if isinstance(data, dict):
        for value in data.values():
            yield from texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from texts(value)
    elif isinstance(data, str):
        yield data


def consistent_changes(source: Source) -> Iterator[tuple[str, str | None]]:
    """Changes that keep every relation: an item and its totals together, and one within the 尾差.

    Figures some text restates (`政府采购支出总额0.52万元`) are left out: changing them alone is a typo.
    """
    data = source.data
    written = "\n".join(texts(data))
    # the amounts texts write (`139.40万元` states 139.4)
    stated = {Decimal(m.group(1)) for m in re.finditer(r"(\d+(?:\.\d+)?)万元", written)}
    one, cent = Decimal("1"), Decimal("0.01")

    def bump(*paths: Path, by: Decimal = one) -> str | None:
        for p in paths:
            node: Any = data
            for k in p:
                node = node[k]
            if by >= 1 and Decimal(node) in stated:
                return None
        return source.with_numbers([(p, by) for p in paths])

    proc = data.get("procurement", {})
    if "goods" in proc and "total" in proc:
        yield "货物 + 政府采购总额", bump(("procurement", "goods"), ("procurement", "total"))
    sg = data.get("sangong", {})
    sg = sg if isinstance(sg, dict) else {}  # `sangong = "无"`
    sangong_total = sum((Decimal(v) for v in sg.get("actual", {}).values()), Decimal(0))
    # the 三公 total moves with the 公务接待费: not consistent when a text states it
    if "domestic_reception" in sg and "reception" in sg.get("actual", {}) and sangong_total not in stated:
        yield "国内接待 + 公务接待费", bump(("sangong", "domestic_reception", "amount"),
                                         ("sangong", "actual", "reception"))
    tables = data.get("performance", {}).get("project_tables", [])
    for i, t in enumerate(tables[:3]):
        f = t.get("funding", {})
        cols = [c for c in ("annual_budget", "executed") if all(c in f.get(r, {}) for r in
                                                                ("total", "appropriation", "general_budget"))]
        for c in cols:
            base: Path = ("performance", "project_tables", i, "funding")
            yield f"项目{i + 1} {c} 三行", bump((*base, "total", c), (*base, "appropriation", c),
                                              (*base, "general_budget", c))
    be = data.get("basic_expenditure", {})
    for k, item in enumerate(be.get("items", [])[:4]):
        if str(item.get("code", "")).startswith("302") and "public_total" in be:
            # within the 尾差 of the 公用经费 sum: one cent
            yield f"公用经费科目{k + 1} 差 0.01", bump(("basic_expenditure", "items", k, "amount"), by=cent)
    accounts = data.get("accounts", [])
    classes = Counter(str(a.get("code", ""))[:3] for a in accounts if a.get("fund", "一般公共预算") == "一般公共预算")
    for k, a in enumerate(accounts):
        # a line equal to an economic item
        tied = str(a.get("code", "")) in ("2080505", "2080506", "2101101", "2101102", "2101103", "2210201")
        if classes[str(a.get("code", ""))[:3]] >= 3 and "basic" in a and a.get("project", 0) == 0 and not tied:
            # one cent on a line of a class of three or more: within the 尾差 of every sum it is in
            yield f"科目{k + 1} 差 0.01", bump(("accounts", k, "basic"), by=cent)
            break


_TEXT_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?=万元|人|名|个|分|%)")


def text_leaves(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string of the data file with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from text_leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from text_leaves(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def text_typos(data: dict[str, Any]) -> Iterator[tuple[Path, str, str, str]]:
    """Typos of numbers that a text writes and the data holds as a figure (`基本支出1056.77万元`)."""
    figures = {Decimal(v) for _, v in leaves(data)}
    for path, text in text_leaves(data):
        if pattern(path).startswith("publication"):
            continue
        for match in _TEXT_NUMBER.finditer(text):
            value = Decimal(match.group(1))
            if value not in figures or value < 10:
                continue
            # a count (人, 名, 个, 分) is mistyped one off, not half a unit
            whole = "." not in match.group(1) and text[match.end()] in "人名个分"
            for kind, changed in mutations(data, (), int(value) if whole else value):
                if kind == "stale":
                    continue
                typo = text[: match.start()] + str(changed) + text[match.end():]
                yield path, kind, text, typo


def measure(file: FilePath, show_misses: bool) -> tuple[Counter[tuple[str, str]], list[str]]:
    """Counts of (group, outcome) for every typo of one example, and the consistent changes that erred."""
    source = Source(file.read_text(encoding="utf-8"))
    data = source.data
    base_findings = findings_of(source.text) or []
    base = {fingerprint(f) for f in base_findings}
    # a comparison broken already stays broken (its wording may change, e.g. which figure it suspects)
    base_errors = {(f.rule, f.paths[-1]) for f in base_findings if f.level == ERROR and not f.accepted}
    counts: Counter[tuple[str, str]] = Counter()
    for path, value in leaves(data):
        key = pattern(path)
        if SKIP.search(key):
            continue
        agrees = (AGREE.search(key) and not unbalanced_carry(data, path)) or cited_score(data, path)
        group = "agree" if agrees or restated(data, path, value) else "once"
        for kind, changed in mutations(data, path, value):
            found = findings_of(source.with_number(path, value, changed))
            outcome = judge(base, found, path)
            if misled(base, found, path):
                counts[group, "misled"] += 1
                if show_misses:
                    print(f"  misled  {kind:5} {render(path)} {value} → {changed}")
            counts[group, outcome] += 1
            counts[group, f"kind:{kind}:{outcome}"] += 1
            if outcome == "error" and (length := listed_only(base, found, path)):
                counts[group, "listed"] += 1
                counts[group, "listed-items"] += length
            if group == "agree":
                counts["agree-split", f"{'sum' if only_in_a_long_sum(data, path) else 'twice'}:{outcome}"] += 1
            if show_misses and outcome != "error" and group == "agree":
                print(f"  {outcome:7} {kind:5} {render(path)} {value} → {changed}")
    for path, kind, text, typo in text_typos(data):
        outcome = judge(base, findings_of(source.with_string(text, typo)), path)
        counts["text", outcome] += 1
        if show_misses and outcome not in ("error", "missed"):
            print(f"  text {outcome:7} {kind:5} {render(path)}")
    wrong: list[str] = []
    for label, changed_text in consistent_changes(source):
        if changed_text is None:
            continue
        found = findings_of(changed_text) or []
        new = [f for f in found if f.level == ERROR and not f.accepted and (f.rule, f.paths[-1]) not in base_errors]
        if new:
            wrong.append(f"{label}: {new[0].render()}")
        counts["consistent", "error" if new else "clean"] += 1
    return counts, wrong


def split(counts: Counter[tuple[str, str]], part: str) -> str:
    """Typos and named shares of one part of the first group (`twice` or `sum`, `only_in_a_long_sum`)."""
    n = sum(v for (g, o), v in counts.items() if g == "agree-split" and o.startswith(f"{part}:"))
    error, notice, unnamed = (counts["agree-split", f"{part}:{o}"] for o in ("error", "notice", "unnamed"))
    return (f"{n} typos; named {percent(error + notice, n)}, as 错误 {percent(error, n)}, "
            f"an 错误 at all {percent(error + unnamed, n)}")


TALLIES = ("misled", "listed", "listed-items")
"""Counts kept beside the outcomes (a typo has one outcome and may be tallied here too)."""


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=FilePath)
    parser.add_argument("--misses", action="store_true", help="list each typo not named as an 错误")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "examples").glob("*/report.toml"))
    totals: Counter[tuple[str, str]] = Counter()
    for file in files:
        print(file.parent.name if file.name == "report.toml" else file.name)
        counts, wrong = measure(file, args.misses)
        totals.update(counts)
        n = sum(v for (g, o), v in counts.items() if g == "agree" and not o.startswith("kind:") and o not in TALLIES)
        named = counts["agree", "error"] + counts["agree", "notice"]
        print(f"  stated twice: {n} typos, named {percent(named, n)}, as 错误 {percent(counts['agree', 'error'], n)}")
        print(f"    stated twice or in a short sum: {split(counts, 'twice')}")
        print(f"    only in a long sum: {split(counts, 'sum')}")
        for line in wrong:
            print("  consistent change raised an 错误:", line)
    for group, title in (("agree", "figures stated twice or that must agree"), ("once", "figures stated once")):
        n = sum(v for (g, o), v in totals.items() if g == group and not o.startswith("kind:") and o not in TALLIES)
        named = totals[group, "error"] + totals[group, "notice"]
        reported = totals[group, "error"] + totals[group, "unnamed"]
        print(f"{title}: {n} typos; named {percent(named, n)}, as 错误 {percent(totals[group, 'error'], n)}, "
              f"an 错误 at all {percent(reported, n)} (naming only the sum: {totals[group, 'unnamed']}), "
              f"hidden by an acceptance {totals[group, 'hidden']}, not written back {totals[group, 'skipped']}, "
              f"missed {totals[group, 'missed']}; a finding pointing at other figures only: {totals[group, 'misled']}")
        listed = totals[group, "listed"]
        if listed:
            mean = totals[group, "listed-items"] / listed
            print(f"    of the named: {listed} only in a list of figures to check, of {mean:.1f} "
                  f"figures on average; named as the figure itself or the most likely wrong: "
                  f"{percent(named - listed, n)}")
        for kind in ("swap", "shift", "stale", "half"):
            k = sum(v for (g, o), v in totals.items() if g == group and o.startswith(f"kind:{kind}:"))
            e = totals[group, f"kind:{kind}:error"]
            print(f"    {kind:5} {k:4} typos, as 错误 {percent(e, k)}")
        if group != "agree":
            continue
        for part, label in (("twice", "stated twice or in a short sum"), ("sum", "only in a long sum")):
            print(f"  of which {label}: {split(totals, part)}")
    n = sum(v for (g, _), v in totals.items() if g == "text")
    print(f"numbers in text equal to a figure of the data (≥ 10; many are not that figure): {n} typos, "
          f"named by an 错误 {percent(totals['text', 'error'], n)}, by a 提示 {percent(totals['text', 'notice'], n)}")
    c = totals["consistent", "clean"] + totals["consistent", "error"]
    print(f"consistent changes: {c}, raising a new 错误: {totals['consistent', 'error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
