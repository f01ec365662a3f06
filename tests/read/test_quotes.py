"""Direct quotes and their speakers, on sentences written for these tests."""

from __future__ import annotations

from casefile.model import QuoteMention, Source
from casefile.read.mentions import extract_mentions
from casefile.read.parse import pipeline
from casefile.read.quotes import extract_quotes


def _quotes(text: str) -> tuple[Source, list[QuoteMention], dict[str, str]]:
    src = Source(id="S1", file="t.txt", text=text)
    doc = pipeline("en")(text)
    mentions = extract_mentions(doc, src)
    quotes = extract_quotes(doc, src, mentions)
    for q in quotes:  # every quote is the exact text at its offsets
        assert text[q.start:q.end] == q.text
    return src, quotes, {m.id: m.text for m in mentions}


def _speaker(q: QuoteMention, names: dict[str, str]) -> str | None:
    return names.get(q.speaker) if q.speaker else q.speaker_text


def test_curly_quote_of_several_sentences_then_name_said():
    text = ("The court in Westford fined the teacher on Monday.\n\n"
            "“I did nothing wrong. I only wrote a letter. I will appeal,” Daniel Weston said outside the court.")
    _, quotes, names = _quotes(text)
    assert [q.text for q in quotes] == ["I did nothing wrong. I only wrote a letter. I will appeal"]
    assert _speaker(quotes[0], names) == "Daniel Weston"


def test_straight_quotes_and_said_name_inverted():
    text = ('"They searched every room of the house and took my laptop," said Daniel Weston, '
            'who runs a small newspaper in the town.')
    _, quotes, names = _quotes(text)
    assert quotes[0].text == "They searched every room of the house and took my laptop"
    assert _speaker(quotes[0], names) == "Daniel Weston"


def test_she_said_goes_to_the_woman_not_the_nearer_man():
    text = ("Maria Kovac said she had not been allowed to see her client. "
            "The prosecutor, Daniel Weston, declined to comment.\n\n"
            "“Nobody has shown me a single page of the case file,” she said.")
    _, quotes, names = _quotes(text)
    assert quotes[0].text == "Nobody has shown me a single page of the case file"
    assert _speaker(quotes[0], names) == "Maria Kovac"


def test_quote_split_by_he_said_gives_both_parts_one_speaker():
    text = ("Daniel Weston spoke to supporters after his release.\n\n"
            "“I was kept in a cold cell for a week,” he said. “They wanted me to sign a confession.”")
    _, quotes, names = _quotes(text)
    assert [q.text for q in quotes] == ["I was kept in a cold cell for a week",
                                        "They wanted me to sign a confession."]
    assert {_speaker(q, names) for q in quotes} == {"Daniel Weston"}


def test_told_reporters_and_an_audio_message_relayed_by_a_lawyer():
    text = ("“The charges are invented from start to finish,” Maria Kovac told reporters in Westford.\n\n"
            "“I am well and I am not afraid of them,” Daniel Weston said in an audio message relayed by his lawyer.")
    _, quotes, names = _quotes(text)
    assert [_speaker(q, names) for q in quotes] == ["Maria Kovac", "Daniel Weston"]


def test_said_that_before_the_quote():
    text = ("Daniel Weston gave a speech in the square.\n\n"
            "In the speech, he said that “the people of this town deserve to know the truth about the plant,” "
            "before the police stopped him.")
    _, quotes, names = _quotes(text)
    assert quotes[0].text == "the people of this town deserve to know the truth about the plant"
    assert _speaker(quotes[0], names) == "Daniel Weston"


def test_quote_running_over_two_paragraphs_keeps_its_speaker():
    text = ("“We were not told where he was taken,” said Maria Kovac. “We called every police station.\n\n"
            "“Nobody would tell us anything for three whole days.”")
    _, quotes, names = _quotes(text)
    assert len(quotes) == 3
    assert {_speaker(q, names) for q in quotes} == {"Maria Kovac"}


