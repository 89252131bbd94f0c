"""Mutations of the example data files, as hypothesis strategies: the hostile inputs the fuzz tests feed in.

Two families. Schema mutations replace the value of one `key = value` line with a value of another kind,
a huge or negative number, a long string, a string with markup or control characters, full-width digits,
a path; or delete, duplicate or rename a key or an entry. Text mutations work on the raw file: a cut, an
inserted bracket run, a byte-order mark, full-width quotes, thousands separators, bytes that are not UTF-8.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*/report.toml"))
ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z0-9_\-\".]+)(\s*=\s*)(.+?)\s*$")

MARKUP = ["<b>粗</b>", "&amp;", "<para>", "]]>", "<font name='x'>", "%s%d", "{0}", "${x}", "\\", "'\"", "&#x1b;"]
CONTROL = ["\x1b[31m", "\x1b]0;title\x07", "\x00", "\x08", "\u2028", "\u2029", "\x85", "\u202e", "\ufeff", "\r", "\t"]
NUMBERS = ["1e26", "-1e26", "1e20", "9999999999999.99", "-1", "-0.01", "0.001", "1e-30", "nan", "inf", "-inf",
           "123456789012345678901234567890", "0", "1_000", "0x10", "99999999999"]
STRINGS = ["", " ", "待填", "２０８０１０１", "208０1０1", "2O80101", "/etc/passwd", "/dev/zero", "../../x", "𠮷𫠠",
           "\U0010ffff", "名" * 700, "　"]


def toml_string(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes are TOML's; lone surrogates make it invalid, on purpose)."""
    return json.dumps(text, ensure_ascii=False)


def strings() -> st.SearchStrategy[str]:
    pieces = st.sampled_from(MARKUP + CONTROL + STRINGS) | st.text(max_size=30)
    return st.lists(pieces, min_size=1, max_size=4).map("".join)


def values() -> st.SearchStrategy[str]:
    """Any value as written in TOML, of any kind."""
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
        strings().map(toml_string),
        st.sampled_from(["true", "false", "2024-02-30", "2024-09-20", "[]", "[1, 2]", "{}", '{ a = 1 }',
                         '["a", "b"]', "[[1]]", "1979-05-27T07:32:00Z", '"' + "长" * 30000 + '"']),
        st.integers(min_value=1, max_value=3000).map(lambda n: "[" * n + "]" * n),
    )


def same_kind(original: str) -> st.SearchStrategy[str]:
    """A value of the kind `original` is written as: text for text, an amount for an amount."""
    if original.startswith('"'):
        return strings().map(toml_string)
    if re.fullmatch(r"-?\d+", original):
        return st.integers(min_value=0, max_value=10**6).map(str) | st.sampled_from(["0", "1", "999999999"])
    if re.fullmatch(r"-?\d+\.\d+", original):
        amounts = st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False)
        return amounts.map(str) | st.sampled_from(["0.01", "1000000000000", "-0.01", "999999999999.99"])
    return values()


@st.composite
def schema_mutation(draw: st.DrawFn, text: str) -> str:
    """`text` with one or a few key lines changed, removed, duplicated or renamed."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines) if ASSIGNMENT.match(line)]
    headers = [i for i, line in enumerate(lines) if line.lstrip().startswith("[")]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(["same", "same", "same", "value", "value", "drop", "duplicate", "rename", "entry",
                                     "header"]))
        i = draw(st.sampled_from(keyed))
        match = ASSIGNMENT.match(lines[i])
        if match is None:
            continue
        indent, key, eq, _ = match.groups()
        if kind == "same":  # a value of the same kind: the file still loads and goes on to check and layout
            lines[i] = f"{indent}{key}{eq}{draw(same_kind(match.group(4)))}"
        elif kind == "value":
            lines[i] = f"{indent}{key}{eq}{draw(values())}"
        elif kind == "drop":
            lines[i] = ""
        elif kind == "duplicate":
            lines.insert(i + 1, lines[i])
        elif kind == "rename":
            name = draw(st.sampled_from([key + "x", key.upper(), "x" + key, "名称"]))
            lines[i] = f"{indent}{name}{eq}{match.group(4)}"
        elif kind == "entry" and headers:
            h = draw(st.sampled_from(headers))
            end = next((j for j in headers if j > h), len(lines))
            lines[end:end] = lines[h:end]
        elif kind == "header" and headers:
            h = draw(st.sampled_from(headers))
            lines[h] = draw(st.sampled_from(["[department]", "[[accounts]]", "[income.x]", "[a.b.c.d]", "[", "[[]]"]))
    return "\n".join(lines)


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> bytes:
    """The raw bytes of `text` with one text-level mistake or corruption."""
    kind = draw(st.sampled_from(["cut", "insert", "bom", "quotes", "thousands", "unit", "bytes", "crlf", "nesting",
                                 "swap"]))
    at = draw(st.integers(min_value=0, max_value=len(text)))
    if kind == "cut":
        return text[:at].encode()
    if kind == "insert":
        inserted = draw(st.sampled_from(['"', "[", "]", "{", "=", "\n", "#", "'''", '"""', "\\"]))
        return (text[:at] + inserted + text[at:]).encode()
    if kind == "bom":
        return b"\xef\xbb\xbf" + text.encode()
    if kind == "quotes":
        return re.sub(r'"([^"\n]*)"', r"“\1”", text, count=draw(st.integers(1, 50))).encode()
    if kind == "thousands":
        return re.sub(r"= (\d+)(\d{3})\b", r"= \1,\2", text, count=draw(st.integers(1, 20))).encode()
    if kind == "unit":
        return re.sub(r"^(year = \d+)", r"\1年", text, flags=re.M).replace("= 0\n", "= 0万元\n", 1).encode()
    if kind == "bytes":
        raw = text.encode()
        cut = min(at, len(raw))
        return raw[:cut] + draw(st.binary(min_size=1, max_size=8)) + raw[cut:]
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode()
    if kind == "nesting":
        n = draw(st.integers(min_value=10, max_value=5000))
        return (text + "\nx = " + "[" * n + "]" * n + "\n").encode()
    lines = text.split("\n")
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines).encode()


@st.composite
def fuzzed_file(draw: st.DrawFn) -> bytes:
    """One hostile data file derived from a bundled example."""
    text = draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8")
    if draw(st.integers(min_value=0, max_value=3)):  # three in four: the schema, one in four: the raw text
        return draw(schema_mutation(text)).encode("utf-8", "surrogatepass")
    return draw(text_mutation(text))
