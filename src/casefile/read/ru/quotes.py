"""Direct speech in a Russian document, with who said it.

Quoted text is found by its marks («ёлочки», „лапки“, "straight" quotes, and a
line of speech opened by a dash); the speaker from the attribution after it
("— заявил он", "сказал адвокат"), before it ("по словам адвоката ..."), or
from the parse: the subject of the speech verb the quote hangs from
("X предложил объявить минуту молчания «...»"). A pronoun or a role word
("адвокат") stands for the closest person named before it.
"""

from __future__ import annotations

import re
from functools import cache

from casefile.model import Mention, QuoteMention, Source
from casefile.read.ru.mentions import cues, person_before, role_of_lemma
from casefile.read.ru.parse import Parsed, Tok
from casefile.resources import load

_PAIRS = re.compile(r"«(?P<a>[^«»]*(?:«[^«»]*»[^«»]*)*)»|„(?P<b>[^„“”\n]+)[“”]|\"(?P<c>[^\"\n]+)\"|“(?P<d>[^“”\n]+)”")
_DASH_LINE = re.compile(r"^[ \t]*[—–-][ \t]+(?P<q>[^\n]+?)(?=[ \t]*,?[ \t]*[—–-][ \t]+\w|\n|$)", re.M)
_DASH = re.compile(r"^\s*[,.!?…]?\s*[—–-]\s*")


@cache
def _lex() -> dict:
    return load("ru/speech.yaml")


def extract_quotes(p: Parsed, source: Source, mentions: list[Mention]) -> list[QuoteMention]:
    out: list[QuoteMention] = []
    spans: list[tuple[int, int]] = []
    for m in _PAIRS.finditer(p.text):
        group = next(g for g in "abcd" if m.group(g) is not None)
        spans.append((m.start(group), m.end(group)))
    for m in _DASH_LINE.finditer(p.text):
        if not any(a <= m.start("q") < b for a, b in spans):
            spans.append((m.start("q"), m.end("q")))
    for a, b in sorted(spans):
        body = p.text[a:b].strip()
        a += len(p.text[a:b]) - len(p.text[a:b].lstrip())
        b = a + len(body)
        words = len(body.split())
        # a short quote is a label or a scare quote, unless a speech verb attributes it right after
        if words < _lex()["min_words"] and not (words >= 2 and _attributed_after(p, b)):
            continue
        if _a_name(p, body, a, b):
            continue  # «Радио Свободная Европа / Радио Свобода»: a name in quotation marks, no one's words
        split = _interrupted(p, mentions, a, b)
        if split:
            out.extend(QuoteMention(source=source.id, text=p.text[x:y], start=x, end=y, speaker=who, speaker_text=said)
                       for x, y, who, said in split)
            continue
        speaker, said_by = _speaker(p, mentions, a, b)
        out.append(QuoteMention(source=source.id, text=body, start=a, end=b, speaker=speaker, speaker_text=said_by))
    return out


def _a_name(p: Parsed, body: str, a: int, b: int) -> bool:
    """Words in quotation marks that name something (an outlet, an organisation, a work): every
    word capitalised and no verb among them."""
    words = [w for w in re.findall(r"[^\W\d_]+", body)]
    if not words or not all(w[0].isupper() for w in words if len(w) > 2):
        return False
    return not any(t.pos in ("VERB", "AUX") for t in p.toks if a <= t.start < b)


_INNER = re.compile(r"[,!?…]?\s*[—–]\s+(?P<attr>[^—–«»\n]+?)[.,:]?\s*[—–]\s+")


def _interrupted(p: Parsed, mentions: list[Mention], a: int, b: int) -> list[tuple[int, int, str | None, str | None]]:
    """«Я не признаю вину, — сказала она. — Я говорила правду»: the author's words inside the
    quotation marks are no speech; they name the speaker of both parts."""
    m = _INNER.search(p.text, a, b)
    if not m:
        return []
    attr = [t for t in p.toks if m.start("attr") <= t.start < m.end("attr")]
    if not attr or attr[0].lemma not in _lex()["verbs"]:
        return []
    words = [t for t in attr[1:] if t.pos != "PUNCT"]
    found = _resolve(p, mentions, _speaker_words(words), a) or (None, None)
    parts = [(a, m.start()), (m.end(), b)]
    return [(x, y, *found) for x, y in parts if p.text[x:y].strip()]


def _attributed_after(p: Parsed, b: int) -> bool:
    rest = p.text[b + 1:b + 200] if b < len(p.text) else ""
    dash = _DASH.match(rest)
    if not dash:
        return False
    start = b + 1 + dash.end()
    first = next((t for t in p.toks if t.start >= start), None)
    return first is not None and first.lemma in _lex()["verbs"]


def _speaker_words(toks: list[Tok]) -> list[Tok]:
    """The words naming the speaker after a speech verb, up to a second verb or a place ("в суде")."""
    out: list[Tok] = []
    for t in toks:
        if t.pos in {"ADP", "VERB"} and out:
            break
        out.append(t)
    return out


