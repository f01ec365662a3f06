"""Direct quotes in an English document, each with the words that name its speaker.

The quoted spans are found in the text itself (paired quotation marks, paragraph
by paragraph), because spaCy has no notion of a quotation; the parse is used only
for the attribution: the speech verb next to the quote ("…,” she said",
"said Jane Roe, …", "he told reporters that “…”") and that verb's subject. A
pronoun subject is resolved to the nearest earlier person mention whose gender,
where the text shows it, agrees. Parts of one quote (split by "she said", or
running over paragraphs) share one speaker. Rules are data in
`resources/en/quotes.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from casefile.model import Mention, QuoteMention, Source
from casefile.resources import load, place_names

# how far (in characters) an attribution may stand from its quote
_TAIL_REACH = 260
_HEAD_REACH = 160
# the most tokens between a speech verb and the opening mark ("said on Monday that “")
_HEAD_GAP_TOKENS = 6
# a pronoun is resolved only to a person mentioned this close before it
_PRONOUN_REACH = 2500
# how many earlier sentences with a person a pronoun may reach back to a person known to match its gender
_GENDER_LOOKBACK = 3
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"«]|\s*$)")
# punctuation that, just before the closing mark, lets an attribution follow the quote
_OPEN_ENDINGS = (",", "?", "!", "—", "–", "-", "…")


@dataclass
class _Span:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (the paragraph end when the quote runs on)
    start: int  # the quoted words, trimmed: [start, end)
    end: int
    para: int
    closed: bool
    speaker: str | None = None
    speaker_text: str | None = None
    attributed: bool = False


@cache
def _rules() -> dict:
    return load("en/quotes.yaml")


def extract_quotes(doc: Doc, source: Source, mentions: list[Mention]) -> list[QuoteMention]:
    text = source.text
    spans = find_quote_spans(text)
    if not spans:
        return []
    genders = person_genders(doc, mentions)
    for sp in spans:
        _attribute(doc, text, sp, spans, mentions, genders)
    _share_speakers(text, spans)
    rules = _rules()
    out: list[QuoteMention] = []
    for sp in spans:
        words = len(text[sp.start:sp.end].split())
        if sp.attributed:
            keep = words >= rules["min_words_attributed"]
        else:
            keep = words >= rules["min_words_unattributed"] and text[sp.start:sp.start + 1].isupper()
        if keep:
            out.append(QuoteMention(source=source.id, text=text[sp.start:sp.end], start=sp.start, end=sp.end,
                                    speaker=sp.speaker, speaker_text=sp.speaker_text))
    return out


# --------------------------------------------------------------------------- spans


def find_quote_spans(text: str) -> list[_Span]:
    """Every quoted span, paragraph by paragraph; an unclosed quote runs to its paragraph's end."""
    marks: dict[str, str] = _rules()["marks"]
    spans: list[_Span] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        i = 0
        while i < len(line):
            closer = marks.get(line[i])
            if closer is None:
                i += 1
                continue
            j = _closing(line, closer, i + 1)
            closed = j >= 0
            j = j if closed else len(line)
            sp = _trimmed(text, pos + i, pos + j, para, closed)
            if sp is not None:
                spans.append(sp)
            i = j + 1
        pos += len(line) + 1
    return spans


def _closing(line: str, closer: str, start: int) -> int:
    """Where the quote opened before `start` closes in `line`, or -1."""
    apostrophe = closer in _rules()["apostrophes"]
    j = line.find(closer, start)
    while j >= 0 and apostrophe and j + 1 < len(line) and line[j + 1].isalnum():
        j = line.find(closer, j + 1)
    return j


def _trimmed(text: str, open_: int, close: int, para: int, closed: bool) -> _Span | None:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    # the comma before a closing mark belongs to the sentence around the quote
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end - start < 2:
        return None
    return _Span(open=open_, close=close, start=start, end=end, para=para, closed=closed)


# --------------------------------------------------------------------------- attribution


def _attribute(doc: Doc, text: str, sp: _Span, spans: list[_Span], mentions: list[Mention],
               genders: dict[str, str]) -> None:
    verb = _tail_verb(doc, text, sp, spans) or _head_verb(doc, text, sp, spans)
    if verb is None:
        return
    sp.attributed = True
    sp.speaker, sp.speaker_text = _speaker_of(doc, verb, mentions, spans, genders)


def _speech_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in _rules()["speech_verbs"] and tok.pos_ in ("VERB", "AUX")


