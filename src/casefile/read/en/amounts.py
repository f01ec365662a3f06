"""Sums of money and lengths of time in English text.

Amounts: price-parser reads the number in all its spellings ("150,000", "1.5");
currency names and symbols come from resources/en/amounts.yaml, because
price-parser knows symbols but not the names reporters write ("tenges",
"roubles"). A conversion the text gives in parentheses ("150,000 tenges ($330)")
becomes the amount's `usd`. Lengths of time become ISO 8601 durations ("two
months" P2M); number-parser reads number words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from number_parser import parse_number
from price_parser import Price

from casefile.core.dates import in_whole_units
from casefile.model import Amount
from casefile.resources import load

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9}


@cache
def _lex() -> dict:
    return load("en/amounts.yaml")


@cache
def _money_re() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for code, forms in _lex()["currencies"].items():
        for f in forms:
            names[f.lower()] = code
    symbols = sorted((n for n in names if not n[0].isalpha()), key=len, reverse=True)
    words = sorted((n for n in names if n[0].isalpha()), key=len, reverse=True)
    scale = r"(?:\s*(?P<scale>thousand|million|billion|mln|bn))?"
    sym = "|".join(re.escape(s) for s in symbols)
    prefix = re.compile(r"\\?(?P<cur>" + sym + r"|(?:us\$))\s?(?P<num>" + _NUM + ")" + scale, re.I)
    suffix = re.compile(r"(?P<num>" + _NUM + ")" + scale + r"\s*(?P<cur>" + "|".join(re.escape(w) for w in words)
                        + r")\b", re.I)
    return prefix, suffix, names


def _value(num: str, scale: str | None) -> float | None:
    price = Price.fromstring(num, decimal_separator=".")
    if price.amount is None:
        return None
    return float(price.amount) * _SCALE.get((scale or "").lower(), 1.0)


def find_amounts(text: str) -> list[tuple[Amount, int, int]]:
    """Every sum of money in `text`, with its span; a bracketed dollar conversion fills `usd`."""
    prefix, suffix, names = _money_re()
    raw: list[tuple[float, str, int, int]] = []
    for pat in (prefix, suffix):
        for m in pat.finditer(text):
            value = _value(m.group("num"), m.group("scale"))
            if value is not None:
                raw.append((value, names[m.group("cur").lower().lstrip("\\")], m.start(), m.end()))
    raw.sort(key=lambda r: r[2])
    out: list[tuple[Amount, int, int]] = []
    skip: set[int] = set()
    for i, (value, cur, start, end) in enumerate(raw):
        if i in skip:
            continue
        usd = value if cur == "USD" else None
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if nxt and nxt[1] == "USD" and cur != "USD" and re.fullmatch(r"\s*[(\[,]?\s*(?:about|around|or|some)?\s*",
                                                                      text[end:nxt[2]], re.I):
            usd = nxt[0]
            skip.add(i + 1)
            end = nxt[3] + (1 if text[nxt[3]:nxt[3] + 1] in ")]" else 0)
        out.append((Amount(value=value, currency=cur, usd=usd), start, end))
    return out


@cache
def _duration_re() -> re.Pattern[str]:
    units = "|".join(sorted(_lex()["units"], key=len, reverse=True))
    return re.compile(r"\b(?P<num>\d+(?:\.5)?|[a-z]+(?:-[a-z]+)?)(?P<half>\s+and\s+a\s+half)?[\s-]"
                      r"(?P<unit>" + units + r")\b(?!-and)", re.I)


@lru_cache(maxsize=4096)
def _number(word: str) -> int | None:
    """A count written in digits or words; cached, since number-parser takes milliseconds a call."""
    if word.isdigit():
        return int(word)
    word = word.lower()
    if word in ("a", "an", "one"):
        return 1
    parsed = parse_number(word.replace("-", " "))
    return int(parsed) if isinstance(parsed, int | str) and str(parsed).isdigit() else None


def find_durations(text: str) -> list[tuple[str, int, int]]:
    """Lengths of time as ISO 8601 durations ("three months" P3M), skipping elapsed-time bounds
    ("after more than five months") which say how long something lasted, not the term given."""
    lex = _lex()
    out = []
    for m in _duration_re().finditer(text):
        num = m.group("num")
        n: float | None = float(num) if num.endswith(".5") else _number(num)
        if n is None or n <= 0:
            continue
        if m.group("half"):
            n += 0.5
        before = text[max(0, m.start() - 16):m.start()].lower()
        if any(before.rstrip().endswith(e) for e in lex["elapsed"]):
            continue
        if re.search(r"\b(ago|old|later|earlier)\b", text[m.end():m.end() + 8], re.I):
            continue
        out.append((_iso(n, lex["units"][m.group("unit").lower()]), m.start(), m.end()))
    return out


def _iso(n: float, unit: str) -> str:
    return "P" + "".join(f"{v}{u}" for v, u in in_whole_units(n, unit))


def duration_of(text: str) -> str | None:
    found = find_durations(text)
    return found[0][0] if found else None
