"""Direct quotes in a document of any language, each with the words that name its speaker.

The quoted spans are found in the text itself (paired quotation marks, paragraph by
paragraph; «…» nest; where the language writes speech that way, a line opened by a dash),
because spaCy has no notion of a quotation. The parse is used for the attribution: a
speech verb right after the quote ("…,” she said", "…», — заявил он", "said Jane Roe, …"),
right before it ("he told reporters that “…”", "Адвокат заявил: «…»"), a phrase that names
the speaker ("according to Jane Roe", "по словам адвоката", "по его мнению"), or the speech
verb the quoted words depend on ("предложил почтить память «…»"); then that verb's subject,
or a name in apposition to it ("said the group's researcher Jane Roe"). A pronoun is
resolved to the nearest earlier person whose gender, where the text or the language's
`person_gender` hook shows it, agrees; a role word ("her lawyer", "адвокат") to the nearest
earlier person with that role. Parts of one quote (split by "she said" or by «…, — сказала
она. — …», or running over paragraphs) share one speaker. Every word is data in
`resources/<code>/quotes.yaml`, one schema for every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from casefile.model import Mention, QuoteMention, Role, Source
from casefile.read.grammar import text_of
from casefile.read.language import Language, language
from casefile.read.mentions import GENDERS, DocPass, feat, name_gender, person_before
from casefile.resources import place_names

# how far (in characters) an attribution may stand from its quote
_TAIL_REACH = 260
_HEAD_REACH = 160
# the most tokens between a speech verb and the opening mark ("said on Monday that “")
_HEAD_GAP_TOKENS = 6
# a pronoun is resolved only to a person mentioned this close before it
_PRONOUN_REACH = 2500
# how many earlier sentences with a person a pronoun may reach back to a person known to match its gender
_GENDER_LOOKBACK = 3
# how far up the tree from the quoted words their speech verb may stand, and from how many of them
_GOVERNOR_DEPTH = 5
_GOVERNOR_WORDS = 3
# punctuation that, just before the closing mark, lets an attribution follow the quote
_OPEN_ENDINGS = (",", "?", "!", "…")
_SENTENCE_STOPS = ".!?"
# how many words after a dash that closes a quote its speech verb may stand ("— так в тот день писала она")
_DASH_REACH = 6
# the most words of a name in quotation marks after what it names ("the group “...”")
_NAME_WORDS = 6
# attributions a quote's other parts share (not a quote that is only part of a speech verb's clause)
_SHARED_FROM = ("after", "before", "shared")


@dataclass(frozen=True)
class Rules:
    """One language's quotes.yaml, compiled."""

    code: str
    marks: dict[str, tuple[str, ...]]
    apostrophes: frozenset[str]
    speech_verbs: frozenset[str]
    stance_words: frozenset[str]  # "was unhappy", "недоволен": a sentence a quote after it voices
    first_person: frozenset[str]  # "I", "я": a quote in the first person singular
    quoting_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    signature: re.Pattern[str] | None
    fillers: frozenset[str]
    introducing: frozenset[str]
    dashes: tuple[str, ...]
    dash_speech: bool
    after_dash: bool
    phrases: tuple[str, ...]
    phrase_patterns: tuple[Any, ...]
    own: tuple[Any, ...]
    report_back: tuple[str, ...]
    min_unattributed: int
    min_attributed: int
    min_introduced: int
    capitalised: bool
    pronouns: dict[str, str | None]
    gender_cues: dict[str, str]

    @property
    def openers(self) -> str:
        return "".join(self.marks)


_RULES: dict[str, tuple[Language, Rules]] = {}


def rules(code: str) -> Rules:
    """The language's quotes.yaml, compiled once per loaded language."""
    return rules_of(language(code))


def rules_of(lang: Language) -> Rules:
    held = _RULES.get(lang.code)
    if held is None or held[0] is not lang:
        held = _RULES[lang.code] = (lang, _compile(lang.code, lang.lex("quotes")))
    return held[1]


def _compile(code: str, data: dict[str, Any]) -> Rules:
    marks = {str(k): tuple(v) if isinstance(v, list) else (str(v),) for k, v in (data.get("marks") or {}).items()}
    return Rules(
        code=code,
        marks=marks,
        apostrophes=frozenset(data.get("apostrophes") or []),
        speech_verbs=frozenset(str(w).lower() for w in data.get("speech_verbs") or []),
        stance_words=frozenset(str(w).lower() for w in data.get("stance_words") or []),
        first_person=frozenset(str(w).lower() for w in data.get("first_person") or []),
        quoting_verbs=frozenset(str(w).lower() for w in data.get("quoting_verbs") or []),
        naming_verbs=frozenset(str(w).lower() for w in data.get("naming_verbs") or []),
        signature=re.compile(data["signature"], re.M) if data.get("signature") else None,
        fillers=frozenset(str(w).lower() for w in data.get("lead_in_fillers") or []),
        introducing=frozenset(data.get("introducing_marks") or []),
        dashes=tuple(data.get("dashes") or []),
        dash_speech=bool(data.get("dash_speech")),
        after_dash=bool(data.get("attribution_after_dash")),
        phrases=tuple(str(p).lower() for p in data.get("attribution_phrases") or [] if isinstance(p, str)),
        phrase_patterns=tuple(p for p in data.get("attribution_phrases") or [] if isinstance(p, list)),
        own=tuple(data.get("own_attribution") or []),
        report_back=tuple(str(p).lower() for p in data.get("report_back") or []),
        min_unattributed=int(data.get("min_words_unattributed", 8)),
        min_attributed=int(data.get("min_words_attributed", 3)),
        min_introduced=int(data.get("min_words_introduced", data.get("min_words_attributed", 3))),
        capitalised=bool(data.get("unattributed_capitalised", True)),
        pronouns={str(k).lower(): v for k, v in (data.get("pronouns") or {}).items()},
        gender_cues={str(w).lower(): g for g, words in (data.get("gender_cues") or {}).items() for w in words or []},
    )


_MATCHERS: dict[tuple[str, int], tuple[Any, ...]] = {}


