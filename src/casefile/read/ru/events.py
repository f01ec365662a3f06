"""Event mentions in a Russian document, found through natasha's dependency parse.

A trigger is a lemma from resources/ru/triggers.yaml, with the lemmas a rule asks
for among its dependents ("отправил под стражу", "признала ... виновным"). A
trigger that is denied ("не освободили"), hypothetical ("может быть арестован",
"ему грозит") or in the future tense reports no act. The date, term, sum,
charge, place and people come from the same sentence, preferring what hangs
from the trigger in the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from casefile.model import Amount, EventMention, EventType, Mention, Precision, Role, Source
from casefile.read.language import language
from casefile.read.mentions import GENDERS, person_before
from casefile.read.quotes import rules as quote_rules
from casefile.read.ru.amounts import find_amounts, find_durations, subtract_terms
from casefile.read.ru.dates import DateExpr, Published
from casefile.read.ru.parse import Parsed, Tok
from casefile.resources import load

# sentences this close to the top of a report are its news: with no date of their own they
# happened when it was published (the dateline convention of wire and news copy)
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Rule:
    heads: frozenset[str]
    with_: tuple[str, ...]
    types: tuple[EventType, ...]
    without: tuple[str, ...] = ()


@cache
def _lex() -> dict:
    return load("ru/triggers.yaml")


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(Rule(frozenset(r["heads"]), tuple(r.get("with", [])), tuple(r["types"]), tuple(r.get("without", [])))
                 for r in _lex()["rules"])


def extract_events(p: Parsed, source: Source, mentions: list[Mention], dates: list[DateExpr]) -> list[EventMention]:
    out: list[EventMention] = []
    seen: dict[tuple[int, str], set[str | None]] = {}
    for tok in p.toks:
        rule = _match(p, tok)
        if rule is None or _nominal(tok) or _denied(p, tok) or _in_scare_quotes(p, tok):
            continue
        clause = _clause(p, tok)[0]
        for etype in rule.types:
            told = seen.get((clause, etype))
            own = _own_date(p, tok, dates)
            # one act per sentence and type, unless the trigger carries a date of its own that the
            # act already read does not: "задержали 3 мая, а на следующий день арестовали" is two steps
            if told is not None and (own is None or own in told):
                continue
            seen.setdefault((clause, etype), set()).add(own)
            if etype == "sentence" and tok.lemma in _lex()["reductions"] and not _reduction(p, tok)[3]:
                continue  # "сократили срок рассмотрения жалоб": no term, no sentence
            ev = _event(p, source, mentions, dates, tok, etype)
            if told is not None:
                ev = _own_part(p, tok, ev)
            if etype == "sentence" and tok.lemma in _lex()["reductions"]:
                before, after, end, _ = _reduction(p, tok)
                if after and end > ev.end:  # the quote shows the cut it was computed from
                    ev = ev.model_copy(update={"end": end, "quote": p.text[ev.start:end]})
                if before:
                    # the term that was cut is a sentence the report tells too ("сократил семилетний срок")
                    out.append(_event(p, source, mentions, dates, tok, etype).model_copy(update={"duration": before}))
            out.append(ev)
    return out


def _match(p: Parsed, tok: Tok) -> Rule | None:
    for rule in rules():
        if tok.lemma not in rule.heads:
            continue
        near = {p.toks[k].lemma for k in p.subtree(tok.i, depth=2)}
        near |= {t.lemma for t in p.toks[tok.i + 1:tok.i + 5] if t.sent == tok.sent}
        if tok.head is not None:  # "домашний" hangs from "арест"
            near.add(p.toks[tok.head].lemma)
        # what the act is done to: the trigger's own dependents and the words right after it
        done_to = {p.toks[k].lemma for k in p.subtree(tok.i, depth=2)} | {
            t.lemma for t in p.toks[tok.i + 1:tok.i + 4] if t.sent == tok.sent}
        if all(w in near for w in rule.with_) and not any(w in done_to for w in rule.without):
            return rule
    return None


def _nominal(tok: Tok) -> bool:
    """A full participle ("осужденный", "предъявленное обвинение") names a state, it does not tell an act;
    the short form ("был осужден") does."""
    if tok.feats.get("VerbForm") == "Part" and tok.feats.get("Variant") != "Short":
        return True
    # the tagger sometimes gives a full participle used as a noun or adjective ("Задержанного
    # отпустили", "задержанную активистку") as PROPN or ADJ, without the participle feature
    return tok.pos in ("ADJ", "PROPN", "NOUN") and bool(_FULL_PARTICIPLE.search(tok.text.lower()))


# a live report's update, led by the time of day it was posted ("14:00 В отделе полиции ...")
_LIVE_UPDATE = re.compile(r"\s*[0-2]?\d:[0-5]\d\s")
_FULL_PARTICIPLE = re.compile(r"(?:нн|[^с]т)(?:ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми|ий|его|ему|им|ем|ее|ие|их|ими)$")


# dependents that can make the trigger itself hypothetical ("бы", "если", "может"), as
# against a clause joined to it ("..., им грозит до 10 лет" is another statement)
_MODIFIER_RELS = {"aux", "aux:pass", "mark", "advmod", "discourse", "cop", "xcomp", "nsubj", "obl"}


def _denied(p: Parsed, tok: Tok) -> bool:
    """Negated, hypothetical or future: the sentence reports no act done."""
    lex = _lex()
    kids = [p.toks[k] for k in p.children.get(tok.i, [])]
    if any(k.lemma in lex["negation"] for k in kids):
        return True
    if tok.feats.get("Tense") == "Fut" or any(k.lemma == "быть" and k.feats.get("Tense") == "Fut" for k in kids):
        return True
    hypo = set(lex["hypothetical"])
    if any(k.lemma in hypo for k in kids if k.rel in _MODIFIER_RELS):
        return True
    # up the tree, through what the trigger is part of; a loose clause stops it, and a coordinated
    # word answers to what governs its first conjunct, not to that conjunct ("предусматривает
    # лишение свободы и штраф"; "суд отказал в жалобе, и его арестовали" stays an act)
    node = tok
    for _ in range(3):
        while node.rel == "conj" and node.head is not None:
            node = p.toks[node.head]
        if node.head is None or node.rel == "parataxis":
            break
        up = p.toks[node.head]
        if up.lemma in hypo:
            return True
        # "если суд арестует ...": the condition marker hangs from the clause's verb
        if node is tok and any(p.toks[c].lemma in hypo and p.toks[c].rel == "mark" for c in p.children.get(up.i, [])):
            return True
        node = up
    return False


def _in_scare_quotes(p: Parsed, tok: Tok) -> bool:
    """A trigger in a short «quoted phrase» is the words of a charge or a label, not an act."""
    line_start = p.text.rfind("\n", 0, tok.start) + 1
    before = p.text[line_start:tok.start]
    opened = before.rfind("«")
    if opened < 0 or before.rfind("»") > opened:
        return False
    close = p.text.find("»", tok.end)
    return close >= 0 and len(p.text[line_start + opened:close].split()) <= 4


def _event(p: Parsed, source: Source, mentions: list[Mention], dates: list[DateExpr],
           tok: Tok, etype: EventType) -> EventMention:
    start, end = _clause(p, tok)
    near = set(p.subtree(tok.i, depth=3))
    sent_dates = [d for d in dates if start <= d.start < end]
    date, prec = _date(p, tok, sent_dates, near, source)
    end_date = None
    if etype in _lex()["with_term"]:
        ends = [d for d in sent_dates if d.is_end and d.date]
        end_date = ends[0].date if ends else None
    duration = _duration(p, tok, etype, near)
    amount = _amount(p, tok, etype, near)
    sent_mentions = [m for m in mentions if start <= m.start < end]
    charge = _charge(p, start, end)
    return EventMention(
        source=source.id, type=etype, trigger=tok.text, quote=p.text[start:end], start=start, end=end,
        sentence=tok.sent, date=date, date_precision=prec, end_date=end_date,
        place=_place(p, sent_mentions, near, charge), participants=_participants(p, mentions, sent_mentions, near, tok),
        amount=amount, duration=duration, charge=charge[0] if charge else None,
    )


def _clause(p: Parsed, tok: Tok) -> tuple[int, int]:
    """The sentence of the trigger, kept to its line (titles and captions run into the next line)."""
    s = p.sents[tok.sent]
    start = max(s.start, p.text.rfind("\n", 0, tok.start) + 1)
    nl = p.text.find("\n", tok.end)
    end = min(s.end, nl) if nl >= 0 else s.end
    return start, end


def _date(p: Parsed, tok: Tok, sent_dates: list[DateExpr], near: set[int],
          source: Source) -> tuple[str | None, Precision]:
    points = [d for d in sent_dates if not d.is_end]
    if points:
        in_tree = [d for d in points if any(p.toks[k].start <= d.start < p.toks[k].end + 1 for k in near)]
        pick = min(in_tree or points, key=lambda d: abs(d.start - tok.start))
        return pick.date, pick.precision if pick.date else "unknown"
    # only a date the report gives itself: an estimate from its content is a floor, not a date
    own = source.published if source.published_basis != "content" else None
    if not own:
        return None, "unknown"
    pub = Published.of(own)
    line = p.text[p.text.rfind("\n", 0, tok.start) + 1:tok.start]
    if _LIVE_UPDATE.match(line) and pub.day:
        return own[:10], "day"  # "17:09 Задержанного отпустили": an update of that day
    if p.sents[tok.sent].run < LEAD_SENTENCES and not _looks_back(p, tok):
        if pub.day:
            return own[:10], "day"
        if pub.month:
            return own[:7], "month"
    return None, "unknown"


def _own_part(p: Parsed, tok: Tok, ev: EventMention) -> EventMention:
    """A second act of one type in a sentence is quoted from the clause that tells it
    ("..., а на следующий день ... оказался в СИЗО"), so its evidence is its own words."""
    head = p.text[ev.start:tok.start]
    cut = max(head.rfind(c) for c in ",;:—")
    if cut < 0:
        return ev
    start = ev.start + cut + 1
    start += len(p.text[start:tok.start]) - len(p.text[start:tok.start].lstrip())
    return ev.model_copy(update={"start": start, "quote": p.text[start:ev.end]})


def _own_date(p: Parsed, tok: Tok, dates: list[DateExpr]) -> str | None:
    """The date told in the trigger's own part of the parse, if any."""
    start, end = _clause(p, tok)
    near = set(p.subtree(tok.i, depth=3))
    points = [d for d in dates if start <= d.start < end and not d.is_end and d.date]
    in_tree = [d for d in points if any(p.toks[k].start <= d.start < p.toks[k].end + 1 for k in near)]
    return min(in_tree, key=lambda d: abs(d.start - tok.start)).date if in_tree else None


