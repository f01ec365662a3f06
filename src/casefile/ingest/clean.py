"""Boilerplate removal for text scraped from the web.

Works line by line on general signals: banner and caption patterns kept as
data (`resources/*/boilerplate.yaml`), repetition, position (page chrome sits
before the first and after the last sentence of the story), line shape
(short lines with no sentence punctuation outside the story) and image blocks
(a photo credit and the short lines printed with it).

Every line it returns is a line of its input (markdown markup aside): it only
ever drops lines, so nothing a source says is reworded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt

from casefile.resources import load

# bullets and list numbers before a line's words ("• Home", "1. Skip to content")
_BULLET = re.compile(r"^(?:[\s•·*\-–—>#|]+|\d{1,2}[.)]\s+)+")
_SENTENCE_END = re.compile(r"[.!?…\"”»)\]:]\s*$")
_INNER_STOP = re.compile(r"[.!?…;,]\s")
_WORD = re.compile(r"\w+")
# Scrapers sometimes prefix the first line with the page's date ("date 2022-10-06 ...");
# the rest of that line is judged on its own.
SCRAPER_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.I)
# Pre-story lines kept as headline, subtitle and standfirst.
MAX_HEAD_LINES = 3
# How far from a caption or credit the lines printed with the picture reach.
IMAGE_REACH = 3


@dataclass(frozen=True)
class _Group:
    kind: str
    footer: bool
    max_words: int | None
    patterns: tuple[re.Pattern[str], ...]


@cache
def _groups(language: str) -> tuple[_Group, ...]:
    groups = []
    for lang in dict.fromkeys([language, "en"]):
        try:
            data = load(f"{lang}/boilerplate.yaml")
        except FileNotFoundError:
            continue
        for name, group in data.items():
            flags = 0 if group.get("case_sensitive") else re.IGNORECASE
            pats = tuple(re.compile(p, flags) for p in group["patterns"])
            groups.append(_Group(str(group.get("kind", name)), bool(group.get("footer")), group.get("max_words"),
                                 _one_pattern(pats, flags)))
    return tuple(groups)


def _one_pattern(pats: tuple[re.Pattern[str], ...], flags: int) -> tuple[re.Pattern[str], ...]:
    """A group's patterns as one alternation: a line fully matches it exactly when it fully matches
    one of them, and one call beats fifty. Patterns that refer back to a group stay apart (the
    groups are numbered anew in the alternation)."""
    if any(re.search(r"\\[1-9]|\(\?P=", p.pattern) for p in pats):
        return pats
    try:
        return (re.compile("|".join(f"(?:{p.pattern})" for p in pats), flags),)
    except re.error:
        return pats


_MARKDOWN = MarkdownIt("commonmark")
# the inline tokens whose content is text a reader sees (an image's is its description)
_MD_TEXT = {"text", "code_inline", "image"}


@lru_cache(maxsize=8192)  # a line is stripped by the cleaner and again by each metadata reader
def strip_markdown(line: str) -> str:
    """One line of Markdown as the text a reader sees, every word kept: emphasis, escapes
    ("\\$300"), links (their words), images (their description) and inline code are read by
    markdown-it-py's inline parser; a bare address in angle brackets (an autolink) and inline
    HTML tags are dropped; a heading's hashes go. Block structure (lists, quotes) is left to
    the line judgement, which knows bullets: a parser would read "2021. The court ..." as an
    ordered list and drop the year."""
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    out: list[str] = []
    in_autolink = False
    for tok in _MARKDOWN.parseInline(line)[0].children or []:
        if tok.type == "link_open" and tok.markup == "autolink":
            in_autolink = True
        elif tok.type == "link_close" and tok.markup == "autolink":
            in_autolink = False
        elif tok.type in _MD_TEXT and not in_autolink:
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    text = re.sub(r"\s*\(\s*\)", "", "".join(out))  # the brackets an autolink stood in
    return re.sub(r"\s{2,}$", "", text).rstrip() if text.strip() else ""


def _bare(line: str) -> str:
    return _BULLET.sub("", SCRAPER_DATE.sub("", line)).strip().strip("*_ ")


# A line is judged several times (its kind, whether it is furniture, again by the metadata
# readers) and menus and banners recur across a batch's reports: remember recent lines.
@lru_cache(maxsize=4096)
def _match(line: str, language: str) -> _Group | None:
    bare = _bare(line)
    if not bare:
        return None
    n_words = len(_WORD.findall(bare))
    for group in _groups(language):
        if group.max_words is not None and n_words > group.max_words:
            continue
        if any(p.fullmatch(bare) for p in group.patterns):
            return group
    return None


def line_kind(line: str, language: str = "en") -> str | None:
    """The boilerplate group a line belongs to ('captions', 'banners', ...), else None."""
    group = _match(line, language)
    return group.kind if group else None


def banner_kind(line: str, language: str = "en") -> str | None:
    """'footer' or 'chrome' when the line is page furniture, else None."""
    group = _match(line, language)
    if group is None:
        return None
    return "footer" if group.footer else "chrome"


def is_sentence(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= 6 and bool(_SENTENCE_END.search(line))


def is_prose(line: str) -> bool:
    """A sentence, or a long run of words broken off mid-sentence (a scrape cut at a
    fixed length ends so; its last paragraph is still story)."""
    if is_sentence(line):
        return True
    return len(_WORD.findall(line)) >= 15 and bool(_INNER_STOP.search(line))


def _image_blocks(lines: list[str], kinds: list[str | None]) -> set[int]:
    """Lines printed with a photo: a caption or credit, and the short lines that are
    not sentences right above or below it with no blank line between (the image's
    title, the caption printed again), up to IMAGE_REACH lines away."""
    out: set[int] = set()
    n = len(lines)
    for i in range(n):
        if kinds[i] != "captions":
            continue
        out.add(i)
        for step in (-1, 1):
            j = i + step
            while 0 <= j < n and abs(j - i) <= IMAGE_REACH and _picture_line(lines[j]):
                out.add(j)
                j += step
    return out


def _picture_line(line: str) -> bool:
    key = line.strip()
    return bool(key) and not is_prose(key) and len(_WORD.findall(key)) <= 25


def clean_lines(lines: list[str], language: str = "en", extracted: bool = False) -> list[str]:
    """Keep the story's lines; drop page chrome. Blank lines separate paragraphs.

    `extracted` text has already been through an HTML extractor that read the
    page's structure (trafilatura): menus and sidebars are gone, and lists and
    tables left in it are the article's own, so only the banner, caption and
    picture rules apply, not the rules on position and line shape.
    """
    lines = [ln.rstrip() for ln in lines]
    n = len(lines)
    groups = [_match(ln, language) for ln in lines]
    kinds = [g.kind if g else None for g in groups]
    banners = [None if g is None else "footer" if g.footer else "chrome" for g in groups]
    pictures = set(_image_blocks(lines, kinds))  # a set: looked up once a line
    picture_text = {lines[i].strip() for i in pictures}
    drop = [banners[i] is not None or i in pictures or lines[i].strip() in picture_text for i in range(n)]
    story = [i for i, ln in enumerate(lines) if not drop[i] and is_prose(ln)]
    if extracted:
        kept = [ln for i, ln in enumerate(lines) if not drop[i]]
        body = [ln for k, ln in enumerate(kept) if ln.strip() or (k and kept[k - 1].strip())]
        while body and not body[-1].strip():
            body.pop()
        return body
    if not story:
        return [ln for i, ln in enumerate(lines) if not drop[i] and ln.strip()]
    first, last = story[0], story[-1]
    # a footer banner in the last part of the document ends the story there
    cut = n
    for i in range(n):
        if banners[i] == "footer" and i >= n * 0.6 and i > first:
            cut = i
            break
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.strip()] = counts.get(ln.strip(), 0) + 1
    tail = max(i for i, ln in enumerate(lines) if ln.strip())
    # a sentence printed twice in a row is an image's caption under its alt text ("X demonstrates
    # in Y in August 2019."), not the story: neither copy is kept (a headline printed twice is)
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    captions = {lines[a].strip() for a, b in zip(filled, filled[1:], strict=False)
                if lines[a].strip() == lines[b].strip() and a != filled[0] and is_sentence(lines[a].strip())
                and lines[a].strip().endswith(".")}
    seen: set[str] = set()
    head_kept = 0
    out: list[str] = []
    for i, ln in enumerate(lines[:cut]):
        key = ln.strip()
        if not key:
            if out and out[-1]:
                out.append("")
            continue
        if drop[i] or key in seen or key in captions:  # furniture, a headline printed again, a caption
            continue
        repeated = counts[key] > 1
        seen.add(key)
        if i < first:
            # before the story: keep a headline, subtitle, standfirst; drop menus and section names,
            # and lines that open in lower case (an image's generated description, a site's slogan:
            # headlines and standfirsts open with a capital)
            if (head_kept >= MAX_HEAD_LINES or len(_WORD.findall(key)) < 4 or (repeated and not _looks_headline(key))
                    or _opens_lower(key)):
                continue
            head_kept += 1
        elif i > last and not is_sentence(key) and not (i == tail and _broken_off(key)):
            continue
        elif repeated and not is_prose(key):
            continue
        out.append(ln)
    while out and not out[-1]:
        out.pop()
    return out


def _opens_lower(line: str) -> bool:
    """Whether a line's first word (after a scraper's date prefix and bullets) opens in lower case."""
    bare = _bare(line)
    return bare[:1].isalpha() and bare[:1].islower()


def _broken_off(line: str) -> bool:
    """The document's last line cut mid-sentence by a length-limited scrape."""
    return len(_WORD.findall(line)) >= 8 and bool(_INNER_STOP.search(line)) and not _SENTENCE_END.search(line)