def _matchers(r: Rules, vocab: Vocab) -> tuple[PhraseMatcher | None, Matcher | None, Matcher | None,
                                                PhraseMatcher | None]:
    """The language's attribution phrases (words matched in lower case, or spaCy Matcher patterns in
    which `{SPEECH_VERB: true}` stands for any speech verb), own-words patterns, and the phrases that
    open a sentence reporting the one before it."""
    key = (r.code, id(vocab))
    held = _MATCHERS.get(key)
    if held is None or held[0] is not r or held[1] is not vocab:
        phrases = patterns = own = back = None
        if r.phrases:
            phrases = PhraseMatcher(vocab, attr="LOWER")
            phrases.add("according_to", [Doc(vocab, words=p.split()) for p in r.phrases])
        if r.phrase_patterns:
            patterns = Matcher(vocab)
            patterns.add("according_to", [[_speech_token(t, r) for t in p] for p in r.phrase_patterns])
        if r.own:
            own = Matcher(vocab)
            own.add("own", [[_speech_token(t, r) for t in p] for p in r.own])
        if r.report_back:
            back = PhraseMatcher(vocab, attr="LOWER")
            back.add("report_back", [Doc(vocab, words=p.split()) for p in r.report_back])
        held = _MATCHERS[key] = (r, vocab, phrases, patterns, own, back)
    return held[2:]  # type: ignore[return-value]


def _speech_token(token: dict[str, Any], r: Rules) -> dict[str, Any]:
    if token.get("SPEECH_VERB"):
        rest = {k: v for k, v in token.items() if k != "SPEECH_VERB"}
        return {**rest, "LEMMA": {"IN": sorted(r.speech_verbs)}}
    return token


@dataclass
class _Span:
    open: int  # offset of the opening mark (of the dash, for a line of dash speech)
    close: int  # offset of the closing mark (the paragraph end when the quote runs on; the quote's end after a dash)
    start: int  # the quoted words, trimmed: [start, end)
    end: int
    para: int
    closed: bool
    dash: bool = False
    speaker: str | None = None
    speaker_text: str | None = None
    kind: str | None = None  # how it was attributed: after, before, governor, shared

    @property
    def after(self) -> int:
        """Where the text after the quote begins."""
        return self.close if self.dash else self.close + 1

    @property
    def attributed(self) -> bool:
        return self.kind is not None


Speaker = tuple[str | None, str | None]


