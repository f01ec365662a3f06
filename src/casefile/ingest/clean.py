"""Boilerplate removal for text scraped from the web.

Works line by line on general signals: banner and caption patterns kept as
data (`resources/*/boilerplate.yaml`), repetition, position (page chrome sits
before the first and after the last sentence of the story), and line shape
(short lines with no sentence punctuation outside the story).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from casefile.resources import load

_BULLET = re.compile(r"^[\s•·*\-–—>#|]+")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_AUTOLINK = re.compile(r"\s*\(?<(https?://[^>]+)>\)?")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")
_SENTENCE_END = re.compile(r"[.!?…\"”»)\]:]\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Group:
    footer: bool
    patterns: tuple[re.Pattern[str], ...]


@cache
def _groups(language: str) -> tuple[_Group, ...]:
    groups = []
    for lang in dict.fromkeys([language, "en"]):
        try:
            data = load(f"{lang}/boilerplate.yaml")
        except FileNotFoundError:
            continue
        for group in data.values():
            pats = tuple(re.compile(p, re.IGNORECASE) for p in group["patterns"])
            groups.append(_Group(bool(group.get("footer")), pats))
    return tuple(groups)


def strip_markdown(line: str) -> str:
    """Markdown markup to plain text, keeping every word."""
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_AUTOLINK.sub("", line)
    line = _MD_EMPH.sub(r"\2", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"\s{2,}$", "", line)  # markdown hard breaks
    return line


def _bare(line: str) -> str:
    return _BULLET.sub("", line).strip().strip("*_ ")


def banner_kind(line: str, language: str = "en") -> str | None:
    """'footer' or 'chrome' when the line is page furniture, else None."""
    bare = _bare(line)
    if not bare:
        return None
    for group in _groups(language):
        if any(p.fullmatch(bare) for p in group.patterns):
            return "footer" if group.footer else "chrome"
    return None


def is_sentence(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= 6 and bool(_SENTENCE_END.search(line))


def clean_lines(lines: list[str], language: str = "en") -> list[str]:
    """Keep the story's lines; drop page chrome. Blank lines separate paragraphs."""
    lines = [ln.rstrip() for ln in lines]
    n = len(lines)
    kinds = [banner_kind(ln, language) for ln in lines]
    story = [i for i, ln in enumerate(lines) if kinds[i] is None and is_sentence(ln)]
    if not story:
        return [ln for i, ln in enumerate(lines) if kinds[i] is None and ln.strip()]
    first, last = story[0], story[-1]
    # a footer banner in the last part of the document ends the story there
    cut = n
    for i in range(n):
        if kinds[i] == "footer" and i >= n * 0.6:
            cut = i
            break
    seen: set[str] = set()
    title_kept = False
    out: list[str] = []
    for i, ln in enumerate(lines[:cut]):
        key = ln.strip()
        if not key:
            if out and out[-1]:
                out.append("")
            continue
        if kinds[i] is not None:
            continue
        if key in seen:  # a headline or caption printed again
            continue
        repeated = lines.count(ln) > 1
        seen.add(key)
        if i < first:
            # before the story: keep one headline, drop menus and section names
            if title_kept or len(_WORD.findall(key)) < 4 or (repeated and not _looks_headline(key)):
                continue
            title_kept = True
        elif i > last and not is_sentence(key):
            continue
        elif repeated and not is_sentence(key):
            continue
        out.append(ln)
    while out and not out[-1]:
        out.pop()
    return out


def _looks_headline(line: str) -> bool:
    return not _SENTENCE_END.search(line) and 4 <= len(_WORD.findall(line)) <= 25


def clean_text(text: str, language: str = "en", markdown: bool = False) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if markdown:
        lines = [strip_markdown(ln) for ln in lines]
    return "\n".join(clean_lines(lines, language))