def _looks_headline(line: str) -> bool:
    return not _SENTENCE_END.search(line) and 4 <= len(_WORD.findall(line)) <= 25


WRAP_MAX = 110  # text wrapped at a fixed width has no line much longer than this
WRAP_FULL = 0.75  # a line this near the width ran to the margin: its paragraph goes on
WRAP_MIN_BREAKS = 3  # lines broken mid-sentence a text must have to be taken as wrapped


def unwrap(lines: list[str], language: str = "en") -> list[str]:
    """Paragraphs of a hard-wrapped text (wire copy, e-mail, a PDF's lines) put back on one line
    each. A text is taken as wrapped when its lines keep under a narrow width, most run to it, and
    many of those stop mid-sentence and go on in lower case; then a line that runs to the width
    goes on in the next one, and a shorter one ends its paragraph (a line of page furniture stands
    alone). Other texts come back unchanged."""
    body = sorted(len(ln.rstrip()) for ln in lines if len(ln.strip()) >= 20)
    if len(body) < 5:
        return lines
    width = body[int(0.9 * (len(body) - 1))]
    full = [k for k, ln in enumerate(lines) if len(ln.rstrip()) >= WRAP_FULL * width]
    # (a line the width broke mid-sentence goes on in lower case: "... was" / "sentenced on ...")
    goes_on = [k for k in full if not _SENTENCE_END.search(lines[k]) and k + 1 < len(lines)
               and lines[k + 1].strip()[:1].islower()]
    if width > WRAP_MAX or 2 * len(full) < len(body) or 3 * len(goes_on) < len(full) \
            or len(goes_on) < WRAP_MIN_BREAKS:
        return lines
    out: list[str] = []
    last = 0  # the length of the last line joined, as it ran in the text
    for ln in lines:
        if out and out[-1].strip() and ln.strip() and last >= WRAP_FULL * width and _match(ln, language) is None:
            prev = out[-1].rstrip()
            joint = "" if prev.endswith("-") and prev[-2:-1].isalpha() else " "  # "oil-" + "rich"
            out[-1] = prev + joint + ln.strip()
        else:
            out.append(ln)
        last = len(ln.rstrip())
    return out