def _looks_back(p: Parsed, tok: Tok) -> bool:
    return tok.feats.get("Tense") == "Pres" or any(t.lemma in _lex()["past_markers"] for t in p.sent_toks(tok.sent))


def _duration(p: Parsed, tok: Tok, etype: EventType, near: set[int]) -> str | None:
    if etype not in _lex()["with_term"]:
        return None
    if etype == "sentence" and tok.lemma in _lex()["reductions"]:
        return _reduction(p, tok)[1]
    found = [f for f in find_durations(p, tok.sent) if f.duration and not _hypothetical_span(p, f.first)]
    tied = [f for f in found if set(range(f.first, f.stop)) & near]
    # else the closest term in a few words ("провел 15 суток под арестом")
    pick = tied or sorted((f for f in found if -6 <= f.first - tok.i <= 8), key=lambda f: abs(f.first - tok.i))
    return pick[0].duration if pick else None


def _reduction(p: Parsed, tok: Tok) -> tuple[str | None, str | None, int, bool]:
    """(term before, term after, end of the text they come from, whether any term is told) of a cut term: "сократил срок с семи лет до шести" gives both;
    "смягчил семилетний срок на месяц" gives P7Y and P6Y11M. A verbless fragment right after on
    the same line belongs to it ("Суд сократил ему 7 лет срока. На один месяц")."""
    found = [f for f in find_durations(p, tok.sent) if f.duration and not _hypothetical_span(p, f.first)]
    end = _clause(p, tok)[1]
    nxt = tok.sent + 1
    if nxt < len(p.sents) and "\n" not in p.text[p.sents[tok.sent].end:p.sents[nxt].start] \
            and not any(t.pos in {"VERB", "AUX"} for t in p.sent_toks(nxt)) \
            and p.sent_toks(nxt)[0].lemma in {*_lex()["reduction_by"], *_lex()["reduction_to"]}:
        nl = p.text.find("\n", p.sents[nxt].start)
        line_end = p.sents[nxt].end if nl < 0 else min(nl, p.sents[nxt].end)
        more = [f for f in find_durations(p, nxt) if f.duration and p.toks[f.stop - 1].end <= line_end]
        if more:
            found += more
            end = line_end
    base = after = cut = None
    for f in found:
        prep = p.toks[f.first - 1].lemma if f.first > 0 else ""
        if prep in _lex()["reduction_by"]:
            cut = cut or f.duration
        elif prep in _lex()["reduction_to"]:
            after = after or f.duration
        else:
            base = base or f.duration
    if after is None and base and cut:
        after = subtract_terms(base, cut)
    return base, after, end, bool(found)


