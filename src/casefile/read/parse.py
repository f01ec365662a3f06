"""Documents to spaCy `Doc`s, one pipeline per language, loaded once per process.

Every reader after this step is language-neutral code over a `Doc`. How a language's
documents are parsed is data (`resources/<code>/language.yaml`, key `parser`):

* `kind: spacy`: an installed spaCy model package (`model`), which loads offline;
* `kind: hook`: a callable (`hook: module:function`, texts in, `Doc`s out) for a parser
  spaCy has no package for (Russian: natasha, see `casefile.read.ru.natasha`);
* `kind: blank`: spaCy's tokenizer for the language, a rule-based sentencizer, lemmas
  as lower-case forms, and names from the language's own patterns
  (`entities.yaml`, key `patterns`, spaCy's EntityRuler format): enough to read a
  language from a resources folder alone, without its grammar.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from casefile.read.language import Language, language, resolve

# Parsed documents held at once: spaCy's default (1,000 texts) peaks at 1.5 GB on a 500-report
# bundle; batches of at most 40,000 characters (20 reports of the corpus's mean length) keep it near 0.4 GB at
# the same speed (bench/run.py). Short texts (feed entries, snippets) go up to BATCH_TEXTS at a
# time, where the parser's fixed cost per batch would otherwise show.
BATCH_CHARS = 40_000
BATCH_TEXTS = 64
# A line at most this many words long (a headline, a dateline, a caption) ends its sentence.
HEADING_WORDS = 16


def parse_many(lang: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """One `Doc` per text, in order."""
    kind = lang.parser.get("kind", "blank")
    if kind == "hook":
        yield from resolve(lang.parser["hook"])(texts)
        return
    nlp = pipeline(lang.code)
    for batch in _batches(texts):
        yield from nlp.pipe(batch, batch_size=len(batch))


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """Texts in groups of at most BATCH_TEXTS and, past the first text, BATCH_CHARS characters."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= BATCH_TEXTS or size + len(text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def parse(lang_code: str, text: str) -> Doc:
    return next(parse_many(language(lang_code), [text]))


@cache
def pipeline(code: str) -> SpacyLanguage:
    """The spaCy pipeline of a language whose parser is spaCy's (a model package or blank)."""
    lang = language(code)
    spec = lang.parser
    if spec.get("kind") == "spacy":
        nlp = spacy.load(spec["model"])
        nlp.add_pipe("casefile_headings", before="parser" if "parser" in nlp.pipe_names else None)
        return nlp
    try:
        nlp = spacy.blank(spec.get("spacy_code", lang.code))
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("casefile_headings")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("casefile_lower_lemmas")
    patterns = lang.lex("entities").get("patterns") or []
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


@SpacyLanguage.component("casefile_headings")
def headings(doc: Doc) -> Doc:
    """A short line (a headline, a dateline, a caption: at most HEADING_WORDS words, not ending
    in a comma or a hyphen) ends its sentence: the parser would otherwise run "Court jails X" and
    the next line's "X, a journalist, ..." into one sentence. Long lines may be wrapped prose
    and are left to the parser."""
    words = 0
    for i, t in enumerate(doc):
        if t.is_space and "\n" in t.text or "\n" in t.whitespace_:
            prev = doc[i - 1] if t.is_space and i else t
            nxt = i + 1
            if 0 < words <= HEADING_WORDS and prev.text not in (",", "-", "–", ";") and nxt < len(doc) \
                    and (doc[nxt].is_title or doc[nxt].is_upper or doc[nxt].like_num):
                doc[nxt].is_sent_start = True
            words = 0
        elif not t.is_space and not t.is_punct:
            words += 1
    return doc


@SpacyLanguage.component("casefile_lower_lemmas")
def lower_lemmas(doc: Doc) -> Doc:
    """A language without a lemmatizer: each word's lemma is its lower-case form."""
    for t in doc:
        if not t.lemma_:
            t.lemma_ = t.lower_
    return doc