class _Quotes(DocPass):
    def __init__(self, doc: Doc, source: Source, mentions: list[Mention], lang: Language) -> None:
        super().__init__(doc, source, lang)
        self.mentions = mentions
        self.r = rules_of(lang)
        self.spans: list[_Span] = []
        self.genders: dict[str, str] = {}
        self.last_speaker: str | None = None  # the person who spoke the quote attributed last
        self._hits: tuple[list[tuple[int, int]], ...] | None = None
        self.tagged = doc.has_annotation("POS")  # a language read from data alone may have no tagger

    def _matches(self) -> tuple[list[tuple[int, int]], ...]:
        """Attribution phrases, phrases of one's own words and report-back phrases in the document
        (found when first asked)."""
        if self._hits is None:
            phrases, patterns, own, back = _matchers(self.r, self.doc.vocab)

            def hits(m: Any) -> list[tuple[int, int]]:
                return sorted((s, e) for _, s, e in m(self.doc)) if m is not None else []
            self._hits = (sorted(hits(phrases) + hits(patterns)), hits(own), hits(back))
        return self._hits

    @property
    def back_hits(self) -> list[tuple[int, int]]:
        return self._matches()[2]

    @property
    def phrase_hits(self) -> list[tuple[int, int]]:
        return self._matches()[0]

    @property
    def own_hits(self) -> list[tuple[int, int]]:
        return self._matches()[1]

    def run(self, source: Source) -> list[QuoteMention]:
        text, r = self.text, self.r
        self.spans = find_quote_spans(text, r)
        self.spans = sorted(self.spans + self._signed_posts(), key=lambda s: s.open)
        if not self.spans:
            return []
        self.genders = self._person_genders()
        spans: list[_Span] = []
        for sp in self.spans:
            spans.extend(self._interrupted(sp) or [sp])
        self.spans = [sp for sp in spans if not self._a_name(sp)]
        for sp in self.spans:
            if sp.kind is None:
                self._attribute(sp)
            if sp.speaker is not None:
                self.last_speaker = sp.speaker
        for sp in self.spans:  # too short to be speech by the way it is introduced: no part of a quote
            if sp.kind == "before" and len(text[sp.start:sp.end].split()) < r.min_introduced:
                sp.kind, sp.speaker, sp.speaker_text = None, None, None
        self._share_speakers()
        out: list[QuoteMention] = []
        for sp in self.spans:
            words = len(text[sp.start:sp.end].split())
            if sp.kind in ("after", "shared"):
                keep = words >= r.min_attributed
            elif sp.kind == "before":
                keep = words >= r.min_introduced
            else:
                keep = words >= r.min_unattributed and (not r.capitalised or text[sp.start:sp.start + 1].isupper())
            if keep:
                out.append(QuoteMention(source=source.id, text=text[sp.start:sp.end], start=sp.start, end=sp.end,
                                        speaker=sp.speaker, speaker_text=sp.speaker_text))
        return out

    # ---------------------------------------------------------------- attribution

    def _attribute(self, sp: _Span) -> None:
        """Try the ways a quote names its speaker, most local first; the first that answers wins."""
        for find in (self._told_by(self._tail_verb, "after"), self._found(self._tail_phrase, "after"),
                     self._told_by(self._head_verb, "before"), self._lead_phrase_kind,
                     self._told_by(self._introducing_verb, "before"), self._by_governor,
                     self._found(self._previous_sentence, "before"),
                     self._found(self._reported_after, "after")):
            found = find(sp)
            if found is not None:
                sp.kind, (sp.speaker, sp.speaker_text) = found
                return

    def _told_by(self, locate: Callable[[_Span], Token | None], kind: str) -> Callable[[_Span], tuple[str, Speaker] | None]:
        """A rule: the verb `locate` finds speaks the quote; its speaker, as `kind`."""
        def find(sp: _Span) -> tuple[str, Speaker] | None:
            verb = locate(sp)
            return None if verb is None else (kind, self._speaker_of(verb))
        return find

    @staticmethod
    def _found(locate: Callable[[_Span], Speaker | None], kind: str) -> Callable[[_Span], tuple[str, Speaker] | None]:
        """A rule: the speaker `locate` finds, as `kind`."""
        def find(sp: _Span) -> tuple[str, Speaker] | None:
            found = locate(sp)
            return None if found is None else (kind, found)
        return find

    def _lead_phrase_kind(self, sp: _Span) -> tuple[str, Speaker] | None:
        lead = self._lead_phrase(sp)
        if lead is None:
            return None
        speaker, adjacent = lead
        return ("before" if adjacent else "governor"), speaker

    def _by_governor(self, sp: _Span) -> tuple[str, Speaker] | None:
        """The quoted words are part of what the verb reports (or a label it gives)."""
        verb = self._governor(sp)
        if verb is None:
            return None
        return ("governor" if verb.lemma_.lower() in self.r.naming_verbs else "before"), self._speaker_of(verb)


    def _speech_verb(self, tok: Token) -> bool:
        return (tok.pos_ in ("VERB", "AUX") or not self.tagged) and tok.lemma_.lower() in self.r.speech_verbs

    def _tail_region(self, sp: _Span) -> Span | None:
        """The words after a quote, up to the end of their sentence, paragraph or the next quote."""
        if not sp.closed:
            return None
        text = self.text
        before_mark = text[sp.start:sp.close].rstrip()
        after_mark = text[sp.after:sp.after + 4].lstrip(" ,.!?…")
        dashed = after_mark.startswith(self.r.dashes) if self.r.dashes else False
        if self.r.after_dash:
            if not dashed:
                return None  # «Финист», сообщили ...: without a dash the quote is part of the sentence
        elif not (before_mark.endswith(_OPEN_ENDINGS + self.r.dashes) or dashed
                  or text[sp.after:sp.after + 3].lstrip().startswith(",")):
            return None  # "…blank.” Then …": the quote closed its sentence
        lo = sp.after
        hi = min(_para_end(text, lo), lo + _TAIL_REACH, self._next_open(lo))
        hi = _sentence_end(text, lo, hi)
        return self.doc.char_span(lo, hi, alignment_mode="contract")

    def _tail_verb(self, sp: _Span) -> Token | None:
        """The speech verb of "…,” she said" / "…,” said Jane Roe" / "…», — заявил он": after the
        quote, in the same sentence."""
        region = self._tail_region(sp)
        if region is None:
            return None
        verb = next((t for t in region if self._speech_verb(t)), None)
        first = next((t for t in region if not t.is_punct and not t.is_space), None)
        if verb is None or first is None:
            return None
        words = [t for t in region if not t.is_punct and not t.is_space]
        if self._dashed(sp) and verb in words[:_DASH_REACH]:
            return verb  # "«…», — так в тот день писала она": a dash opens the author's words
        # the attribution must follow the quote at once ("…,” she said", "…,” said Roe", "…,” Roe, a
        # lawyer, said"); in "“term”, an offence that …, his lawyer said" the quote is a cited term
        subj = self.g.child(verb, "subject", "passive_subject")
        if first == verb or first.head == verb or (subj is not None and subj.left_edge.i <= first.i <= subj.i):
            return verb
        return None

    def _dashed(self, sp: _Span) -> bool:
        after = self.text[sp.after:sp.after + 4].lstrip(" ,.!?…")
        return bool(self.r.dashes) and after.startswith(self.r.dashes)

    def _tail_phrase(self, sp: _Span) -> Speaker | None:
        """ "…,” according to Jane Roe": an attribution phrase right after the quote."""
        region = self._tail_region(sp)
        if region is None:
            return None
        first = next((t for t in region if not t.is_punct and not t.is_space), None)
        if first is None:
            return None
        hit = next(((s, e) for s, e in self.phrase_hits if s == first.i), None)
        return self._after_phrase(hit[1], region.end, sp.open) if hit else None

    def _head_verb(self, sp: _Span) -> Token | None:
        """The speech verb of "she said: “…”" / "he told reporters that “…”": just before the quote."""
        region = self._lead(sp)
        if region is None or len(region) == 0:
            return None
        toks = [t for t in region if not t.is_space]
        for k in range(len(toks) - 1, max(-1, len(toks) - 2 - _HEAD_GAP_TOKENS), -1):
            if self._speech_verb(toks[k]):
                gap = toks[k + 1:]
                if any(t.pos_ == "VERB" for t in gap):
                    return None  # "said that the police had threatened: “…”": the quote is the other verb's
                if not gap or gap[-1].lower_ in self.r.fillers:
                    return toks[k]
                return None
        return None

    def _lead(self, sp: _Span) -> Span | None:
        text = self.text
        lo = max(_para_start(text, sp.open), sp.open - _HEAD_REACH, self._prev_close(sp.open))
        return self.doc.char_span(lo, sp.open, alignment_mode="contract")

    def _sentence_lead(self, sp: _Span) -> Span | None:
        """The words of the quote's sentence before its opening mark."""
        tok = _token_at(self.doc, sp.open)
        if tok is None:
            return None
        lo = max(tok.sent.start_char, self._prev_close(sp.open), _para_start(self.text, sp.open))
        return self.doc.char_span(lo, sp.open, alignment_mode="contract")

    def _lead_phrase(self, sp: _Span) -> tuple[Speaker, bool] | None:
        """ "По словам адвоката, «…»", "according to Jane Roe, “…”", "по его мнению, «…»": a phrase
        in the quote's sentence before it names the speaker. Also says whether the quote follows the
        phrase at once (only punctuation between): otherwise it is a phrase of the speaker's clause,
        and must be as long as an unattributed quote."""
        lead = self._sentence_lead(sp)
        if lead is None or len(lead) == 0:
            return None
        for s, e in self.own_hits:
            if lead.start <= s and e <= lead.end:
                pron = next((t for t in self.doc[s:e] if self._pronoun_gender(t) is not None), None)
                words = self.doc[s:e].text
                mid = self._resolve_pronoun(pron)[0] if pron is not None else None
                return (mid, words), self._adjacent(e, lead.end)
        for s, e in self.phrase_hits:
            if lead.start <= s and e <= lead.end:
                stop = self._phrase_end(e, lead.end)
                return self._resolve_words(self.doc[e:stop], sp.open), self._adjacent(stop, lead.end)
        return None

    def _adjacent(self, start: int, stop: int) -> bool:
        return all(t.is_punct or t.is_space or t.lower_ in self.r.fillers for t in self.doc[start:stop])

    def _phrase_end(self, start: int, stop: int) -> int:
        doc = self.doc
        end = start
        while end < stop and not doc[end].is_punct and "\n" not in doc[end].text:
            end += 1
        return end

    def _after_phrase(self, start: int, stop: int, quote_start: int) -> Speaker:
        """The speaker named by the words after an attribution phrase, up to punctuation."""
        return self._resolve_words(self.doc[start:self._phrase_end(start, stop)], quote_start)

    def _introducing_verb(self, sp: _Span) -> Token | None:
        """ "Адвокат Иван Петров в понедельник заявил журналистам: «…»": a sentence that ends in a
        colon before the quote; its last speech verb introduces it."""
        lead = self._sentence_lead(sp)
        if lead is None or len(lead) == 0:
            return None
        toks = [t for t in lead if not t.is_space]
        while toks and toks[-1].text in self.r.openers:
            toks.pop()
        if not toks or toks[-1].text not in self.r.introducing:
            return None
        last = next((t for t in reversed(toks) if (t.pos_ in ("VERB", "AUX") or not self.tagged and self._speech_verb(t))
                     and not self.g.is_(t, "auxiliary", "passive_auxiliary", "copula")), None)
        return last if last is not None and self._speech_verb(last) else None

    def _governor(self, sp: _Span) -> Token | None:
        """The speech verb the quoted words depend on ("предложил почтить память «…»")."""
        inside = [t for t in self.doc.char_span(sp.start, sp.end, alignment_mode="expand") or []
                  if not t.is_space and not t.is_punct]
        if not inside:
            return None
        if self._speech_verb(inside[0]):  # «назвал вещи своими именами»: the quote opens with its verb
            if self.g.child(inside[0], "subject", "passive_subject") is not None:
                return inside[0]
        for t in inside[:_GOVERNOR_WORDS]:
            for depth, h in enumerate(t.ancestors):
                if depth >= _GOVERNOR_DEPTH:
                    break
                if sp.start <= h.idx < sp.end:
                    continue
                if self._speech_verb(h):
                    lo, hi = (h.idx, sp.open) if h.idx < sp.open else (sp.end, h.idx)
                    between: Span | list[Token] = self.doc.char_span(lo, hi, alignment_mode="contract") or []
                    if any(t.i != h.i and t.pos_ == "VERB" and self.g.child(t, "subject", "passive_subject")
                           is not None for t in between):
                        return None  # "рассказал, что полицейские угрожали: «…»": the other clause's words
                    return h if _sentence_end(self.text, lo, hi) == hi else None
                if h.pos_ == "VERB" and self.g.child(h, "subject", "passive_subject") is not None:
                    # "X said that they had threatened: “…”", "X said he was charged with “…”": the quote is
                    # the threat's, the charge's; a copula passes ("X said the trial was “…”")
                    break
        return None

    def _previous_sentence(self, sp: _Span) -> Speaker | None:
        """ "Он заявил, что не боится суда. «Это политическое дело»": a quote that stands as a sentence
        of its own right after a sentence whose speech verb (or stance, "был недоволен") a person is
        the subject of."""
        text = self.text
        before = text[_para_start(text, sp.open):sp.open].rstrip()
        if not before or before[-1] not in _SENTENCE_STOPS + "".join(c for v in self.r.marks.values() for c in v):
            return None
        prev = _token_at(self.doc, _para_start(text, sp.open) + len(before) - 1)
        if prev is None:
            return None
        sent = prev.sent
        if any(sent.start_char <= s.open < sent.end_char and s.kind is not None and s.speaker is None
               for s in self.spans):
            return None
        # (or a stance the quote voices: "X был недоволен. «...»", "X was furious. “...”")
        stance = self.r.stance_words
        verbs = [t for t in sent if (self._speech_verb(t) or t.lemma_.lower() in stance
                                     or any(c.lemma_.lower() in stance for c in t.children if c.pos_ == "ADJ"))
                 and not _in_quote(self.spans, t.idx) and self.g.child(t, "subject", "passive_subject") is not None]
        if not verbs:
            return self._first_person_after(sp, sent)
        mid, words = self._speaker_of(verbs[0])
        person = next((m for m in self.mentions if m.id == mid), None)
        return (mid, words) if person is not None and person.type == "person" else None

    def _first_person_after(self, sp: _Span, sent: Span) -> Speaker | None:
        """ "X was transferred to a penal colony. “I write to you from a new place ...”": a quote in
        the first person singular, standing alone right after a sentence about one named person
        (its clause's subject or object), is that person's words (a letter, a post)."""
        words = {w.lower() for w in re.findall(r"\w+", self.text[sp.start:sp.end])}
        if not words & self.r.first_person:
            return None
        root = sent.root
        found = []
        for c in self.g.children(root, "subject", "passive_subject", "object"):
            m = self._named_in(c)
            if m is not None and m.type == "person":
                found.append(m)
        return (found[0].id, found[0].text) if len({m.id for m in found}) == 1 else None

    def _reported_after(self, sp: _Span) -> Speaker | None:
        """ "… «задержаны сегодня в здании суда». Об этом X сообщил …": the next sentence opens with a
        phrase that reports the one before, and its speech verb's subject said the quote."""
        if not self.back_hits or not sp.closed:
            return None
        tok = _token_at(self.doc, sp.start)
        if tok is None:
            return None
        end = tok.sent.end
        if end >= len(self.doc) or any(s.open >= sp.close and s.open < self.doc[end - 1].idx for s in self.spans):
            return None
        first = next((t for t in self.doc[end:] if not t.is_space), None)
        if first is None or not any(s == first.i for s, _ in self.back_hits):
            return None
        verbs = [t for t in first.sent if self._speech_verb(t) and self.g.child(t, "subject", "passive_subject")]
        if not verbs:
            return None
        mid, words = self._speaker_of(verbs[0])
        return (mid, words) if mid is not None else None

    # ---------------------------------------------------------------- speakers

    def _speaker_of(self, verb: Token) -> Speaker:
        doc, g = self.doc, self.g
        quoted = self._quoted_person(verb)
        if quoted is not None:
            return quoted
        if self._passive(verb):
            return self._agent(verb)
        # the nearest subject before the verb where the parse gave two ("Reactions: The committee
        # expressed ...": a list label taken for a subject)
        subjects = g.children(verb, "subject", "passive_subject")
        subj = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0] if subjects else None)
        head = verb
        for _ in range(2):  # "…,” he stressed, adding that “…”": the subject of the verb it hangs on
            if subj is not None or not g.is_(head, "conjunct", "adverbial_clause", "open_complement") \
                    or head.head.i == head.i:
                break
            head = head.head
            if self._passive(head):
                return None, None  # "he was accused and declared a “…”": said of him, not by him
            subj = g.child(head, "subject", "passive_subject") if head.pos_ in ("VERB", "AUX") else None
        if subj is None:
            # "said Jane Roe" parsed without a subject: the name right after the verb
            nxt = doc[verb.i + 1:verb.i + 4]
            m = next((m for m in self.mentions if nxt.start_char <= m.start < nxt.end_char), None) if len(nxt) else None
            if m is not None:
                return m.id, m.text
            names = [t for t in nxt if t.pos_ == "PROPN"]
            if names:
                return None, " ".join(t.text for t in names)
            # the parser lost the subject (a long fronted clause): the person named last before the verb
            sent = verb.sent
            last = person_before([m for m in self.mentions if m.start >= sent.start_char
                                  and not _in_quote(self.spans, m.start)], verb.idx)
            if last is not None:
                return last.id, last.text
            after = self._phrase_end(verb.i + 1, min(verb.sent.end, verb.i + 7))
            words = (doc[verb.i + 1:after].text or None) if after > verb.i + 1 else None
            place = self._organisation_at(verb)  # "- сообщили в суде": the court named before
            return (place.id, words) if place is not None else (None, words)
        if subj.pos_ == "PRON" and g.is_(head, "relative_clause") and head.head.i != head.i:
            subj = head.head  # "activists who said": the relative pronoun stands for the noun the clause is on
        if self._pronoun_gender(subj) is not None or self._is_pronoun(subj):
            return self._resolve_pronoun(subj)
        own = self._named_in(subj)
        if own is not None:
            return own.id, own.text
        phrase = text_of(doc)[subj.left_edge.idx:subj.idx + len(subj.text)]
        kind = self.lex.type_of(subj)
        role = self.lex.role_of(subj) if kind == "person" else None
        if role is not None:
            ante = self._role_holder(role, subj.idx)
            if ante is not None:
                return ante.id, phrase
        if kind == "person" and role is None and subj.pos_ == "NOUN":
            # "оппозиционер заявил": a person described, of the gender its verb (or the noun) shows
            gender = GENDERS.get(feat(verb, "Gender") or feat(subj, "Gender") or "")
            if gender is not None:
                mid, _ = self._resolve_pronoun(subj, gender)
                if mid is not None:
                    return mid, phrase
        if kind == "organization" or self.lex.head_of(subj) == "organization":
            org = self._organisation_named(subj, subj.idx)  # "the court said": the court named before
            if org is not None:
                return org.id, phrase
        return None, phrase

    def _passive(self, verb: Token) -> bool:
        return self.g.child(verb, "passive_subject", "passive_auxiliary") is not None \
            or feat(verb, "Voice") == "Pass"

    def _agent(self, verb: Token) -> Speaker:
        """Who said what a passive verb reports ("was described by Jane Roe as “…”"), if the text says."""
        for _, obj in self.g.prepositional(verb):
            if obj.head.i != verb.i and self.g.is_(obj.head, "agent"):
                named = self._named_in(obj)
                return (named.id, named.text) if named is not None else (None, obj.text)
        return None, None

    def _quoted_person(self, verb: Token) -> Speaker | None:
        """ "the statement quoted Jane Roe as saying", "HRW cited her lawyer, Jane Roe, as saying that
        “…”": the object of a quoting verb is the speaker, not its subject (the medium)."""
        for k, v in enumerate([verb, *list(verb.ancestors)[:3]]):
            if v.lemma_.lower() in self.r.quoting_verbs:
                obj = self.g.child(v, "object")
                if obj is None:
                    return None
                if self._pronoun_gender(obj) is not None:
                    return self._resolve_pronoun(obj)
                named = self._named_in(obj)
                text = text_of(self.doc)[obj.left_edge.idx:obj.right_edge.idx + len(obj.right_edge.text)]
                return (named.id, named.text) if named is not None else (None, text)
            if k and v.pos_ in ("VERB", "AUX") and self.g.child(v, "subject", "passive_subject") is not None \
                    and v.lemma_.lower() not in self.r.quoting_verbs:
                return None
        return None

    def _organisation_at(self, verb: Token) -> Mention | None:
        """The organisation a subjectless speech verb is said in or by ("сообщили в суде")."""
        for _, obj in self.g.prepositional(verb):
            if self.lex.type_of(obj) == "organization" or self.lex.head_of(obj) == "organization":
                return self._organisation_named(obj, verb.idx)
        return None

    def _organisation_named(self, noun: Token, pos: int) -> Mention | None:
        """The nearest organisation named before `pos` whose name holds this noun ("Верховный суд" for
        "суд", "the Supreme Court" for "the court")."""
        forms = {noun.lower_, noun.lemma_.lower()}
        found = None
        for m in self.mentions:
            if m.type == "organization" and m.end <= pos and not _in_quote(self.spans, m.start) \
                    and forms & {w.lower() for w in m.norm.split()}:
                found = m
        return found

    def _named_in(self, subj: Token) -> Mention | None:
        """The mention that names a subject: at it, or in apposition to it ("said the group's
        researcher Jane Roe", "заявила ее адвокат Ольга Минина"); a person before an organisation."""
        found = _mention_at(self.mentions, subj.idx)
        if found is not None:
            return found
        near = [c for c in subj.children if self.g.is_(c, "apposition", "compound", "name_part")]
        # "говорит адвокат Лесных Анна Варик": the name in the subject's case is the subject
        case = feat(subj, "Case")
        near.sort(key=lambda c: case is not None and feat(c, "Case") not in (None, case))
        named = [m for c in near for m in [_mention_at(self.mentions, c.idx)] if m is not None
                 and m.type in ("person", "organization")]
        persons = [m for m in named if m.type == "person"]
        return (persons or named)[0] if named else None

    def _resolve_words(self, words: Span, quote_start: int) -> Speaker:
        """The speaker named by a few words: a name among them (a person before an organisation), a
        pronoun, or a role word standing for the person with that role named before."""
        if len(words) == 0:
            return None, None
        lo, hi = words.start_char, words.end_char
        said_by = self.text[lo:hi]
        named = [m for m in self.mentions if m.type in ("person", "organization") and lo <= m.start < hi]
        if named:
            persons = [m for m in named if m.type == "person"]
            # "по словам адвоката Колесовой Ивана Сомова": the one in apposition to the role noun
            apposed = [m for m in persons if self._apposed(m, words)]
            return (apposed or persons or named)[0].id, said_by
        for t in words:
            if self._pronoun_gender(t) is not None:
                mid, _ = self._resolve_pronoun(t)
                return mid, said_by
            role = self.lex.role_of(t) if self.lex.type_of(t) == "person" else None
            if role:
                ante = self._role_holder(role, lo)
                return (ante.id if ante else None), said_by
        return None, said_by

    def _apposed(self, m: Mention, words: Span) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return self.g.is_(root, "apposition") and words.start <= root.head.i < words.end \
            and self.lex.type_of(root.head) == "person"

    def _role_holder(self, role: Role, pos: int) -> Mention | None:
        return person_before([m for m in self.mentions if not _in_quote(self.spans, m.start)], pos, role)

    def _is_pronoun(self, t: Token) -> bool:
        return t.lower_ in self.r.pronouns or t.lemma_.lower() in self.r.pronouns

    def _pronoun_gender(self, t: Token) -> str | None:
        """The gender a personal pronoun implies ("he", "она"), or None for any other word."""
        if t.pos_ not in ("PRON", "DET"):
            return None
        for form in (t.lower_, t.lemma_.lower()):
            if self.r.pronouns.get(form):
                return self.r.pronouns[form]
        return None

    def _resolve_pronoun(self, pron: Token, gender: str | None = None) -> Speaker:
        """The person a "he"/"she" speaker stands for: walking back sentence by sentence, the subject
        of the nearest sentence that has a person in it (else that sentence's last person), skipping
        people mentioned inside quotes, names used as modifiers ("the Georgian community"), plurals
        and anyone whose gender, where it can be told, contradicts the pronoun. Returns the mention id
        (None when the person is not a mention) and the words that name the person (else the pronoun)."""
        want = gender or self._pronoun_gender(pron)
        if want is None:
            return None, pron.text
        by_sent: dict[int, list[_Candidate]] = {}
        for c in self._candidates(pron):
            known = self._gender(c.text)
            if known and known != want:
                continue
            by_sent.setdefault(c.root.sent.start, []).append(c)
        best: list[_Candidate] = []
        for sent_start in sorted(by_sent, reverse=True)[:_GENDER_LOOKBACK]:
            cands = sorted(by_sent[sent_start], key=lambda c: c.start)
            subjects = [c for c in cands if self.g.is_(c.root, "subject", "passive_subject")]
            # "Oren Valsky said Mira Talbot was wrongfully convicted": the one who spoke, then the main
            # clause's subject, before a subject of what they said
            spoke = [c for c in subjects if c.root.head.lemma_.lower() in self.r.speech_verbs]
            main = [c for c in subjects if c.root.head.i == c.root.sent.root.i]
            best.append((spoke or main or subjects or cands)[-1])
        if not best:
            return None, pron.text
        # "“…,” X wrote. “…,” he stressed": the one who spoke last goes on speaking
        if self.last_speaker is not None and best[0].mention == self.last_speaker:
            return best[0].mention, pron.text
        # the nearest person, unless only an earlier one is known to match the pronoun's gender
        confirmed = [c for c in best if self._gender(c.text) == want]
        pick = best[0] if not confirmed or self._gender(best[0].text) == want else confirmed[0]
        # the pronoun names a known person; a name no mention holds is given as written, to be looked up
        return pick.mention, pron.text if pick.mention else pick.text

    def _gender(self, name: str) -> str | None:
        return self.genders.get(_last_word(name))

    def _candidates(self, pron: Token) -> list[_Candidate]:
        """Earlier people a pronoun may stand for: person mentions, and singular proper-noun subjects
        the mention reader typed otherwise or missed (not known places, not organizations)."""
        doc, g = pron.doc, self.g
        lo = pron.idx - _PRONOUN_REACH
        out: list[_Candidate] = []
        covered: set[int] = set()  # tokens of the person candidates
        for m in self.mentions:
            if m.end > pron.idx or m.start < lo or _in_quote(self.spans, m.start):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if m.type == "person" and not self._is_modifier(span) and feat(span.root, "Number") != "Plur":
                covered.update(range(span.start, span.end))
                out.append(_Candidate(m.start, m.id, m.text, span.root))
        mention_type = {i: m.type for m in self.mentions for i in range(m.start, m.end)}
        for tok in doc.char_span(max(lo, 0), pron.idx, alignment_mode="contract") or []:
            if (g.is_(tok, "subject", "passive_subject") and tok.pos_ == "PROPN" and feat(tok, "Number") != "Plur"
                    and tok.i not in covered and mention_type.get(tok.idx) not in ("organization", "place")
                    and not _in_quote(self.spans, tok.idx) and tok.lower_ not in place_names()
                    and feat(tok, "Animacy") != "Inan" and self.lex.type_of(tok) in (None, "person")
                    and self.lex.head_of(tok) in (None, "person")):
                name = doc[self._name_start(tok):tok.i + 1]
                if not any(c.start == name.start_char for c in out):
                    out.append(_Candidate(name.start_char, None, name.text, tok))
        return out

    def _name_start(self, tok: Token) -> int:
        """The first token of a name whose last token is `tok` ("Jane Roe" from "Roe")."""
        i = tok.i
        while i > 0 and tok.doc[i - 1].pos_ == "PROPN" and self.g.is_(tok.doc[i - 1], "compound") \
                and tok.doc[i - 1].head.i == tok.i:
            i -= 1
        return i

    def _is_modifier(self, span: Span) -> bool:
        """A name that only modifies another noun ("the Georgian community") names no one."""
        root = span.root
        return self.g.is_(root, "compound", "adjective") and not (span.start <= root.head.i < span.end)

    def _person_genders(self) -> dict[str, str]:
        """Gender per surname: from the name itself where the language's hook tells it, else where the
        text shows it: a gendered word right before the name ("Mrs", "his wife"), or the first
        gendered pronoun after it in the same sentence with no other person in between."""
        doc = self.doc
        cues = self.r.gender_cues
        persons = sorted((m for m in self.mentions if m.type == "person"), key=lambda m: m.start)
        votes: dict[str, dict[str, int]] = {}
        named: dict[str, str] = {}
        for k, m in enumerate(persons):
            key = _last_word(m.norm)
            by_name = name_gender(m.norm, self.lang) if " " in m.norm or not m.refers_to else None
            if by_name:
                named.setdefault(key, by_name)
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            found = self._before_name(span, cues) or self._next_pronoun(span, persons[k + 1:], cues)
            if found:
                tally = votes.setdefault(key, {})
                tally[found] = tally.get(found, 0) + 1
        out = {key: max(t, key=lambda g: t[g]) for key, t in votes.items() if len(set(t.values())) == len(t)}
        out.update(named)
        # a quote's speaker may be named by the form as written ("Кулешова") or by its full name
        for m in persons:
            if _last_word(m.text) not in out and _last_word(m.norm) in out:
                out[_last_word(m.text)] = out[_last_word(m.norm)]
        return out

    def _before_name(self, span: Span, cues: dict[str, str]) -> str | None:
        first = span[0]
        if self.lex.is_title(first):  # the title the mention's text keeps ("Ms Roe", "г-н Петров")
            return cues.get(first.lower_) or cues.get(first.lemma_.lower())
        if span.start == 0:
            return None
        prev = span.doc[span.start - 1]
        if prev.pos_ == "PRON" or prev.pos_ == "DET":
            return None
        return cues.get(prev.lower_) or (cues.get(prev.lemma_.lower()) if self.lex.is_title(prev) else None)

    def _next_pronoun(self, span: Span, later: list[Mention], cues: dict[str, str]) -> str | None:
        sent = span.sent
        stop = min((m.start for m in later if m.start < sent.end_char), default=sent.end_char)
        for tok in sent.doc[span.end:sent.end]:
            if tok.idx >= stop:
                return None
            if tok.pos_ == "PRON" and (tok.lower_ in cues or tok.lemma_.lower() in cues):
                return cues.get(tok.lower_) or cues[tok.lemma_.lower()]
        return None

    # ---------------------------------------------------------------- spans

    def _signed_posts(self) -> list[_Span]:
        """An embedded post: a paragraph, then a line that signs it ("— Jane Roe (@janeroe) May 3,
        2023"). The paragraph is the signer's words (without a link the page left at its end)."""
        if self.r.signature is None:
            return []
        text, out = self.text, []
        for m in self.r.signature.finditer(text):
            body_end = len(text[:m.start()].rstrip())
            start = text.rfind("\n", 0, body_end) + 1
            cut = _LINK.search(text, start, body_end)
            if cut is not None:
                body_end = cut.start()
            sp = _trimmed(text, start - 1, body_end, text.count("\n", 0, start), True)
            if sp is None or any(s.open <= sp.start < s.close for s in self.spans):
                continue
            name_start, name_end = m.span("name")
            signer = next((x for x in self.mentions if name_start <= x.start < name_end
                           and x.type in ("person", "organization")), None)
            sp.speaker = signer.id if signer is not None else None
            sp.speaker_text = text[name_start:name_end].strip()
            sp.kind = "after"
            out.append(sp)
        return out

    def _interrupted(self, sp: _Span) -> list[_Span]:
        """«Я не признаю вину, — сказала она. — Я говорила правду»: the author's words inside the
        quotation marks are no speech; they name the speaker of both parts."""
        rx = _with_dashes(_INNER_ATTRIBUTION, self.r.dashes)
        if rx is None:
            return []
        m = rx.search(self.text, sp.start, sp.end)
        if not m:
            return []
        attr = self.doc.char_span(m.start("attr"), m.end("attr"), alignment_mode="contract")
        if attr is None or len(attr) == 0 or not self._speech_verb(attr[0]):
            return []
        who = self._speaker_of(attr[0])
        if who == (None, None):
            who = self._resolve_words(attr[1:], sp.start)
        out = []
        for a, b in ((sp.start, m.start()), (m.end(), sp.end)):
            while a < b and self.text[a].isspace():
                a += 1
            while b > a and self.text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(_Span(sp.open, sp.close, a, b, sp.para, sp.closed, sp.dash, who[0], who[1], "after"))
        return out

    def _a_name(self, sp: _Span) -> bool:
        """Words in quotation marks that name something (an outlet, an organisation, a work): every
        longer word capitalised and no verb among them. «Радио Свободная Европа» is no one's words."""
        body = self.text[sp.start:sp.end]
        if body.rstrip().endswith(tuple(_SENTENCE_STOPS + "…")):
            return False  # "Free Westford!": a cry, not a name
        mark = _token_at(self.doc, sp.open)
        before = self.doc[mark.i - 1] if mark is not None and mark.i > 0 else None
        if before is not None and before.whitespace_ and len(body.split()) <= _NAME_WORDS and before.pos_ == "NOUN" \
                and self.lex.type_of(before) == "organization":
            return True  # "организации «Китайские правозащитники»", "the group “Steppe Watch”": its name
        words = re.findall(r"[^\W\d_]+", body)
        if not words or not all(w[0].isupper() for w in words if len(w) > 2):
            return False
        span = self.doc.char_span(sp.start, sp.end, alignment_mode="expand")
        return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)

    def _share_speakers(self) -> None:
        """Parts of one quote share a speaker: "“A,” she said. “B.”" in one paragraph, or a quote
        that runs on into the next paragraph's opening mark."""
        spans = self.spans
        for _ in range(2):  # forwards, then backwards through the parts
            for a, b in zip(spans, spans[1:], strict=False):
                if not self._linked(a, b):
                    continue
                if a.kind in _SHARED_FROM and b.kind is None:
                    b.speaker, b.speaker_text, b.kind = a.speaker, a.speaker_text, "shared"
                elif b.kind in _SHARED_FROM and a.kind is None:
                    a.speaker, a.speaker_text, a.kind = b.speaker, b.speaker_text, "shared"

    def _linked(self, a: _Span, b: _Span) -> bool:
        text = self.text
        if a.para == b.para:
            gap = text[a.after:b.open]
            # only the attribution stands between them, no new sentence about something else
            inner = gap.rstrip()
            return len(gap) <= _TAIL_REACH and a.attributed != b.attributed \
                and _sentence_end(text, a.after, a.after + len(inner.rstrip(_SENTENCE_STOPS))) \
                == a.after + len(inner.rstrip(_SENTENCE_STOPS))
        # a quote left open at its paragraph's end goes on at the next paragraph's opening mark
        return not a.closed and not text[a.close:b.open].strip()

    def _next_open(self, pos: int) -> int:
        return min((s.open for s in self.spans if s.open >= pos), default=10**9)

    def _prev_close(self, pos: int) -> int:
        return max((s.after for s in self.spans if s.close < pos), default=0)