def _amount(p: Parsed, tok: Tok, etype: EventType, near: set[int]) -> Amount | None:
    if etype not in _lex()["with_amount"]:
        return None
    found = [f for f in find_amounts(p, tok.sent) if not _hypothetical_span(p, f.first)]
    tied = [f for f in found if set(range(f.first, f.stop)) & near]
    pick = tied or found
    return pick[0].amount if pick else None


def _hypothetical_span(p: Parsed, i: int) -> bool:
    """A term under "грозит" is the maximum the law allows, not a term given."""
    hypo = set(_lex()["hypothetical"])
    return any(p.toks[a].lemma in hypo for a in p.ancestors(i)[:4])


_ARTICLE = re.compile(
    r"(?:(?:ч\.|част[ьи])\s*\d+(?:\.\d+)?\s*)?(?:ст\.|стать[яиеюй]|статье)\s*\d+(?:\.\d+)*(?:\s*(?:УК|КоАП)(?:\s*РФ|\s*РК|\s*РБ)?)?",
    re.I)


def _charge(p: Parsed, start: int, end: int) -> tuple[str, int, int] | None:
    """The article ("ч. 1 ст. 205.2 УК") or the words after "дело о" ("об оправдании терроризма")."""
    text = p.text[start:end]
    m = _ARTICLE.search(text)
    if m:
        return m.group(0).strip(), start + m.start(), start + m.end()
    for t in p.toks:
        if t.start < start or t.end > end or t.lemma != "дело":
            continue
        for k in p.children.get(t.i, []):
            kid = p.toks[k]
            if any(p.toks[c].lemma in {"о", "об"} for c in p.children.get(k, [])) and kid.rel.startswith("nmod"):
                sub = [i for i in p.subtree(k) if start <= p.toks[i].start and p.toks[i].end <= end]
                a, b = p.toks[sub[0]].start, p.toks[sub[-1]].end
                # the charge as a label: its words without the guillemets that mark them as quoted
                words = re.sub(r"\s+", " ", p.text[a:b].replace("«", "").replace("»", "")).strip(" \"")
                return words, a, b
    return None


