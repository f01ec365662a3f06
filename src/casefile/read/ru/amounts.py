"""Terms ("к семи годам колонии" -> P7Y) and sums of money ("340 тысяч тенге") in Russian.

Read off natasha's lemmatised tokens, so every case of a numeral or unit
("семи", "трем", "лет", "суток") comes to one form; the number words, units and
currencies are data (resources/ru/numbers.yaml). Libraries such as
number-parser do not read inflected Russian numerals, hence the small fold here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from casefile.core.dates import in_whole_units
from casefile.model import Amount
from casefile.read.ru.parse import Parsed, Tok
from casefile.resources import load


@dataclass(frozen=True)
class Found:
    first: int  # token indices [first, stop)
    stop: int
    duration: str | None = None
    amount: Amount | None = None


@cache
def _lex() -> dict:
    return load("ru/numbers.yaml")


def _digits(tok: Tok) -> float | None:
    t = tok.text.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    return None


def number_before(p: Parsed, i: int) -> tuple[float, int] | None:
    """The number written just before token i ("семи", "15", "двадцать пять", "340 тысяч"), and its first token."""
    nums: list[float] = []
    mult, j = 1.0, i - 1
    sent = p.toks[i].sent
    half = 0.0
    if j >= 1 and p.toks[j].lemma == "половина" and p.toks[j - 1].lemma == "с" and p.toks[j - 1].sent == sent:
        half, j = 0.5, j - 2  # "к семи с половиной годам": seven and a half
    while j >= 0 and p.toks[j].sent == sent:
        t = p.toks[j]
        m = _lex()["multipliers"].get(t.lemma.rstrip("."))
        if m and not nums and mult == 1.0:
            mult = float(m)
        elif (value := _digits(t)) is not None:
            after = p.toks[j + 1]
            if nums and re.fullmatch(r"\d{3}", after.text) and t.end + 1 >= after.start and t.text.isdigit():
                nums[-1] = float(t.text + after.text)  # "5 000": digits grouped by a space
            else:
                nums.append(value)
        elif t.lemma in _lex()["numerals"]:
            nums.append(float(_lex()["numerals"][t.lemma]))
        else:
            break
        j -= 1
    if not nums:
        return None
    return sum(nums) * mult + half, j + 1


def _iso(parts: list[tuple[float, str]]) -> str:
    date = "".join(f"{_n(v)}{u}" for v, u in parts)
    return f"P{date}"


def _n(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def find_durations(p: Parsed, sent: int) -> list[Found]:
    """Terms in one sentence; "шесть лет и 11 месяцев" is one term (P6Y11M)."""
    units = _lex()["units"]
    out: list[Found] = []
    toks = p.sent_toks(sent)
    order = "YMWD"
    for t in toks:
        adj = _lex()["term_adjectives"].get(t.lemma.replace("ё", "е")) or _lex()["term_adjectives"].get(t.lemma)
        if adj:
            out.append(Found(t.i, t.i + 1, duration=adj))
            continue
        unit = units.get(t.lemma) or units.get(t.text.lower())
        if not unit:
            continue
        num = number_before(p, t.i)
        if num is None:
            continue
        value, first = num
        if unit == "Y" and value >= 1000:
            continue  # "в 2022 году" is a year, not a term
        if unit == "W":
            value, unit = value * 7, "D"
        pieces = [(float(v), u) for v, u in in_whole_units(value, unit)]
        prev = out[-1] if out else None
        if prev and prev.duration and first - prev.stop <= 1 and _joins(p, prev.stop, first):
            parts = re.findall(r"(\d+(?:\.\d+)?)([YMWD])", prev.duration)
            merged = [(float(v), u) for v, u in parts] + pieces
            if len({u for _, u in merged}) == len(merged):
                merged.sort(key=lambda x: order.index(x[1]))
                out[-1] = Found(prev.first, t.i + 1, duration=_iso(merged))
                continue
        out.append(Found(first, t.i + 1, duration=_iso(pieces)))
    return [f for f in out if not _not_term(p, f)]


def subtract_terms(base: str, cut: str) -> str | None:
    """base - cut for ISO terms ("P7Y" - "P1M" = "P6Y11M"), counting years and months as
    months; None when a cut in days meets a term in months (a month has no fixed length)
    or the result is not positive."""
    def parts(iso: str) -> dict[str, float]:
        return {u: float(v) for v, u in re.findall(r"(\d+(?:\.\d+)?)([YMD])", iso)}
    b, c = parts(base), parts(cut)
    months = b.get("Y", 0) * 12 + b.get("M", 0) - c.get("Y", 0) * 12 - c.get("M", 0)
    days = b.get("D", 0) - c.get("D", 0)
    if days < 0 or months < 0 or (c.get("D") and (b.get("Y") or b.get("M"))) or months + days <= 0:
        return None
    out = [(months // 12, "Y"), (months % 12, "M"), (days, "D")]
    return _iso([(v, u) for v, u in out if v])


def _joins(p: Parsed, a: int, b: int) -> bool:
    return a == b or all(p.toks[k].lemma in {"и", ","} for k in range(a, b))


def _not_term(p: Parsed, f: Found) -> bool:
    """"три года назад", "в течение двух лет": a span of time, not a term."""
    near = p.toks[max(0, f.first - 2):min(len(p.toks), f.stop + 1)]
    return any(t.lemma in _lex()["not_terms"] for t in near)


def find_amounts(p: Parsed, sent: int) -> list[Found]:
    """Sums with a currency in one sentence ("штраф в размере 100 тысяч рублей")."""
    out: list[Found] = []
    for t in p.sent_toks(sent):
        cur = _currency(t.text)
        if not cur:
            continue
        num = number_before(p, t.i)
        if num is None:
            continue
        value, first = num
        out.append(Found(first, t.i + 1, amount=Amount(value=value, currency=cur)))
    return out


def _currency(word: str) -> str | None:
    w = word.lower()
    for prefix, code in _lex()["currencies"].items():
        if w.startswith(prefix) and (len(prefix) <= 1 or len(w) - len(prefix) <= 4):
            return str(code)
    return None
