"""A year guessed for a report from its bundle, checked against the order of a prosecution
(hand-made readings of fictional reports)."""

from casefile.consolidate.years import move_guessed_years
from casefile.model import DocAnalysis, EventMention, Source

DATED = "Report of 14 May 2031 on the arrest of Ivo Stanev."
YEARLESS = "The court read out its verdict on 3 May; Ivo Stanev was given nine years."
OF_MENTION = {"S1:M1": "E1", "S2:M1": "E1", "S2:M2": "E2"}


def em(source: str, etype: str, date: str | None, person: str = "M1") -> EventMention:
    return EventMention(source=source, type=etype, trigger="x", quote="x", start=0, end=1, date=date,
                        date_precision="day" if date and len(date) == 10 else "month",
                        participants=[(f"{source}:{person}", "subject")])


def bundle(verdict: str, *, year_in_text: bool = False, extra: list[str] | None = None):
    sources = [Source(id="S1", file="a.txt", text=DATED, published="2031-05-14", published_basis="dateline"),
               Source(id="S2", file="b.txt", text=YEARLESS + (" It is 2031." if year_in_text else ""),
                      published=verdict[:7], published_basis="content", warnings=["guessed"]),
               *(Source(id=f"S{i + 3}", file=f"{i}.txt", text="later", published=p, published_basis="dateline")
                 for i, p in enumerate(extra or []))]
    analyses = [DocAnalysis(source="S1", language="en", events=[em("S1", "detention", "2031-05-14")]),
                DocAnalysis(source="S2", language="en", events=[em("S2", "conviction", verdict),
                                                               em("S2", "sentence", verdict)])]
    return sources, analyses


def test_a_verdict_guessed_before_the_arrest_moves_to_the_next_year_of_the_bundle():
    sources, analyses = bundle("2031-05-03", extra=["2032-06-01"])
    new_sources, new_analyses = move_guessed_years(sources, analyses, OF_MENTION)
    s2 = next(s for s in new_sources if s.id == "S2")
    assert s2.published == "2032-05" and "moved on to 2032" in s2.warnings[-1]
    assert [e.date for e in new_analyses[1].events] == ["2032-05-03", "2032-05-03"]
    assert new_analyses[0] == analyses[0]  # the firmly dated report is untouched


def test_a_guess_is_not_moved_past_the_years_the_bundle_reaches():
    sources, analyses = bundle("2031-05-03")
    assert move_guessed_years(sources, analyses, OF_MENTION) == (sources, analyses)


def test_an_act_whose_sentence_writes_its_year_keeps_it():
    sources, analyses = bundle("2031-05-03", extra=["2032-06-01"])
    told = [e.model_copy(update={"quote": "on 3 May 2031"}) for e in analyses[1].events]
    analyses[1] = analyses[1].model_copy(update={"events": told})
    assert move_guessed_years(sources, analyses, OF_MENTION) == (sources, analyses)


def test_a_report_that_writes_other_years_moves_only_its_acts_without_one():
    sources, analyses = bundle("2031-05-03", year_in_text=True, extra=["2032-06-01"])
    background = em("S2", "detention", "2030-02-01", person="M2").model_copy(update={"quote": "in February 2030"})
    analyses[1] = analyses[1].model_copy(update={"events": [*analyses[1].events, background]})
    new_sources, new_analyses = move_guessed_years(sources, analyses, OF_MENTION)
    assert [e.date for e in new_analyses[1].events] == ["2032-05-03", "2032-05-03", "2030-02-01"]
    assert next(s for s in new_sources if s.id == "S2").published == "2032-05"  # its latest act's month


def test_a_verdict_after_the_arrest_keeps_its_year():
    sources, analyses = bundle("2031-09-03", extra=["2032-06-01"])
    assert move_guessed_years(sources, analyses, OF_MENTION) == (sources, analyses)


def test_another_persons_arrest_orders_nothing():
    sources, analyses = bundle("2031-05-03", extra=["2032-06-01"])
    other = {**OF_MENTION, "S2:M1": "E2"}
    assert move_guessed_years(sources, analyses, other) == (sources, analyses)


def test_an_earlier_verdict_of_the_same_person_leaves_the_order_open():
    sources, analyses = bundle("2031-05-03", extra=["2032-06-01"])
    analyses[0] = analyses[0].model_copy(update={"events": [*analyses[0].events, em("S1", "conviction", "2029-02-01")]})
    assert move_guessed_years(sources, analyses, OF_MENTION) == (sources, analyses)


def test_a_guess_two_years_early_moves_by_the_fewest_years_that_fit():
    sources, analyses = bundle("2029-09-03", extra=["2031-10-01"])
    new_sources, new_analyses = move_guessed_years(sources, analyses, OF_MENTION)
    assert next(s for s in new_sources if s.id == "S2").published == "2031-09"  # not 2030: still before the arrest
    assert [e.date for e in new_analyses[1].events] == ["2031-09-03", "2031-09-03"]