def _tail_verb(doc: Doc, text: str, sp: _Span, spans: list[_Span]) -> Token | None:
    """The speech verb of "…,” she said" / "…,” said Jane Roe": after the quote, same sentence."""
    if not sp.closed:
        return None
    before_mark = text[sp.start:sp.close].rstrip()
    after_mark = text[sp.close + 1:sp.close + 3].lstrip()
    if not (before_mark.endswith(_OPEN_ENDINGS) or after_mark.startswith(",")):
        return None  # "…blank.” Then …": the quote closed its sentence
    lo = sp.close + 1
    hi = min(_para_end(text, lo), lo + _TAIL_REACH, _next_open(spans, lo))
    end = _SENTENCE_END.search(text, lo, hi)
    hi = end.start() if end else hi
    region = doc.char_span(lo, hi, alignment_mode="contract")
    if region is None:
        return None
    verb = next((t for t in region if _speech_verb(t)), None)
    first = next((t for t in region if not t.is_punct), None)
    if verb is None or first is None:
        return None
    # the attribution must follow the quote at once ("…,” she said", "…,” said Roe", "…,” Roe, a
    # lawyer, said"); in "“term”, an offence that …, his lawyer said" the quote is a cited term
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if first == verb or first.head == verb or (subj is not None and subj.left_edge.i <= first.i <= subj.i):
        return verb
    return None


def _head_verb(doc: Doc, text: str, sp: _Span, spans: list[_Span]) -> Token | None:
    """The speech verb of "she said: “…”" / "he told reporters that “…”": just before the quote."""
    lo = max(_para_start(text, sp.open), sp.open - _HEAD_REACH, _prev_close(spans, sp.open))
    region = doc.char_span(lo, sp.open, alignment_mode="contract")
    if region is None or len(region) == 0:
        return None
    fillers = set(_rules()["lead_in_fillers"])
    toks = list(region)
    for k in range(len(toks) - 1, max(-1, len(toks) - 2 - _HEAD_GAP_TOKENS), -1):
        if _speech_verb(toks[k]):
            gap = toks[k + 1:]
            if not gap or gap[-1].text in fillers:
                return toks[k]
            return None
    return None


def _speaker_of(doc: Doc, verb: Token, mentions: list[Mention], spans: list[_Span],
                genders: dict[str, str]) -> tuple[str | None, str | None]:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        # "said Jane Roe" parsed without a subject: the name right after the verb
        nxt = doc[verb.i + 1:verb.i + 4]
        m = next((m for m in mentions if nxt.start_char <= m.start < nxt.end_char), None) if len(nxt) else None
        if m is not None:
            return m.id, m.text
        names = [t for t in nxt if t.pos_ == "PROPN"]
        return (None, " ".join(t.text for t in names)) if names else (None, None)
    if subj.lower_ in _rules()["pronouns"]:
        mid, words = _resolve_pronoun(subj, mentions, spans, genders)
        linked = _mention_at(mentions, subj.idx)
        if mid is None and linked is not None and linked.refers_to:
            return linked.id, words  # the mention extractor linked the pronoun where we could not
        return mid, words
    own = _mention_at(mentions, subj.idx)
    if own is None:
        appos = next((c for c in subj.children if c.dep_ == "appos"), None)
        own = _mention_at(mentions, appos.idx) if appos is not None else None
    left = subj.left_edge
    phrase = doc.text[left.idx:subj.idx + len(subj.text)]
    if own is not None:
        return own.id, own.text
    return None, phrase


def _mention_at(mentions: list[Mention], offset: int) -> Mention | None:
    return next((m for m in mentions if m.start <= offset < m.end), None)


def _resolve_pronoun(pron: Token, mentions: list[Mention], spans: list[_Span],
                     genders: dict[str, str]) -> tuple[str | None, str]:
    """The person a "he"/"she" speaker stands for: walking back sentence by sentence, the subject
    of the nearest sentence that has a person in it (else that sentence's last person), skipping
    people mentioned inside quotes, names used as modifiers ("the Georgian community"), plurals and
    anyone whose gender, where the text shows it, contradicts the pronoun. Returns the mention id
    (None when the person is not a mention) and the words that name the person (else the pronoun)."""
    if pron.lower_ not in ("he", "she"):
        return None, pron.text
    want = _rules()["pronouns"].get(pron.lower_)
    by_sent: dict[int, list[_Candidate]] = {}
    for c in _candidates(pron, mentions, spans):
        known = genders.get(_last_word(c.text))
        if want and known and known != want:
            continue
        by_sent.setdefault(c.root.sent.start, []).append(c)
    best: list[_Candidate] = []
    for sent_start in sorted(by_sent, reverse=True)[:_GENDER_LOOKBACK]:
        cands = sorted(by_sent[sent_start], key=lambda c: c.start)
        subjects = [c for c in cands if c.root.dep_ in ("nsubj", "nsubjpass")]
        best.append((subjects or cands)[-1])
    if not best:
        return None, pron.text
    # the nearest person, unless only an earlier one is known to match the pronoun's gender
    confirmed = [c for c in best if genders.get(_last_word(c.text)) == want]
    pick = best[0] if not confirmed or genders.get(_last_word(best[0].text)) == want else confirmed[0]
    return pick.mention, pick.text


def _last_word(text: str) -> str:
    words = text.lower().split()
    return _POSSESSIVE.sub("", words[-1]) if words else ""


@dataclass
class _Candidate:
    start: int
    mention: str | None
    text: str
    root: Token