def _place(p: Parsed, sent_mentions: list[Mention], near: set[int],
           charge: tuple[str, int, int] | None) -> str | None:
    """Where the act happened: a place named with "в"/"во" ("в Москве", "в СИЗО-1"), not a
    place that only describes someone ("депутат ... округа") or belongs to the charge."""
    def located(m: Mention) -> bool:
        first = next((t for t in p.toks if t.start == m.start), None)
        if first is None:
            return False
        marks = [p.toks[c].lemma for c in p.children.get(first.i, [])]
        head = p.toks[first.head] if first.head is not None else None
        return "в" in marks or (head is not None and head.lemma in {"в", "во"}) or (
            first.i > 0 and p.toks[first.i - 1].lemma == "в")

    places = [m for m in sent_mentions if m.type == "place" and located(m)
              and not (charge and charge[1] <= m.start < charge[2])]
    in_tree = [m for m in places if any(p.toks[k].start == m.start for k in near)]
    pick = in_tree or places
    return pick[0].id if pick else None


_PATIENT = {"obj", "nsubj:pass", "iobj"}
_NAME_LINKS = {"appos", "flat", "flat:name", "nmod"}


def _patient(p: Parsed, tok: Tok, start: int) -> bool:
    """Is the word at `start` what the act was done to ("задержали активиста Ивана Петрова")?"""
    i = next((t.i for t in p.toks if t.start == start), None)
    for _ in range(3):
        if i is None:
            return False
        t = p.toks[i]
        if t.head == tok.i:
            return t.rel in _PATIENT
        if t.rel not in _NAME_LINKS:
            return False
        i = t.head
    return False


def _participants(p: Parsed, mentions: list[Mention], sent_mentions: list[Mention],
                  near: set[int], tok: Tok) -> list[tuple[str, Role]]:
    """People and authorities of the act: the one it was done to is its subject (whatever else
    they are: a lawyer can be detained), others keep the role their context hints."""
    out: list[tuple[str, Role]] = []
    starts = {p.toks[k].start for k in near}
    for m in sent_mentions:
        if m.type == "person":
            if _patient(p, tok, m.start):
                role: Role = "subject"
            else:
                role = m.role_hints[0] if m.role_hints else ("subject" if m.start in starts else "other")
            out.append((m.id, role))
        elif m.type == "organization" and "authority" in m.role_hints:
            out.append((m.id, "authority"))
    if not any(r == "subject" for _, r in out):
        # "его задержали": the object pronoun stands for the last person named before
        pron = {w for w, gender in quote_rules("ru").pronouns.items() if gender}
        for k in sorted(near):
            t = p.toks[k]
            if t.lemma in pron and t.rel in {"obj", "nsubj:pass", "iobj", "nsubj"}:
                ante = person_before(mentions, t.start, gender=GENDERS.get(t.feats.get("Gender", "")),
                                     lang=language("ru"))
                if ante:
                    out = [(mid, r) for mid, r in out if mid != ante.id] + [(ante.id, "subject")]
                break
    return out
