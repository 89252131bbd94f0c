"""`--font role=NAME`: a font given by the name a clerk knows (仿宋_GB2312, 方正小标宋简体) or by its file.

On Linux the installed fonts are asked of fontconfig (`fc-list`, exact family or full name, no fallback
substitution as `fc-match` would make); elsewhere, or when fontconfig has none, the system font folders
are searched (the Windows font folder, macOS, ~/.fonts). A name found nowhere is an error that lists the
Chinese fonts that are installed, so the clerk can copy one.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from juesuan_pdf.errors import JuesuanError

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

ROLE_NAMES = {
    "title": "封面和文档标题（公文用方正小标宋简体）",
    "heading0": "部分标题，如“第一部分”（黑体）",
    "heading1": "一级标题“一、”（黑体）",
    "heading2": "二级标题“（一）”（楷体_GB2312）",
    "heading3": "三级标题“1.”（仿宋_GB2312 加粗）",
    "heading4": "四级标题“（1）”（仿宋_GB2312）",
    "body": "正文（仿宋_GB2312）",
    "table": "表格（宋体或仿宋）",
    "caption": "图表标题和注释",
    "page_number": "页码（宋体）",
}
"""Each font role and the 公文 font it stands for (GB/T 9704-2012 and common practice)."""


def looks_like_path(value: str) -> bool:
    """A value with a folder separator, a font suffix (maybe with a `#n` subfont) or naming an existing file."""
    bare = value.split("#")[0]
    return "/" in value or "\\" in value or Path(bare).suffix.lower() in FONT_SUFFIXES or Path(bare).is_file()


REGULAR_STYLES = frozenset({"regular", "book", "normal", "roman", "常规", "標準", "standard"})


def fontconfig_fonts() -> list[tuple[set[str], set[str], bool, str, int]]:
    """(family names, full names, is-regular, file, subfont index) of every font fontconfig knows, lower-cased."""
    if shutil.which("fc-list") is None:
        return []
    try:
        listed = subprocess.run(["fc-list", "--format", "%{family}|%{fullname}|%{style}|%{file}|%{index}\n"],
                                capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    fonts = []
    for line in sorted(listed.splitlines()):
        parts = line.rsplit("|", 4)
        if len(parts) != 5:
            continue
        family, full, style, file, index = parts
        families = {n.strip().lower() for n in family.split(",") if n.strip()}
        fulls = {n.strip().lower() for n in full.split(",") if n.strip()}
        regular = bool({n.strip().lower() for n in style.split(",")} & REGULAR_STYLES)
        fonts.append((families, fulls, regular, file, int(index) if index.isdigit() else 0))
    return fonts


def chinese_font_names() -> list[str]:
    """Family names of the installed fonts that cover Chinese (for the error message)."""
    if shutil.which("fc-list") is None:
        return []
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "--format", "%{family[0]}\n"],
                                capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.strip() for line in listed.splitlines() if line.strip()})


def find_installed(name: str) -> str | None:
    """The file (with `#index` for a collection's subfont) of the installed font called `name`."""
    from juesuan_pdf.typeset.fonts import ALIASES, find_system_font

    wanted = {name.lower(), *(a.lower() for a in ALIASES.get(name.lower(), ()))}
    best: tuple[int, str] = (0, "")
    for families, fulls, regular, file, index in fontconfig_fonts():
        # A full name names one face; a family name means its regular face rather than a light or bold one.
        score = 3 if fulls & wanted else (2 if regular else 1) if families & wanted else 0
        if score > best[0]:
            best = (score, f"{file}#{index}" if index else file)
    if best[0]:
        return best[1]
    face = find_system_font(name)
    if face is None:
        return None
    return f"{face.path}#{face.index}" if face.index else str(face.path)


def resolve_font_option(role: str, value: str) -> str:
    """The font file for `--font role=value`: a path as given (it must exist), or an installed font's file."""
    base_role = role.split(".")[0]
    if base_role not in ROLE_NAMES or role.partition(".")[2] not in ("", "bold"):
        roles = "；".join(f"{r}：{d}" for r, d in ROLE_NAMES.items())
        raise JuesuanError(f"未知的字体角色“{role}”。可用的角色（加 .bold 指定粗体）：{roles}")
    if looks_like_path(value):
        if not Path(value.split("#")[0]).is_file():
            raise JuesuanError(f"--font {role}=…：找不到字体文件 {value}")
        return value
    found = find_installed(value)
    if found is None:
        names = chinese_font_names()
        listed = ("本机已安装的中文字体：" + "、".join(names)) if names else "本机没有找到已安装的中文字体"
        raise JuesuanError(f"--font {role}=…：本机没有名为“{value}”的字体（已查 fontconfig 和系统字体文件夹）。"
                           f"{listed}。也可以直接给出字体文件的路径。")
    return found