def _own_order(arrest: str, verdict: str):
    """A bundle whose second report, dated by guess, tells an arrest and a verdict with no year."""
    sources = [Source(id="S1", file="a.txt", text="later", published="2032-06-01", published_basis="dateline"),
               Source(id="S2", file="b.txt", text="Arrested, then sentenced.", published="2031-05",
                      published_basis="content")]
    analyses = [DocAnalysis(source="S1", language="en", events=[]),
                DocAnalysis(source="S2", language="en", events=[em("S2", "detention", arrest),
                                                               em("S2", "conviction", verdict)])]
    return sources, analyses


def test_a_report_whose_verdict_would_come_before_its_own_arrest_was_written_the_next_year():
    # "sentenced on 12 January" in a report that also recalls the arrest "on 29 May": the verdict
    # is the next January's, the arrest keeps its year, and the report is of that January
    sources, analyses = _own_order("2031-05-29", "2031-01-12")
    new_sources, new_analyses = move_guessed_years(sources, analyses, OF_MENTION)
    assert [e.date for e in new_analyses[1].events] == ["2031-05-29", "2032-01-12"]
    assert new_sources[1].published == "2032-01"


def test_a_report_whose_acts_keep_their_order_is_left_alone():
    sources, analyses = _own_order("2031-01-12", "2031-05-29")
    assert move_guessed_years(sources, analyses, OF_MENTION) == (sources, analyses)


def _freed(verdict_told: str, verdict_dated: str, *, dated_by: str = "dateline", release: str = "2031-08-01",
           earlier_release: str | None = None):
    """A bundle: a report dates the verdict (`verdict_dated`); another, dated by guess, tells the
    release with no year and recalls the verdict with one ("sentenced to nine years in 2031")."""
    s1_events = [em("S1", "detention", "2030-04-11"), em("S1", "conviction", verdict_dated)]
    if earlier_release:
        s1_events.append(em("S1", "release", earlier_release))
    sources = [Source(id="S1", file="a.txt", text="verdict", published=verdict_dated, published_basis=dated_by),
               Source(id="S2", file="b.txt", text="Freed in a swap; sentenced in 2031.", published=release[:7],
                      published_basis="content")]
    recalled = em("S2", "conviction", verdict_told).model_copy(update={"quote": f"sentenced in {verdict_told[:4]}"})
    analyses = [DocAnalysis(source="S1", language="en", events=s1_events),
                DocAnalysis(source="S2", language="en", events=[em("S2", "release", release), recalled])]
    return sources, analyses


def test_a_release_guessed_before_the_verdict_its_report_recalls_moves_past_it():
    # a freed prisoner "who had been sentenced to nine years in 2031", freed "on 1 August": the
    # verdict was in November 2031, so the release is the next August's
    sources, analyses = _freed("2031", "2031-11-16")
    new_sources, new_analyses = move_guessed_years(sources, analyses, OF_MENTION)
    assert [e.date for e in new_analyses[1].events] == ["2032-08-01", "2031"]
    assert new_sources[1].published == "2032-08" and "moved on to 2032" in new_sources[1].warnings[-1]


def test_a_verdict_dated_by_another_guess_orders_a_release_too():
    sources, analyses = _freed("2031", "2031-11-16", dated_by="content")
    assert [e.date for e in move_guessed_years(sources, analyses, OF_MENTION)[1][1].events] == ["2032-08-01", "2031"]


def test_a_release_after_the_verdict_or_without_one_recalled_keeps_its_year():
    assert move_guessed_years(*_freed("2031", "2031-05-16"), OF_MENTION)[1][1].events[0].date == "2031-08-01"
    # the report recalls a verdict of another year: not the one the bundle dates
    assert move_guessed_years(*_freed("2029", "2031-11-16"), OF_MENTION)[1][1].events[0].date == "2031-08-01"


def test_a_release_the_bundle_dates_before_the_verdict_leaves_the_order_open():
    # released pending trial in the spring: a release before the verdict is no contradiction
    sources, analyses = _freed("2031", "2031-11-16", earlier_release="2031-03-02")
    assert move_guessed_years(sources, analyses, OF_MENTION) == (sources, analyses)


def test_a_release_guessed_before_everything_the_bundle_dates_of_the_person_moves_past_the_arrest():
    # "freed on 20 June", no verdict recalled, in a report guessed into a year before the arrest
    # the bundle dates on 14 May 2031: not that year's June before the arrest, a later one
    sources = [Source(id="S1", file="a.txt", text=DATED, published="2031-05-14", published_basis="dateline"),
               Source(id="S2", file="b.txt", text="Ivo Stanev was freed on 20 June.", published="2024-06",
                      published_basis="content", warnings=["guessed"])]
    analyses = [DocAnalysis(source="S1", language="en", events=[em("S1", "detention", "2031-05-14")]),
                DocAnalysis(source="S2", language="en", events=[em("S2", "release", "2024-06-20")])]
    new_sources, new_analyses = move_guessed_years(sources, analyses, OF_MENTION)
    assert new_analyses[1].events[0].date == "2031-06-20"
    assert "moved on to 2031" in new_sources[1].warnings[-1]