def _speaker(p: Parsed, mentions: list[Mention], a: int, b: int) -> tuple[str | None, str | None]:
    for finder in (_after, _before, _governor):
        found = finder(p, mentions, a, b)
        if found:
            return found
    return None, None


def _after(p: Parsed, mentions: list[Mention], a: int, b: int) -> tuple[str | None, str | None] | None:
    """'"...", - сказал адвокат' / '«...» — заявил он': a dash and a speech verb right after the quote."""
    rest = p.text[b + 1:b + 200] if b < len(p.text) else ""
    dash = _DASH.match(rest)
    if not dash:
        return None
    start = b + 1 + dash.end()
    toks = [t for t in p.toks if t.start >= start and t.sent == _sent_at(p, start)]
    toks = toks[:12]
    if not toks or toks[0].lemma not in _lex()["verbs"]:
        return None
    words: list[Tok] = []
    for t in toks[1:]:
        if t.pos == "PUNCT" or t.lemma in {"уточнить", "добавить", "отметить"} and words:
            break
        words.append(t)
    return _resolve(p, mentions, words, a)


def _before(p: Parsed, mentions: list[Mention], a: int, b: int) -> tuple[str | None, str | None] | None:
    """"По словам адвоката, «...»" or "Адвокат заявил: «...»" in the same sentence before the quote."""
    s = p.sents[_sent_at(p, a)]
    lead = p.text[s.start:a]
    own = _OWN_WORDS.search(lead)
    if own:  # "по его мнению", "по ее словам": the person named last before, of that gender
        gender = {"его": "Masc", "ее": "Fem", "её": "Fem"}.get(own.group("pron").lower())
        ante = person_before(mentions, a, gender=gender) if gender else None
        return (ante.id if ante else None), own.group(0)
    for phrase in _lex()["according_to"]:
        i = lead.lower().find(phrase)
        if i >= 0:
            start = s.start + i + len(phrase)
            words = [t for t in p.toks if start <= t.start < a and t.sent == s.index]
            cut = next((k for k, t in enumerate(words) if t.pos == "PUNCT"), len(words))
            return _resolve(p, mentions, words[:cut], a)
    if re.search(r":\s*[«„\"“]?\s*$", lead):
        verbs = [t for t in p.toks if s.start <= t.start < a and t.lemma in _lex()["verbs"]]
        if verbs:
            return _subject_of(p, mentions, verbs[-1], a)
    return None


_OWN_WORDS = re.compile(r"(?<!\w)по\s+(?P<pron>его|ее|её|их)\s+(?:словам|мнению|данным|утверждению)", re.I)


def _governor(p: Parsed, mentions: list[Mention], a: int, b: int) -> tuple[str | None, str | None] | None:
    """The subject of the speech verb that the quoted words depend on."""
    inside = [t for t in p.toks if a <= t.start < b]
    # «назвал вещи своими именами» after "он": the quoted words start with the speech verb itself
    if inside and inside[0].lemma in _lex()["verbs"]:
        found = _subject_of(p, mentions, inside[0], a)
        if found:
            return found
    for t in inside[:3]:
        outside = [p.toks[h] for h in p.ancestors(t.i) if not a <= p.toks[h].start < b]
        # up through the phrase the quote sits in ("предложил объявить минуту молчания «...»")
        for ht in outside[:5]:
            if ht.lemma in _lex()["verbs"]:
                return _subject_of(p, mentions, ht, a)
    return None


def _subject_of(p: Parsed, mentions: list[Mention], verb: Tok, a: int) -> tuple[str | None, str | None] | None:
    for k in p.children.get(verb.i, []):
        if p.toks[k].rel.startswith("nsubj"):
            return _resolve(p, mentions, [p.toks[i] for i in p.subtree(k, depth=2)], a)
    # the parser lost the subject (long fronted clauses): the person named last before the verb
    s = p.sents[verb.sent]
    last = person_before([m for m in mentions if m.start >= s.start], verb.start)
    return (last.id, last.text) if last else None


def _resolve(p: Parsed, mentions: list[Mention], words: list[Tok], quote_start: int) -> tuple[str | None, str | None] | None:
    if not words:
        return None
    lo, hi = words[0].start, words[-1].end
    said_by = p.text[lo:hi]
    named = [m for m in mentions if m.type in {"person", "organization"} and lo <= m.start < hi]
    if named:
        person = [m for m in named if m.type == "person"]
        return (person or named)[0].id, said_by
    for t in words:
        if t.lemma in cues()["person_pronouns"]:
            ante = person_before(mentions, quote_start, gender=t.feats.get("Gender"))
            return (ante.id if ante else None), said_by
        role = role_of_lemma().get(t.lemma)
        if role:
            ante = person_before(mentions, lo, role) or None
            return (ante.id if ante else None), said_by
    return None, said_by


def _sent_at(p: Parsed, char: int) -> int:
    return p.sent_of(char)