def clean_text(text: str, language: str = "en", markdown: bool = False, extracted: bool = False) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if markdown:
        lines = [strip_markdown(ln) for ln in lines]
    if not extracted:
        lines = unwrap(lines, language)
    kept = clean_lines(lines, language, extracted)
    # a scraper's "date 2023-03-03 " before the first line is the page's metadata (ingest reads
    # the date from the raw text), not words of the report a quote should carry
    first = next((k for k, ln in enumerate(kept) if ln.strip()), None)
    if first is not None:
        kept[first] = SCRAPER_DATE.sub("", kept[first])
        if not kept[first].strip():
            del kept[first]
    return "\n".join(_unglue_date_lines(kept))


HEAD_LINES = 5  # lines at the top of a page where its date line stands
_GLUED = re.compile(r"\d[^\W\d_]")  # a digit run into a word: the only lines worth a date search


def _unglue_date_lines(lines: list[str]) -> list[str]:
    """A date line the page glued to the paragraph after it ("May 22, 2023Police said ...")
    put back on a line of its own, so that no sentence of the report begins with the page's
    date. (The date finder lives in `meta`, which reads this module's line kinds.)"""
    from casefile.ingest.meta import glued_date

    out: list[str] = []
    seen = 0
    for line in lines:
        if line.strip() and seen < HEAD_LINES:
            seen += 1
            d = glued_date(line) if _GLUED.search(line) else None
            if d is not None:
                out += [line[:d.end], line[d.end:]]
                continue
        out.append(line)
    return out