@dataclass
class _Candidate:
    start: int
    mention: str | None
    text: str
    root: Token


# --------------------------------------------------------------------------- spans


def find_quote_spans(text: str, r: Rules) -> list[_Span]:
    """Every quoted span, paragraph by paragraph; an unclosed quote runs to its paragraph's end.
    Where the language writes speech after a dash, a line opened by one is speech too."""
    spans: list[_Span] = []
    pos = 0
    dash_line = _with_dashes(_DASH_LINE, r.dashes) if r.dash_speech else None
    for para, line in enumerate(text.split("\n")):
        i = 0
        found: list[_Span] = []
        while i < len(line):
            closers = r.marks.get(line[i])
            if closers is None or (line[i] in r.apostrophes and not _opens_a_quote(line, i)):
                i += 1
                continue
            j = _closing(line, line[i], closers, i + 1, r)
            closed = j >= 0
            if not closed and line[i] in r.apostrophes:
                i += 1  # a mark that doubles as an apostrophe opens only a quote it closes ("the '90s")
                continue
            j = j if closed else len(line)
            sp = _trimmed(text, pos + i, pos + j, para, closed)
            if sp is not None:
                found.append(sp)
            i = j + 1
        if dash_line is not None:
            m = dash_line.match(line)
            if m and not any(s.open <= pos + m.start("q") < s.close for s in found):
                sp = _trimmed(text, pos + m.start("q") - 1, pos + m.end("q"), para, True)
                if sp is not None:
                    sp.open, sp.close, sp.dash = pos + m.start("dash"), pos + m.end("q"), True
                    found.insert(0, sp)
        spans.extend(sorted(found, key=lambda s: s.open))
        pos += len(line) + 1
    return spans


