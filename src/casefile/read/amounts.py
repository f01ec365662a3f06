"""Sums of money and lengths of time, in any language, over a spaCy `Doc`.

The words are data (`resources/<code>/amounts.yaml`: currencies, units of time, bounds,
words of elapsed time; `numbers.yaml`: number words and multipliers, in the language's
inflected forms through lemmas where its parser gives them). spaCy's PhraseMatcher, compiled
from them once per language (`wordclasses.WordClasses`), finds the currencies, units and
one-word terms; the number that goes with each
is read from the tokens next to it: digits in any grouping ("150,000", "5 000", "2,5"),
number words ("twenty-five", "двадцати пяти"), multipliers ("1.5 million", "340 тысяч"),
halves ("seven and a half years", "семи с половиной лет", "полтора года").

A length of time is given as an ISO 8601 duration ("P2Y6M"; weeks as days). A quantity
under a bound ("up to 15 years", "до пяти лет", "more than $500") keeps the bound: it is
not a quantity given; one that tells time gone by ("two years ago", "в течение двух лет",
"after five months") has the bound "elapsed". Whether to use them is the caller's choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from casefile.core.dates import in_whole_units
from casefile.core.durations import UNITS, format_duration, parse_duration
from casefile.model import Amount
from casefile.read.language import Language
from casefile.read.wordclasses import (
    Extent,
    Item,
    PerLanguage,
    Phrases,
    WordClasses,
    key,
    keys,
    match_attr,
    phrases,
)

_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")
# spaCy's shapes of a number in digits: "d", "ddd,ddd", "d,ddd.dd", ...
_DIGIT_SHAPES = [h + ",ddd" * k + tail for h in ("d", "dd", "ddd", "dddd") for k in range(3)
                 for tail in ("", ".d", ".dd", ",d", ",dd")]


@dataclass(frozen=True)
class Quantity(Extent):
    amount: Amount | None = None  # a sum of money
    duration: str | None = None  # ISO 8601 ("P2Y6M")
    # "up_to", "at_least", "almost", "about": a bound, not a quantity given; "elapsed": time gone
    # by ("two years ago", "after five months"), not a term given; "difference": one length
    # against another ("two years less than prosecutors asked")
    bound: str | None = None


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Numbers:
    attr: str
    numerals: dict[str, float]
    multipliers: dict[str, float]
    halves: Phrases[bool]

    def word(self, tok: Token) -> tuple[str, float] | None:
        """("num", value) or ("mult", factor) of a number word."""
        k = key(tok, self.attr)
        if k in self.multipliers:
            return "mult", self.multipliers[k]
        if k in self.numerals:
            return "num", self.numerals[k]
        low = tok.lower_
        if low in self.multipliers:
            return "mult", self.multipliers[low]
        if low in self.numerals:
            return "num", self.numerals[low]
        return None


def numbers(lang: Language) -> Numbers:
    table = lang.lex("numbers")
    attr = match_attr(table)
    return Numbers(
        attr=attr,
        numerals={str(k).lower(): float(v) for k, v in (table.get("numerals") or {}).items()},
        multipliers={str(k).lower().rstrip("."): float(v) for k, v in (table.get("multipliers") or {}).items()},
        halves=phrases(attr, ((h, True) for h in table.get("halves") or [])),
    )


def parse_digits(text: str) -> float | None:
    """A number written in digits, whatever its grouping: "150,000", "5 000", "1.5", "2,5"."""
    t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").rstrip(".,")
    if not t or not _DIGITS.fullmatch(t):
        return None
    seps = [c for c in t if c in ".,"]
    if not seps:
        return float(t)
    if len(set(seps)) == 2:  # "1,500.50", "1.500,50": the last separator is the decimal one
        dec = max(t.rfind("."), t.rfind(","))
        return float(re.sub(r"[.,]", "", t[:dec]) + "." + t[dec + 1:])
    groups = t.split(seps[0])
    if len(groups) > 2 or (len(groups[-1]) == 3 and 1 <= len(groups[0]) <= 3 and groups[0] != "0"):
        return float("".join(groups))  # "150,000", "1.000.000": groups of thousands
    return float(groups[0] + "." + groups[1])


def _item(tok: Token, nums: Numbers) -> tuple[str, float] | None:
    if tok.is_space:
        return None
    if tok.text[:1].isdigit():
        v = parse_digits(tok.text)
        return ("digits", v) if v is not None else None
    return nums.word(tok)


def _value(items: list[tuple[str, float, Token]]) -> tuple[float, int] | None:
    """The value of a run of number items, and the index of the first item it uses:
    "twenty five", "сто двадцать", "340 тысяч", "1.5 million", "5 000" (digits grouped by a
    space). An item that cannot go on the number before it ("a 15") starts it again."""
    total = cur = 0.0
    first = 0
    prev: tuple[str, float, Token] | None = None
    for k, (kind, v, tok) in enumerate(items):
        if kind == "mult":
            cur = (cur or 1.0) * v
            if v >= 1000:
                total, cur = total + cur, 0.0
        elif prev is None:
            cur = v
        elif kind == "digits" and prev[0] == "digits" and re.fullmatch(r"\d{3}", tok.text) \
                and re.fullmatch(r"\d{1,3}", prev[2].text) and prev[2].whitespace_ and cur == prev[1]:
            cur = cur * 1000 + v  # "5 000"
        elif prev[0] == "mult" and (cur == 0 or _round(cur, v)):
            cur += v  # "five thousand three hundred", "two hundred five"
        elif prev[0] == "num" and kind == "num" and cur > v and _round(cur, v):
            cur += v  # "twenty five"
        else:
            total, cur, first = 0.0, v, k
        prev = (kind, v, tok)
    value = total + cur
    return (value, first) if value > 0 else None


def _round(cur: float, v: float) -> bool:
    """Whether `v` can follow `cur` in one number ("twenty five": 20 then 5)."""
    if not cur.is_integer() or not float(v).is_integer():
        return False
    size = 10 ** len(str(int(v)))
    return int(cur) % size == 0


def number_before(doc: Doc, end: int, nums: Numbers, floor: int = 0) -> tuple[float, int] | None:
    """The number written just before token `end`, and its first token."""
    items: list[tuple[str, float, Token]] = []
    j = end - 1
    while j >= floor:
        t = doc[j]
        it = _item(t, nums)
        if it is None:
            if t.text == "." and j - 1 >= floor and (nums.word(doc[j - 1]) or ("", 0))[0] == "mult":
                j -= 1  # "300 тыс. тенге": an abbreviated multiplier
                continue
            if t.text in ("-", "–") and items and j - 1 >= floor and not t.whitespace_ \
                    and (nums.word(doc[j - 1]) or ("", 0))[0] == "num":
                j -= 1  # "twenty-five"
                continue
            break
        items.insert(0, (it[0], it[1], t))
        if t.is_sent_start:
            break
        j -= 1
    while items and items[0][0] == "mult":
        items.pop(0)
    if not items:
        return None
    got = _value(items)
    if got is None:
        return None
    value, skip = got
    return value, items[skip][2].i


def number_after(doc: Doc, start: int, nums: Numbers, ceiling: int | None = None) -> tuple[float, int] | None:
    """The number written just after token `start`, and the token after it."""
    stop = len(doc) if ceiling is None else min(ceiling, len(doc))
    items: list[tuple[str, float, Token]] = []
    j = start
    while j < stop:
        t = doc[j]
        if items and t.is_sent_start:
            break
        it = _item(t, nums)
        if it is None:
            if t.text == "." and items and items[-1][0] == "mult":
                j += 1
                continue
            break
        if it[0] != "mult" and items and items[-1][0] == "mult":
            break  # "$1.5 million 300 people"
        items.append((it[0], it[1], t))
        j += 1
    if not items or items[0][0] == "mult":
        return None
    got = _value(items)
    if got is None or got[1]:
        return None
    return got[0], items[-1][2].i + 1


# --------------------------------------------------------------------------- the compiled table


@dataclass(frozen=True)
class Table:
    nums: Numbers
    attr: str
    currencies: Phrases[str]
    symbols: dict[str, str]  # a currency sign -> its code
    units: Phrases[str]
    terms: dict[str, str]
    suffixes: dict[str, str]
    bounds: Phrases[str]
    cues: dict[str, Phrases[bool]]  # amounts.yaml's word lists of CUE_LISTS, by name
    classes: WordClasses


# amounts.yaml's lists of words and phrases that mark what stands beside them, with the list a
# language without one gets: time gone by, before or after a length ("after five months", "two
# years ago"); the word before a term given; words between a sum and the same sum in another
# currency; what joins the parts of one term ("8 years and 6 months")
CUE_LISTS: dict[str, list[str]] = {
    "elapsed_before": [], "elapsed_after": [], "term_before": [], "conversion": [], "joiners": [","],
    "difference_after": []}


def _build(lang: Language, vocab: Vocab) -> Table:
    t = lang.lex("amounts")
    attr = match_attr(t)
    cur: Phrases[str] = Phrases(attr)
    symbols: dict[str, str] = {}
    for code, forms in (t.get("currencies") or {}).items():
        for f in forms or []:
            form = str(f).lower()
            cur.add(form, str(code))
            if not form.replace(" ", "").isalpha():  # "$", "US$": written before the number too
                symbols[form] = str(code)
    units: Phrases[str] = Phrases(attr)
    for unit, forms in (t.get("units") or {}).items():
        for f in forms or []:
            units.add(f, str(unit))
    bounds: Phrases[str] = Phrases(attr)
    for kind, forms in (t.get("bounds") or {}).items():
        for f in forms or []:
            bounds.add(f, str(kind))
    terms = {str(k).lower(): str(v) for k, v in (t.get("term_words") or {}).items()}
    suffixes = {str(k).lower(): str(v) for k, v in (t.get("term_suffixes") or {}).items()}
    wc = WordClasses(vocab)
    wc.words("currency", attr, ((" ".join(k), v) for k, v in cur.table.items()))
    wc.words("unit", attr, ((" ".join(k), v) for k, v in units.table.items()))
    wc.words("term", attr, terms.items())
    if suffixes:  # "7-летний": digits and a suffix in one token
        wc.forms("term_suffix", "SHAPE", (("d-xxxx", True), ("dd-xxxx", True)))
    signs = {x for x in symbols if len(x) == 1}  # "\$250": a sign and digits in one token
    wc.forms("sign_digits", "SHAPE", ((p + n, True) for p in signs | {"\\" + x for x in signs} for n in _DIGIT_SHAPES))
    return Table(
        nums=numbers(lang), attr=attr, currencies=cur, symbols=symbols, units=units, terms=terms,
        suffixes=suffixes, bounds=bounds,
        cues={name: phrases(attr, ((w, True) for w in t.get(name) or default)) for name, default in CUE_LISTS.items()},
        classes=wc,
    )


table = PerLanguage(_build)


# --------------------------------------------------------------------------- finding


def find_amounts(doc: Doc, lang: Language, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Sums of money in tokens [start, end), in order; a sum followed by the same in dollars
    ("150,000 tenges ($390)") is one, with its `usd`."""
    stop = len(doc) if end is None else end
    return [q for q in _all(doc, lang)[0] if start <= q.start and q.end <= stop]