def test_scare_quotes_are_not_quotes():
    text = ("The authorities called the camps “training centres” and the protest a “provocation” "
            "against the “social order”.")
    _, quotes, _ = _quotes(text)
    assert quotes == []


def test_unattributed_full_sentence_quote_is_kept_without_speaker():
    text = "A banner at the gate read: “Freedom for all the prisoners held in this building today.”"
    _, quotes, _ = _quotes(text)
    assert [q.speaker for q in quotes] == [None]


def test_single_curly_quotes_with_apostrophes_inside():
    text = "‘I don’t know where they’ve taken my brother,’ said Maria Kovac, standing outside the station."
    _, quotes, names = _quotes(text)
    assert quotes[0].text == "I don’t know where they’ve taken my brother"
    assert _speaker(quotes[0], names) == "Maria Kovac"


def test_corpus_quotes_are_exact_and_mostly_attributed(corpus):
    from casefile.ingest import ingest_paths

    found = attributed = 0
    for case in ("bilash", "kara-murza"):
        sources = ingest_paths(sorted((corpus / case / "docs").iterdir())).sources
        for src in (s for s in sources if s.language == "en"):
            doc = pipeline("en")(src.text)
            for q in extract_quotes(doc, src, extract_mentions(doc, src)):
                assert src.text[q.start:q.end] == q.text
                found += 1
                attributed += bool(q.speaker or q.speaker_text)
    assert found >= 10
    assert attributed / found >= 0.8


def test_a_cited_term_far_from_the_attribution_is_not_the_speakers_quote():
    text = ('Weston was charged with "spreading knowingly false information about the army", an offence that '
            'carries up to five years in prison, his lawyer, Maria Kovac, told reporters.')
    _, quotes, _ = _quotes(text)
    assert quotes == []


# ------------------------------------------------------------------ speakers named around the quote (issue 15)


def _speakers(text: str) -> list[tuple[str, str | None]]:
    _, quotes, names = _quotes(text)
    return [(q.text, _speaker(q, names)) for q in quotes]


def test_a_speaker_named_after_the_quote_with_a_title():
    text = ("“The trial was a travesty of justice from start to finish,” said the group's regional "
            "researcher Jane Roe.")
    assert _speakers(text) == [("The trial was a travesty of justice from start to finish", "Jane Roe")]


def test_a_quote_standing_alone_after_the_speakers_sentence():
    text = ("Police detained the teacher Daniel Weston in Westford on Monday. Maria Kovac told reporters the "
            "trial was unfair. “We will keep fighting for his release.”")
    assert _speakers(text) == [("We will keep fighting for his release.", "Maria Kovac")]


def test_the_object_of_a_quoting_verb_is_the_speaker():
    text = ("“Weston has lost weight and his health is failing,” the group's statement quoted Maria Kovac as "
            "saying.\nThe group cited his lawyer, Maria Kovac, as saying that his rights “are violated every day.”")
    assert _speakers(text) == [("Weston has lost weight and his health is failing", "Maria Kovac"),
                               ("are violated every day.", "Maria Kovac")]


def test_a_partial_quote_in_reported_speech_is_the_speakers():
    text = "Daniel Weston wrote on his page that the town's officials “are acting as an occupying force”."
    assert _speakers(text) == [("are acting as an occupying force", "Daniel Weston")]


def test_words_said_of_someone_in_the_passive_are_not_theirs():
    text = "Daniel Weston was accused of treason and declared a “foreign agent” in March."
    assert [s for _, s in _speakers(text)] in ([], [None])


def test_a_short_label_given_by_a_naming_verb_is_no_quote():
    text = "Maria Kovac described the ruling as a “grave injustice” on Monday."
    assert _speakers(text) == []