def _opens_a_quote(line: str, i: int) -> bool:
    """A mark that doubles as an apostrophe opens a quote only before a word and not inside one
    ("'I will not', she said"; not "isn't", "Petrov's")."""
    before = line[i - 1] if i else " "
    return not before.isalnum() and i + 1 < len(line) and line[i + 1].isalpha()


def _closing(line: str, opener: str, closers: tuple[str, ...], start: int, r: Rules) -> int:
    """Where the quote opened before `start` closes in `line`, or -1. A mark that differs from
    its closer nests ("«… «…» …»"); a closer that doubles as an apostrophe is one before a letter."""
    depth = 0
    nests = opener not in closers
    for j in range(start, len(line)):
        ch = line[j]
        if ch in closers:
            if ch in r.apostrophes and ((j + 1 < len(line) and line[j + 1].isalnum()) or line[j - 1].isspace()):
                continue  # an apostrophe ("don’t"), or a mark that opens the next quote
            if depth == 0:
                return j
            depth -= 1
        elif nests and ch == opener:
            depth += 1
    return -1


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


# a line of speech opened by a dash, up to the author's words after another dash
_DASH_LINE = r"^[ \t]*(?P<dash>[{d}])[ \t]+(?P<q>[^\n]+?)(?=[ \t]*,?[ \t]*[{d}][ \t]+\w|$)"
# the author's words inside a line of speech, between two dashes
_INNER_ATTRIBUTION = r"[,!?…]?\s*[{d}]\s+(?P<attr>[^{d}«»\n]+?)[.,:]?\s*[{d}]\s+"