def find_durations(doc: Doc, lang: Language, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Lengths of time in tokens [start, end), in order; "six years and 11 months" is one (P6Y11M)."""
    stop = len(doc) if end is None else end
    return [q for q in _all(doc, lang)[1] if start <= q.start and q.end <= stop]


def _all(doc: Doc, lang: Language) -> tuple[list[Quantity], list[Quantity]]:
    cache_key = f"casefile.quantities.{lang.code}"
    got = doc.user_data.get(cache_key)
    if got is None:
        t = table(lang, doc.vocab)
        items = sorted((it for at in t.classes(doc).values() for it in at), key=lambda it: (it.start, -it.end))
        got = (_amounts(doc, t, items), _durations(doc, t, items)) if items else ([], [])
        doc.user_data[cache_key] = got
    return got  # type: ignore[no-any-return]


def _span(doc: Doc, start: int, end: int, **kw: Any) -> Quantity:
    return Quantity(start, end, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), **kw)


def _bound(doc: Doc, start: int, t: Table) -> tuple[str | None, int]:
    """The bound written just before a number ("up to", "до", "more than"), and where it starts."""
    got = t.bounds.ending_at(doc, start, _sent_start(doc, start))
    return (got[0], got[1]) if got else (None, start)


def _sent_start(doc: Doc, i: int) -> int:
    j = i
    while j > 0 and not doc[j].is_sent_start and i - j < 40:
        j -= 1
    return j


def _amounts(doc: Doc, t: Table, items: list[Item]) -> list[Quantity]:
    raw: list[tuple[int, int, float, str]] = []  # (start, end, value, currency)
    taken = -1
    for it in items:
        name, s, e = it.cls, it.start, it.end
        if s < taken:
            continue
        if name == "sign_digits":
            m = re.fullmatch(r"\\?(\D+?)\s?(\d[\d.,]*)", doc[s].text.lower())
            code = t.symbols.get(m.group(1)) if m else None
            value = parse_digits(m.group(2)) if m else None
            if code and value:
                mult = _multiplier_after(doc, s + 1, t)
                raw.append((s, mult[1] if mult else e, value * (mult[0] if mult else 1.0), code))
                taken = e
            continue
        if name != "currency":
            continue
        code = str(it.value)
        form = " ".join(keys(doc, t.attr)[s:e])
        sign = form in t.symbols  # "$300" (and "300 $")
        code_caps = e - s == 1 and doc[s].is_upper and len(doc[s].text) == 3  # "USD 300" (and "300 USD")
        before = number_before(doc, s, t.nums, floor=max(0, taken))
        after = number_after(doc, e, t.nums) if sign or code_caps else None
        if after is not None and (sign or before is None):
            raw.append((s - 1 if s > 0 and doc[s - 1].text == "\\" else s, after[1], after[0], code))
            taken = after[1]
        elif before is not None:
            raw.append((before[1], e, before[0], code))
            taken = e
    raw.sort()
    out: list[Quantity] = []
    skip: set[int] = set()
    for i, (s, e, value, code) in enumerate(raw):
        if i in skip:
            continue
        usd = value if code == "USD" else None
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if nxt and nxt[3] == "USD" and code != "USD" and _conversion(doc, e, nxt[0], t):
            usd = nxt[2]
            skip.add(i + 1)
            e = nxt[1] + (1 if nxt[1] < len(doc) and doc[nxt[1]].text in (")", "]") else 0)
        bound, _ = _bound(doc, s, t)
        out.append(_span(doc, s, e, amount=Amount(value=value, currency=code, usd=usd), bound=bound))
    return out


def _multiplier_after(doc: Doc, i: int, t: Table) -> tuple[float, int] | None:
    if i < len(doc):
        w = t.nums.word(doc[i])
        if w and w[0] == "mult":
            return w[1], i + 1
    return None


def _conversion(doc: Doc, a: int, b: int, t: Table) -> bool:
    """A sum's value in dollars after it: in brackets, or after a word like "about" ("150,000
    tenges ($390)", "150,000 tenges, or about $390"); nothing else between them."""
    k, marked = a, False
    while k < b:
        if doc[k].text in ("(", "[") or doc[k].is_space or doc[k].text == ",":
            marked = marked or doc[k].text in ("(", "[")
            k += 1
            continue
        got = t.cues["conversion"].at(doc, k, b)
        if got is None:
            return False
        k, marked = got[1], True
    return marked and b - a <= 4


def _durations(doc: Doc, t: Table, items: list[Item]) -> list[Quantity]:
    found: list[tuple[int, int, list[tuple[float, str]]]] = []
    for it in items:
        name, s, e = it.cls, it.start, it.end
        if found and s < found[-1][1]:
            continue
        parts: list[tuple[float, str]] | None = None
        start = s
        if name == "term":
            parts = _parts(str(it.value))
        elif name == "term_suffix":
            low = doc[s].lower_
            for suf, unit in t.suffixes.items():
                n = parse_digits(low[:-len(suf)]) if low.endswith(suf) else None
                if n:
                    parts = _pieces(n, unit)
                    break
        elif name == "unit":
            unit = str(it.value)
            read = _count_before(doc, s, t)
            half_after = t.nums.halves.at(doc, e)
            if read is None and (half_after or t.cues["elapsed_after"].at(doc, e)
                                 or t.cues["elapsed_before"].ending_at(doc, s, max(0, s - 2)) is not None):
                read = (1.0, s)  # "год с половиной", "год назад", "через год": one unit (and a half)
            if read is None:
                continue
            n, start = read
            if half_after and float(n).is_integer():  # "a year and a half", "год с половиной"
                n, e = n + 0.5, half_after[1]
            if unit == "Y" and n >= 1000:
                continue  # "в 2022 году": a year, not a length of time
            parts = _pieces(n, unit)
            floor = found[-1][1] if found else 0
            for c_value, c_start, c_end in _sharing_the_unit(doc, start, t, floor):
                found.append((c_start, c_end, _pieces(c_value, unit)))
        if parts:
            found.append((start, e, parts))
    out: list[Quantity] = []
    for s, e, parts in _joined(doc, found, t):
        bound, b_start = _bound(doc, s, t)
        if e < len(doc) and t.cues["difference_after"].at(doc, e) is not None:
            bound = "difference"  # "two years less than prosecutors asked": no term given
        elif _elapsed(doc, b_start, e, t):
            bound = "elapsed"
        out.append(_span(doc, s, e, duration=format_duration(parts), bound=bound))
    return out


# counts that share the unit of the count after them are small: "in 2021 and two years" is no list
MAX_SHARED_COUNT = 100


def _sharing_the_unit(doc: Doc, start: int, t: Table, floor: int) -> list[tuple[float, int, int]]:
    """Counts written before a count and its unit, joined to it, that take its unit ("six and
    five years", "шести и пяти годам": two terms): (value, start, end) of each, in order."""
    out: list[tuple[float, int, int]] = []
    j = start
    while j > floor:
        joiner = t.cues["joiners"].ending_at(doc, j, max(floor, j - 2))
        if joiner is None:
            break
        num = number_before(doc, joiner[1], t.nums, floor=floor)
        if num is None or not 0 < num[0] < MAX_SHARED_COUNT:
            break
        out.insert(0, (num[0], num[1], joiner[1]))
        j = num[1]
    return out


def _count_before(doc: Doc, unit: int, t: Table) -> tuple[float, int] | None:
    """The count of a unit of time: "seven years", "seven-year", "семи с половиной лет"."""
    end, half = unit, 0.0
    if end > 0 and doc[end - 1].text in ("-", "–") and not doc[end - 1].whitespace_:
        end -= 1  # "seven-year term"
    got = t.nums.halves.ending_at(doc, end)
    if got is not None:
        half, end = 0.5, got[1]
    num = number_before(doc, end, t.nums)
    if num is None or (half and not float(num[0]).is_integer()):
        return None
    return num[0] + half, num[1]


def _pieces(n: float, unit: str) -> list[tuple[float, str]]:
    if unit == "W":
        n, unit = n * 7, "D"
    return [(float(v), u) for v, u in in_whole_units(n, unit)]


def _parts(iso: str) -> list[tuple[float, str]]:
    parsed = parse_duration(iso)
    return parsed.parts() if parsed else []


def _joined(doc: Doc, found: list[tuple[int, int, list[tuple[float, str]]]],
            t: Table) -> list[tuple[int, int, list[tuple[float, str]]]]:
    """"six years and 11 months", "8 years, 6 months": one term, when the units differ."""
    out: list[tuple[int, int, list[tuple[float, str]]]] = []
    for s, e, parts in found:
        if out:
            ps, pe, pparts = out[-1]
            units = [u for _, u in pparts] + [u for _, u in parts]
            if len(set(units)) == len(units) and _joins(doc, pe, s, t) \
                    and UNITS.index(parts[0][1]) > UNITS.index(pparts[-1][1]):
                out[-1] = (ps, e, pparts + parts)
                continue
        out.append((s, e, parts))
    return out


def _joins(doc: Doc, a: int, b: int, t: Table) -> bool:
    k = a
    while k < b:
        got = t.cues["joiners"].at(doc, k, b)
        if got is None:
            return False
        k = got[1]
    return b - a <= 2


def _elapsed(doc: Doc, start: int, end: int, t: Table) -> bool:
    """Time gone by: "after five months", "в течение двух лет", "two years ago", "five-year-old"."""
    if t.cues["elapsed_before"].ending_at(doc, start, max(0, start - 4)) is not None:
        return True
    if t.cues["term_before"].ending_at(doc, start, max(0, start - 1)) is not None:
        return False  # "sentenced to six years after a trial": a term given, whatever follows it
    k = end
    if k < len(doc) and doc[k].text in ("-", "–") and not doc[k - 1].whitespace_:
        k += 1
    return k < len(doc) and t.cues["elapsed_after"].at(doc, k) is not None


def without_bounds(found: list[Quantity]) -> list[Quantity]:
    return [q for q in found if q.bound is None]