def test_a_question_attributed_by_a_verb_of_wondering():
    text = "“Am I being taken away for good?” wondered Weston, who had been held for a year."
    assert _speakers(text) == [("Am I being taken away for good?", "Weston")]


def test_an_institution_that_speaks_is_the_one_named_before():
    text = ("The Westford City Court rejected the appeal on Monday.\n\n"
            "“The sentence stands in full and takes effect today,” the court said.")
    assert _speakers(text) == [("The sentence stands in full and takes effect today", "Westford City Court")]


def test_an_embedded_post_is_its_signers_words():
    text = ("Police detained Daniel Weston in Westford on Monday.\n\n"
            "The verdict is a disgrace. We must do everything to free him. pic.twitter.com/abc123\n\n"
            "— Maria Kovac (@mariakovac) May 3, 2023\n\nHis trial is set for June.")
    assert _speakers(text) == [("The verdict is a disgrace. We must do everything to free him.", "Maria Kovac")]


def test_a_name_in_quotation_marks_after_what_it_names_is_no_quote():
    text = ("Maria Kovac, a researcher at the group “Steppe Rights Monitors”, said the verdict was unjust and "
            "that “the trial was a travesty from the very first day”.")
    assert _speakers(text) == [("the trial was a travesty from the very first day", "Maria Kovac")]


def test_words_another_clause_reports_are_not_the_reporters():
    text = ('Back at the trial, Daniel Weston said that the police had threatened: "You will be held in the colony '
            'for years, and nobody will ever hear of you again."')
    assert _speakers(text) == [("You will be held in the colony for years, and nobody will ever hear of you again.",
                                None)]
    # through a copula the quoted words are still the speaker's
    text = "Maria Kovac said the trial was “a blatant attempt to silence every critic of the mayor”."
    assert _speakers(text) == [("a blatant attempt to silence every critic of the mayor", "Maria Kovac")]


def test_a_quote_after_a_sentence_of_its_speaker_s_stance():
    _, quotes, names = _quotes("The activist Mira Talbot was freed on August 1 in an exchange. But Mira Talbot was "
                               "unhappy. “This is not the plan, the real candidate is rotting in his cell.”")
    assert [_speaker(q, names) for q in quotes] == ["Mira Talbot"]


def test_a_list_label_the_parse_took_for_a_second_subject_does_not_hide_the_speaker():
    _, quotes, names = _quotes("3. Reactions: The Velbrod Committee expressed “profound relief and genuine joy” "
                               "over the release.")
    assert [_speaker(q, names) for q in quotes] == ["Velbrod Committee"]


def test_a_first_person_quote_after_a_sentence_about_one_person_is_theirs():
    _, quotes, names = _quotes("Mira Talbot was transferred to a penal colony in Velbrod. “I write to you from a new "
                               "place with new impressions, and the journey was calm.”")
    assert [_speaker(q, names) for q in quotes] == ["Mira Talbot"]
    # not in the first person: no one said it
    _, quotes, names = _quotes("Mira Talbot was transferred to a penal colony in Velbrod. “The transfer of political "
                               "prisoners far from their families is a punishment in itself.”")
    assert [_speaker(q, names) for q in quotes] == [None]


def test_straight_single_quotes_mark_a_quote_but_not_an_apostrophe_or_a_decade():
    _, quotes, names = _quotes("Talbot's supporters, who remember the '90s protests, didn't come. Mira Talbot said: "
                               "'I won't give up, whatever they do to me.'")
    assert [(q.text, _speaker(q, names)) for q in quotes] == [
        ("I won't give up, whatever they do to me.", "Mira Talbot")]


def test_a_pronoun_speaker_is_who_spoke_before_not_whom_they_spoke_of():
    text = ("In a statement, President Oren Valsky said Mira Talbot was wrongfully convicted. "
            "“We are pushing hard for her release,” he said.")
    _, quotes, names = _quotes(text)
    assert [_speaker(q, names) for q in quotes] == ["Oren Valsky"]
