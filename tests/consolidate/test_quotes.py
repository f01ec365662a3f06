"""Quotes across sources: speakers to entities, one quote with all its sources."""

from __future__ import annotations

from casefile.consolidate.entities import EntityResolution
from casefile.consolidate.quotes import merge_quotes
from casefile.model import DocAnalysis, Entity, Mention, QuoteMention

ENTITIES = [
    Entity(id="E1", type="person", name="Daniel Weston", aliases=["Weston", "Dan Weston"], roles=["subject"]),
    Entity(id="E2", type="person", name="Maria Kovac", aliases=["Kovac", "Marija Kovač"], roles=["lawyer"]),
    Entity(id="E3", type="organization", name="Westford City Court", roles=["authority"]),
]


def _q(source: str, text: str, start: int, speaker: str | None = None, speaker_text: str | None = None) -> QuoteMention:
    return QuoteMention(source=source, text=text, start=start, end=start + len(text), speaker=speaker,
                        speaker_text=speaker_text)


def _mention(mid: str, text: str, refers_to: str | None = None) -> Mention:
    source = mid.split(":")[0]
    return Mention(id=mid, source=source, text=text, start=0, end=len(text), type="person", norm=text,
                   refers_to=refers_to)


def test_speaker_through_the_mention_and_the_same_quote_in_two_sources():
    a1 = DocAnalysis(source="S1", language="en", mentions=[_mention("S1:M1", "Maria Kovac")],
                     quotes=[_q("S1", "I refuse to sign a deal made under threat", 40, speaker="S1:M1")])
    a2 = DocAnalysis(source="S2", language="en",
                     quotes=[_q("S2", "I refuse to sign a deal made under threat.", 10, speaker_text="she")])
    res = EntityResolution(entities=ENTITIES, of_mention={"S1:M1": "E2"}, subject="E1")
    quotes = merge_quotes([a1, a2], res)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.speaker, q.sources) == ("E2", ["S1", "S2"])
    assert [(e.source, e.quote, e.start) for e in q.evidence] == [
        ("S1", "I refuse to sign a deal made under threat", 40),
        ("S2", "I refuse to sign a deal made under threat.", 10)]


def test_part_of_a_longer_quote_is_the_same_quote():
    long_ = "I had to stop my work. It was that or ten years in prison. I had no choice"
    part = "It was that or ten years in prison. I had no choice"
    analyses = [DocAnalysis(source="S1", language="en", quotes=[_q("S1", long_, 0, speaker_text="Weston")]),
                DocAnalysis(source="S2", language="en", quotes=[_q("S2", part, 5, speaker_text="Daniel Weston")])]
    quotes = merge_quotes(analyses, EntityResolution(entities=ENTITIES))
    assert [(q.text, q.speaker, q.sources) for q in quotes] == [(long_, "E1", ["S1", "S2"])]
    assert quotes[0].evidence[1].quote == part


def test_speaker_words_match_names_surnames_prefixes_and_roles():
    analyses = [DocAnalysis(source="S1", language="en", quotes=[
        _q("S1", "The hearing was a farce from the first minute", 0, speaker_text="lawyer Marija Kovač"),
        _q("S1", "We will appeal against this verdict at once", 60, speaker_text="Dan Weston's"),
        _q("S1", "My client never saw the evidence against him", 120, speaker_text="his lawyer"),
        _q("S1", "The verdict stands and will not be changed", 180, speaker_text="the Westford City Court"),
        _q("S1", "Nobody from the embassy has visited the camp", 240, speaker_text="a diplomat"),
    ])]
    quotes = merge_quotes(analyses, EntityResolution(entities=ENTITIES))
    assert [q.speaker for q in quotes] == ["E2", "E1", "E2", "E3", None]


def test_a_pronoun_mention_is_followed_to_its_antecedent():
    a = DocAnalysis(source="S1", language="en",
                    mentions=[_mention("S1:M1", "Daniel Weston"), _mention("S1:M2", "he", refers_to="S1:M1")],
                    quotes=[_q("S1", "They kept the lights on all night long", 80, speaker="S1:M2", speaker_text="he")])
    res = EntityResolution(entities=ENTITIES, of_mention={"S1:M1": "E1"})
    assert merge_quotes([a], res)[0].speaker == "E1"


def test_the_same_words_from_two_speakers_stay_two_quotes():
    text = "We demand a fair and open trial for everyone"
    analyses = [DocAnalysis(source="S1", language="en", quotes=[_q("S1", text, 0, speaker_text="Weston")]),
                DocAnalysis(source="S2", language="en", quotes=[_q("S2", text, 0, speaker_text="Kovac")])]
    quotes = merge_quotes(analyses, EntityResolution(entities=ENTITIES))
    assert [(q.speaker, q.sources) for q in quotes] == [("E1", ["S1"]), ("E2", ["S2"])]


def test_one_quote_when_resolution_left_a_full_name_and_its_surname_apart():
    entities = [Entity(id="E1", type="person", name="Maria Kovac"), Entity(id="E2", type="person", name="Kovac")]
    text = "We were never shown the indictment at all"
    analyses = [DocAnalysis(source="S1", language="en", quotes=[_q("S1", text, 0, speaker_text="Kovac")]),
                DocAnalysis(source="S2", language="en", quotes=[_q("S2", text, 0, speaker_text="Maria Kovac")])]
    quotes = merge_quotes(analyses, EntityResolution(entities=entities))
    assert [(q.speaker, q.sources) for q in quotes] == [("E1", ["S1", "S2"])]