def _candidates(pron: Token, mentions: list[Mention], spans: list[_Span]) -> list[_Candidate]:
    """Earlier people a pronoun may stand for: person mentions, and singular proper-noun subjects
    the mention extractor typed otherwise or missed (not known places, not organizations)."""
    doc = pron.doc
    lo = pron.idx - _PRONOUN_REACH
    out: list[_Candidate] = []
    covered: set[int] = set()  # tokens of the person candidates
    for m in mentions:
        if m.end > pron.idx or m.start < lo or m.refers_to or _in_quote(spans, m.start):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if m.type == "person" and not _is_modifier(span) and span.root.tag_ not in ("NNPS", "NNS"):
            covered.update(range(span.start, span.end))
            out.append(_Candidate(m.start, m.id, m.text, span.root))
    mention_type = {i: m.type for m in mentions for i in range(m.start, m.end)}
    for tok in doc.char_span(max(lo, 0), pron.idx, alignment_mode="contract") or []:
        if (tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNP" and tok.i not in covered
                and mention_type.get(tok.idx) != "organization" and not _in_quote(spans, tok.idx)
                and not _known_place(tok.text)):
            name = doc[_name_start(tok):tok.i + 1]
            if not any(c.start == name.start_char for c in out):
                out.append(_Candidate(name.start_char, None, name.text, tok))
    return out


def _name_start(tok: Token) -> int:
    """The first token of a name whose last token is `tok` ("Jane Roe" from "Roe")."""
    i = tok.i
    while i > 0 and tok.doc[i - 1].tag_ == "NNP" and tok.doc[i - 1].dep_ == "compound":
        i -= 1
    return i


def _in_quote(spans: list[_Span], offset: int) -> bool:
    return any(s.open <= offset < s.close for s in spans)


def _known_place(word: str) -> bool:
    return word.lower() in place_names()


def _is_modifier(span: Span) -> bool:
    """A name that only modifies another noun ("the Georgian community") names no one."""
    root = span.root
    return root.dep_ in ("compound", "amod") and not (span.start <= root.head.i < span.end)


# --------------------------------------------------------------------------- gender cues


def _gender_key(m: Mention) -> str:
    return _last_word(m.norm)


def person_genders(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Gender per surname where the text shows it: an honorific before the name, or the first
    gendered pronoun after it in the same sentence with no other person in between."""
    cues: dict[str, str] = {}
    for gender, words in _rules()["gender_cues"].items():
        for w in words:
            cues[w] = gender
    persons = sorted((m for m in mentions if m.type == "person" and not m.refers_to), key=lambda m: m.start)
    votes: dict[str, dict[str, int]] = {}
    for k, m in enumerate(persons):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        found = _honorific(doc, span, cues) or _next_pronoun(span, persons[k + 1:], cues)
        if found:
            tally = votes.setdefault(_gender_key(m), {})
            tally[found] = tally.get(found, 0) + 1
    return {key: max(t, key=lambda g: t[g]) for key, t in votes.items() if len(set(t.values())) == len(t)}


def _honorific(doc: Doc, span: Span, cues: dict[str, str]) -> str | None:
    if span.start == 0:
        return None
    prev = doc[span.start - 1]
    return cues.get(prev.lower_) if prev.lower_.rstrip(".") in ("mr", "mrs", "ms", "miss", "madam", "sir") else None


def _next_pronoun(span: Span, later: list[Mention], cues: dict[str, str]) -> str | None:
    sent = span.sent
    stop = min((m.start for m in later if m.start < sent.end_char), default=sent.end_char)
    for tok in sent.doc[span.end:sent.end]:
        if tok.idx >= stop:
            return None
        if tok.pos_ == "PRON" and tok.lower_ in cues:
            return cues[tok.lower_]
    return None


# --------------------------------------------------------------------------- parts of one quote


def _share_speakers(text: str, spans: list[_Span]) -> None:
    """Parts of one quote share a speaker: "“A,” she said. “B.”" in one paragraph, or a quote
    that runs on into the next paragraph's opening mark."""
    for _ in range(2):  # forwards, then backwards through the parts
        for a, b in zip(spans, spans[1:], strict=False):
            if not _linked(text, a, b):
                continue
            if a.attributed and not b.attributed:
                b.speaker, b.speaker_text, b.attributed = a.speaker, a.speaker_text, True
            elif b.attributed and not a.attributed:
                a.speaker, a.speaker_text, a.attributed = b.speaker, b.speaker_text, True


def _linked(text: str, a: _Span, b: _Span) -> bool:
    if a.para == b.para:
        gap = text[a.close + 1:b.open]
        # only the attribution stands between them, no new sentence about something else
        return len(gap) <= _TAIL_REACH and a.attributed != b.attributed
    # a quote left open at its paragraph's end goes on at the next paragraph's opening mark
    return not a.closed and not text[a.close:b.open].strip()


def _para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _para_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _next_open(spans: list[_Span], pos: int) -> int:
    return min((s.open for s in spans if s.open >= pos), default=10**9)


def _prev_close(spans: list[_Span], pos: int) -> int:
    return max((s.close + 1 for s in spans if s.close < pos), default=0)
