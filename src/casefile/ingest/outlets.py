"""The table of known outlets (`resources/outlets.yaml`): names, spellings, sites.

It serves three things: giving one name to an outlet a page writes in several ways
("INTERFAX.RU", "Интерфакса"), recognising an outlet where a page names its
publisher without a telling shape (a masthead line, a link to its own site, a menu
line), and telling a news outlet from any capitalised words in the self-reference
shapes ("told Example News"). Cyrillic names are also found in their other
grammatical cases ("«Медиазоны»", "Азаттыку"); a name that is a common word is
written in the table in quotes («Зеркало») and is only taken where the page quotes
it, capitalises it inside a line, or prints it as a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from casefile.resources import language_codes, load

_CYR = re.compile(r"[а-яё]", re.I)
_QUOTES = "«»\"“”„'‘’"
# endings a Cyrillic word drops before its case endings: adjectives (-ая, -ое, ...), then one vowel
_ADJ_END = re.compile(r"(?:ая|яя|ое|ее|ый|ий|ой|ые|ие)$")
_VOWEL_END = re.compile(r"[аяоеёьйыиу]$")
_DOMAIN = re.compile(r"^(?:www\.)?(?P<host>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                     r"\.[a-z]{2,12})\.?$", re.I)


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    # (language, name): the outlet's name in a registered language, a row's key of that language's code
    names: tuple[tuple[str, str], ...] = ()

    def display(self, language: str = "en") -> str:
        """The name casefile gives the outlet in a report of `language`."""
        return dict(self.names).get(language, self.name).strip(_QUOTES)

    @property
    def is_news(self) -> bool:
        return self.kind in ("wire", "media")


def _norm(name: str) -> str:
    """A name compared without case, quotes, a leading "the" or surrounding punctuation."""
    name = "".join(c for c in name if c not in _QUOTES or c == "'")
    name = " ".join(name.replace("\u00a0", " ").split())
    name = name.strip(" .,:;-—–'")
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    return name.casefold()


_FLEETING = re.compile(r"[^аеёиоуыэюяй][еёо][^аеёиоуыэюяйь]$")  # "узел", "огонёк"


def _word_parts(word: str) -> tuple[str, str]:
    """A word of a name as (stem, ending regex): a Cyrillic word of four letters or more takes
    case endings ("Медиазона" -> "Медиазон" + up to three letters); other words are as written."""
    if _CYR.search(word) and len(word) >= 4 and word.isalpha():
        low = word.lower()
        stem = _ADJ_END.sub("", low) if len(low) >= 5 and _ADJ_END.search(low) else _VOWEL_END.sub("", low)
        if len(stem) >= 4 and stem == low and _FLEETING.search(low):
            # a vowel that drops in the other cases ("узел" -> "узла", "огонёк" -> "огонька")
            return word[: len(stem) - 2], "[еёо]?" + re.escape(low[-1]) + "[а-яё]{0,3}"
        if len(stem) >= 3:
            return word[: len(stem)], "[а-яё]{0,3}"
    return word, ""


def _name_pattern(name: str) -> str:
    """A name as a case-insensitive regex, Cyrillic words with their case endings."""
    parts = (_word_parts(w) for w in _norm(name).split())
    return r"\s+".join(re.escape(stem) + end for stem, end in parts)


@dataclass(frozen=True)
class _Table:
    outlets: tuple[Outlet, ...]
    exact: dict[str, Outlet]  # normalised spelling -> outlet
    inflected: tuple[tuple[re.Pattern[str], Outlet], ...]  # Cyrillic spellings with case endings
    domains: dict[str, Outlet]
    scan: re.Pattern[str]  # every spelling, for finding outlets in a line


@cache
def table() -> _Table:
    outlets: list[Outlet] = []
    exact: dict[str, Outlet] = {}
    inflected: list[tuple[re.Pattern[str], Outlet]] = []
    domains: dict[str, Outlet] = {}
    spellings: list[str] = []
    for row in load("outlets.yaml")["outlets"]:
        o = Outlet(str(row["name"]), str(row.get("kind", "media")), tuple(str(a) for a in row.get("aliases") or []),
                   tuple(str(d).lower() for d in row.get("domains") or []),
                   tuple((code, str(row[code])) for code in language_codes() if row.get(code)))
        outlets.append(o)
        for spelling in dict.fromkeys([o.name, *(n for _, n in o.names), *o.aliases]):
            key = _norm(spelling)
            if not key:
                continue
            exact.setdefault(key, o)
            if _CYR.search(key):
                inflected.append((re.compile(_name_pattern(spelling), re.I), o))
            if len(key) >= 2:
                spellings.append(spelling.strip(_QUOTES + " "))
        for d in o.domains:
            domains.setdefault(d.removeprefix("www."), o)
    alts = sorted({_scan_pattern(s) for s in spellings}, key=len, reverse=True)
    scan = re.compile(r"(?<![\w.])[«\"“]?(?:" + "|".join(alts) + r")[»\"”]?(?![\w])")
    return _Table(tuple(outlets), exact, tuple(inflected), domains, scan)


def _scan_pattern(spelling: str) -> str:
    """A spelling as the line scanner takes it: Cyrillic words with their case endings and their
    first letter's case kept; acronyms and short names as written; other Latin names as written or
    in capitals (a masthead)."""
    parts = []
    for w in spelling.split():
        stem, end = _word_parts(w)
        if end:
            parts.append(re.escape(stem[:1]) + "(?i:" + re.escape(stem[1:]) + end + ")")
        elif w.isupper() or len(w) <= 3:
            parts.append(re.escape(w))
        else:
            parts.append("(?:" + re.escape(w) + "|" + re.escape(w.upper()) + ")")
    return r"\s+".join(parts)


def lookup(name: str) -> Outlet | None:
    """The known outlet a name stands for, in any of its spellings or grammatical cases."""
    t = table()
    key = _norm(name)
    if not key:
        return None
    if key in t.exact:
        return t.exact[key]
    if _CYR.search(key):
        for pat, o in t.inflected:
            if pat.fullmatch(key):
                return o
    return None


def by_domain(host_or_url: str) -> Outlet | None:
    """The known outlet whose site a host name or link belongs to ("p.example.com" is example.com's)."""
    text = host_or_url.strip()
    host = urlsplit(text).hostname if "//" in text else text.split("/")[0]
    if not host:
        return None
    host = host.lower().rstrip(".").removeprefix("www.")
    t = table()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        o = t.domains.get(".".join(parts[i:]))
        if o:
            return o
    return None


def bare_domain(line: str) -> str | None:
    """The host name when a line is nothing but one ("example.media", "www.example.kz")."""
    m = _DOMAIN.match(line.strip())
    if not m or m.group("host").replace(".", "").isdigit():
        return None
    return line.strip().rstrip(".").removeprefix("www.")


def in_line(line: str) -> list[Outlet]:
    """The known outlets a short line (a menu, a banner, a masthead) names, in order. A name that
    is a common word (quoted in the table) counts only in quotes, as the whole line, or
    capitalised after the line's first word."""
    t = table()
    out: list[Outlet] = []
    whole = _norm(line)
    for m in t.scan.finditer(line):
        text = m.group(0)
        o = lookup(text)
        if o is None or o in out:
            continue
        key = _norm(text)
        if (_is_common(key, o) and text[:1] not in _QUOTES and key != whole
                and not (m.start() > 0 and text[:1].isupper())):
            continue
        out.append(o)
    return out


def _is_common(key: str, outlet: Outlet) -> bool:
    """Whether a spelling found stands for one of the outlet's names quoted in the table."""
    for spelling in (outlet.name, *(n for _, n in outlet.names), *outlet.aliases):
        s = spelling.strip()
        if s[:1] in _QUOTES and s[-1:] in _QUOTES and re.fullmatch(_name_pattern(s), key, re.I):
            return True
    return False