@cache
def _with_dashes(template: str, dashes: tuple[str, ...]) -> re.Pattern[str] | None:
    """`template` with `{d}` standing for the language's dashes, compiled; None without dashes."""
    if not dashes:
        return None
    return re.compile(template.replace("{d}", "".join(re.escape(x) for x in dashes)))


def _sentence_end(text: str, lo: int, hi: int) -> int:
    """The end of the sentence that starts at `lo` (a stop, perhaps closing marks, then a space and a
    capital or an opening mark, or a line break), or `hi`."""
    for k in range(lo, hi):
        if text[k] in _SENTENCE_STOPS or text[k] == "\n":
            j = k + 1
            while j < hi and not text[j].isspace() and not text[j].isalnum():
                j += 1  # closing marks after the stop
            rest = text[j:hi]
            stripped = rest.lstrip()
            if text[k] == "\n" or not stripped.strip():
                return k
            if len(stripped) < len(rest) and (stripped[0].isupper() or not stripped[0].isalnum()):
                return k
    return hi


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _mention_at(mentions: list[Mention], offset: int) -> Mention | None:
    return next((m for m in mentions if m.start <= offset < m.end), None)


def _in_quote(spans: list[_Span], offset: int) -> bool:
    return any(s.open <= offset < s.close for s in spans)


_POSSESSIVE = re.compile(r"['’]s?$")
_LINK = re.compile(r"\s+(?:https?://|www\.|pic\.)\S+\s*$")


def _last_word(text: str) -> str:
    words = text.lower().split()
    return _POSSESSIVE.sub("", words[-1]) if words else ""


def _para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _para_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# --------------------------------------------------------------------------- the interface


def extract_quotes(doc: Doc, source: Source, mentions: list[Mention], lang: Language | None = None) -> list[QuoteMention]:
    """Every direct quote of a document with its speaker, where the text says who."""
    if not source.text.strip():
        return []
    return _Quotes(doc, source, mentions, lang or language(source.language)).run(source)
