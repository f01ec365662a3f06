"""Merging event mentions across sources (hand-made readings of fictional reports)."""

from casefile.consolidate.entities import EntityResolution
from casefile.consolidate.events import merge_events
from casefile.model import Amount, DocAnalysis, Entity, EventMention, Source

TEXT = "Some report text long enough to quote from, about Ivo Stanev and others."


def src(i: int) -> Source:
    return Source(id=f"S{i}", file=f"{i}.txt", text=TEXT)


def em(source: str, etype: str, date: str | None = None, precision: str = "day", at: int = 0, **kw) -> EventMention:
    return EventMention(source=source, type=etype, trigger="x", quote=TEXT[at:at + 11], start=at, end=at + 11,
                        date=date, date_precision=precision if date else "unknown", **kw)


def merge(*mentions: EventMention, resolution: EntityResolution | None = None):
    sources = sorted({m.source for m in mentions}, key=lambda s: int(s[1:]))
    analyses = [DocAnalysis(source=s, language="en", events=[m for m in mentions if m.source == s])
                for s in sources]
    return merge_events(analyses, resolution or EntityResolution(), [src(int(s[1:])) for s in sources])


def test_same_act_from_several_sources_is_one_event_with_each_evidence():
    events = merge(em("S1", "detention", "2021-05-12"), em("S2", "detention", "2021-05-12"),
                   em("S3", "detention", "2021-05", "month"))
    assert len(events) == 1
    assert [e.source for e in events[0].evidence] == ["S1", "S2", "S3"]
    assert events[0].date == "2021-05-12" and events[0].id == "V1"


def test_two_acts_of_one_type_on_different_dates_stay_two():
    events = merge(em("S1", "fine", "2021-04", "month"), em("S2", "fine", "2021-10-19"))
    assert sorted(e.date for e in events) == ["2021-04", "2021-10-19"]


def test_sources_a_day_apart_are_one_act_dated_by_the_majority():
    events = merge(em("S1", "release", "2021-10-19"), em("S2", "release", "2021-10-20"),
                   em("S3", "release", "2021-10-19"))
    assert len(events) == 1
    e = events[0]
    assert e.date == "2021-10-19"
    assert {(x.source, x.date) for x in e.evidence} == {("S1", "2021-10-19"), ("S2", "2021-10-20"),
                                                        ("S3", "2021-10-19")}


def test_one_source_with_two_dates_tells_two_acts():
    events = merge(em("S1", "hearing", "2021-09-24"), em("S1", "hearing", "2021-09-25"))
    assert len(events) == 2


def test_undated_mention_joins_the_act_of_its_type():
    events = merge(em("S1", "plea_deal", "2021-10-19"), em("S2", "plea_deal"))
    assert len(events) == 1 and len(events[0].evidence) == 2


def test_yearless_date_takes_its_year_from_the_other_sources():
    events = merge(em("S1", "detention", "2021-05-12"), em("S2", "detention", "--05-12", "unknown"),
                   em("S2", "search", "--05-12", "unknown"))
    by_type = {e.type: e for e in events}
    assert by_type["detention"].date == "2021-05-12" and len(by_type["detention"].evidence) == 2
    assert by_type["search"].date == "2021-05-12"  # same source: the year it uses elsewhere


def test_different_sums_are_different_fines():
    events = merge(em("S1", "fine", "2021-04", "month", amount=Amount(value=390, currency="USD", usd=390)),
                   em("S2", "fine", amount=Amount(value=100, currency="USD", usd=100)))
    assert len(events) == 2


def test_rounded_sums_are_one_fine_keeping_the_converted_figure():
    events = merge(em("S1", "fine", "2021-04", "month", amount=Amount(value=390, currency="USD", usd=390)),
                   em("S2", "fine", "2021-04", "month",
                      amount=Amount(value=150000, currency="KZT", usd=392)))
    assert len(events) == 1
    assert events[0].attributes.amount.currency == "KZT" and events[0].attributes.amount.usd == 392


def test_act_of_another_named_person_is_background():
    res = EntityResolution(
        entities=[Entity(id="E1", type="person", name="Ivo Stanev"),
                  Entity(id="E2", type="person", name="Petra Dimova")],
        of_mention={"S1:M1": "E1", "S1:M2": "E2", "S1:M3": "E1"}, subject="E1")
    events = merge(em("S1", "sentence", "2021-06-01", participants=[("S1:M2", "subject")]),
                   em("S1", "detention", "2021-05-01", participants=[("S1:M3", "subject")]),
                   resolution=res)
    assert [e.type for e in events] == ["detention"]
    assert events[0].participants[0].entity == "E1" and events[0].participants[0].role == "subject"


def test_act_of_a_relative_who_shares_the_surname_is_background_a_split_name_is_not():
    res = EntityResolution(
        entities=[Entity(id="E1", type="person", name="Ivo Stanev"),
                  Entity(id="E2", type="person", name="Petra Stanev"),
                  Entity(id="E3", type="person", name="Stanev")],
        of_mention={"S1:M1": "E1", "S1:M2": "E2", "S1:M3": "E3"}, subject="E1")
    events = merge(em("S1", "sentence", "2021-06-01", participants=[("S1:M2", "subject")]),
                   em("S1", "detention", "2021-05-01", participants=[("S1:M3", "subject")]),
                   resolution=res)
    assert [e.type for e in events] == ["detention"]


def test_first_corpus_case_timeline_meets_the_bar(corpus):
    from tests.test_golden import score_case

    lines, _, parts = score_case(corpus / "bilash")
    line = next(x for x in lines if x.strip().startswith("events:"))
    recall = float(line.split("recall ")[1].split()[0])
    precision = float(line.split("precision ")[1].split()[0])
    evidence = float(line.split("evidence recall ")[1].split()[0])
    assert recall >= 0.85 and precision >= 0.80 and evidence >= 0.80, line
    assert any("attributes: 4/4" in x for x in lines), lines


def test_undated_mention_joins_the_act_near_its_sentence_and_report():
    # S2 tells of a March transfer in the sentence that dates the house arrest, and is mainly
    # about August: its undated transfer is the March one, its undated release the August one
    s2 = [em("S2", "house_arrest", sentence=3, at=5), em("S2", "transfer", sentence=3, at=5),
          em("S2", "release", "2021-10-19", sentence=9, at=20), em("S2", "release", sentence=10, at=40)]
    events = merge(em("S1", "house_arrest", "2021-05-13"), em("S1", "transfer", "2021-05-12"),
                   em("S3", "transfer", "2021-10-18"), em("S1", "release", "2021-10-19"), *s2)
    transfers = {e.date: {x.source for x in e.evidence} for e in events if e.type == "transfer"}
    assert transfers == {"2021-05-12": {"S1", "S2"}, "2021-10-18": {"S3"}}
    assert [len(e.evidence) for e in events if e.type == "release"] == [3]


def test_one_charge_dated_differently_by_two_sources_is_one_act_with_a_date_conflict():
    from casefile.assess.conflicts import find_conflicts
    events = merge(em("S1", "charge", "2020-05-04", charge="membership in an extremist youth movement"),
                   em("S2", "charge", "2020-04", "month", charge="belonging to an “extremist” youth group"))
    assert len(events) == 1
    _, conflicts = find_conflicts(events)
    assert [c.field for c in conflicts] == ["date"]
    assert sorted(v.value for v in conflicts[0].values) == ["2020-04", "2020-05-04"]


def test_different_charges_or_dates_far_apart_stay_two_acts():
    assert len(merge(em("S1", "charge", "2020-05-04", charge="membership in an extremist youth movement"),
                     em("S2", "charge", "2020-04", "month", charge="tax evasion"))) == 2
    assert len(merge(em("S1", "charge", "2020-05-04", charge="membership in an extremist youth movement"),
                     em("S2", "charge", "2019-11", "month", charge="membership in an extremist movement"))) == 2


def test_custody_a_court_ordered_is_the_arrest_it_follows_and_that_day_s_hearing(tmp_path):
    from casefile.pipeline import build_case

    (tmp_path / "a.txt").write_text(
        "Published: 14 June 2024\n\nPolice detained the journalist Ann Lee in Tbilisi on 11 June 2024; the next day "
        "a court remanded her in custody, her lawyer said.\n")
    (tmp_path / "b.txt").write_text(
        "Published: 13 June 2024\n\nA court in Tbilisi remanded the journalist Ann Lee in custody on 12 June 2024, "
        "her lawyer said.\n")
    cf = build_case([tmp_path]).casefile
    # one custody, begun by the police's arrest; the court's order of it is that day's session
    assert [(v.date, len({x.source for x in v.evidence})) for v in cf.events if v.type == "detention"] == [
        ("2024-06-11", 2)]
    assert [v.date for v in cf.events if v.type == "hearing"] == ["2024-06-12"]
    assert cf.conflicts == []


def test_an_undated_act_before_one_court_does_not_join_the_dated_act_before_another():
    ents = [Entity(id="E1", type="person", name="Ivo Stanev"),
            Entity(id="E2", type="organization", name="City Court"),
            Entity(id="E3", type="organization", name="Supreme Court")]
    res = EntityResolution(entities=ents, subject="E1",
                           of_mention={"S1:M1": "E1", "S1:M2": "E2", "S2:M1": "E1", "S2:M2": "E3"})
    events = merge(em("S1", "appeal", participants=[("S1:M1", "subject"), ("S1:M2", "authority")]),
                   em("S2", "appeal", "2031-12-09", participants=[("S2:M1", "subject"), ("S2:M2", "authority")]),
                   resolution=res)
    assert sorted((e.date or "") for e in events) == ["", "2031-12-09"]
    # before the same court (or naming none), the undated mention is the dated act
    events = merge(em("S1", "appeal", participants=[("S1:M1", "subject")]),
                   em("S2", "appeal", "2031-12-09", participants=[("S2:M1", "subject"), ("S2:M2", "authority")]),
                   resolution=res)
    assert [e.date for e in events] == ["2031-12-09"]


def test_charges_under_different_articles_are_never_one_act():
    events = merge(em("S1", "charge", "2031-05-27", charge="ч. 1 ст. 280 УК"),
                   em("S2", "charge", charge="статья 212.1 УК РФ"))
    assert len(events) == 2
    events = merge(em("S1", "charge", "2031-05-27", charge="Article 318 of the Criminal Code"),
                   em("S2", "charge", charge="charged under article 318"))
    assert len(events) == 1


def test_an_undated_mention_is_not_of_an_act_after_its_report():
    reports = [Source(id="S1", file="1.txt", text=TEXT, published="2030-04-27", published_basis="dateline"),
               Source(id="S2", file="2.txt", text=TEXT)]
    analyses = [DocAnalysis(source="S1", language="en", events=[em("S1", "charge")]),
                DocAnalysis(source="S2", language="en", events=[em("S2", "charge", "2031-10", "month")])]
    assert sorted((e.date or "") for e in merge_events(analyses, EntityResolution(), reports)) == ["", "2031-10"]
    # a publication month estimated from the text is only a lower bound: no such limit
    reports[0] = reports[0].model_copy(update={"published_basis": "content"})
    assert [e.date for e in merge_events(analyses, EntityResolution(), reports)] == ["2031-10"]


def test_the_end_of_a_term_is_the_latest_the_sources_give():
    events = merge(em("S1", "detention", "2031-10-18", end_date="2031-12-05"),
                   em("S2", "detention", "2031-10-18", end_date="2032-02-05"), em("S3", "detention", "2031-10-18"),
                   em("S4", "detention", "2031-10-18", end_date="--12"))
    assert [(e.date, e.end_date) for e in events] == [("2031-10-18", "2032-02-05")]


def test_of_two_acts_a_day_either_side_a_mention_joins_the_one_told_alike():
    def told(source, date, trigger):
        return EventMention(source=source, type="detention", trigger=trigger, quote=TEXT[:11], start=0, end=11,
                            date=date, date_precision="day")
    events = merge(told("S1", "2031-10-18", "задержали"), told("S1", "2031-10-20", "продлил"),
                   told("S2", "2031-10-19", "задержана"))
    by_date = {e.date: sorted(x.source for x in e.evidence) for e in events}
    assert by_date == {"2031-10-18": ["S1", "S2"], "2031-10-20": ["S1"]}


def test_a_report_that_dates_an_act_by_its_own_date_yields_to_a_day_another_states():
    # S1 tells the act as news and is dated the day after; S2 writes the act's day
    events = merge(em("S1", "detention", "2021-02-05", by_report=True), em("S2", "detention", "2021-02-04"))
    assert len(events) == 1 and events[0].date == "2021-02-04"
    assert [(x.source, x.date) for x in events[0].evidence] == [("S1", None), ("S2", "2021-02-04")]
    # a day stated by both is a disagreement between sources, kept for the analyst
    events = merge(em("S1", "detention", "2021-02-05"), em("S2", "detention", "2021-02-04"))
    assert {x.date for x in events[0].evidence} == {"2021-02-04", "2021-02-05"}
    # a report's date before the stated day is not the lag of a report: it keeps its date
    events = merge(em("S1", "detention", "2021-02-03", by_report=True), em("S2", "detention", "2021-02-04"))
    assert {x.date for e in events for x in e.evidence} == {"2021-02-03", "2021-02-04"}


def _one_subject(*sources: str) -> EntityResolution:
    return EntityResolution(entities=[Entity(id="E1", type="person", name="Ivo Stanev")],
                            of_mention={f"{s}:M1": "E1" for s in sources}, subject="E1")


def _of_him(source: str, etype: str, date: str, precision: str = "day", **kw) -> EventMention:
    return em(source, etype, date, precision, participants=[(f"{source}:M1", "subject")], **kw)


def test_one_long_term_told_at_dates_far_apart_is_one_act_with_a_date_conflict():
    from casefile.assess.conflicts import find_conflicts
    res = _one_subject("S1", "S2", "S3")
    # two sources date the sentence in November 2023; a third writes "sentenced to seven years in
    # March 2022", its conviction told in the same sentence: one verdict, one source wrong on its date
    events = merge(_of_him("S1", "sentence", "2023-11-16", duration="P7Y"),
                   _of_him("S1", "conviction", "2023-11-16"),
                   _of_him("S2", "sentence", "2023", "year", duration="P7Y"),
                   _of_him("S3", "sentence", "2022-03", "month", duration="P7Y", sentence=4),
                   _of_him("S3", "conviction", "2022-03", "month", sentence=4),
                   resolution=res)
    assert sorted(e.type for e in events) == ["conviction", "sentence"]
    sentence = next(e for e in events if e.type == "sentence")
    assert sorted(x.source for x in sentence.evidence) == ["S1", "S2", "S3"]
    events, conflicts = find_conflicts(events)
    assert [(c.field, sorted(v.value for v in c.values)) for c in conflicts] == [("date", ["2022-03", "2023-11-16"])]
    assert next(e for e in events if e.type == "sentence").date == "2023-11-16"


def test_terms_that_differ_are_short_or_share_a_source_stay_two_acts():
    res = _one_subject("S1", "S2")
    # another length: another sentence
    assert len(merge(_of_him("S1", "sentence", "2019-05-10", duration="P2Y"),
                     _of_him("S2", "sentence", "2023-11-16", duration="P7Y"), resolution=res)) == 2
    # a short term (an arrest of fifteen days) is given again and again
    assert len(merge(_of_him("S1", "sentence", "2019-05-10", duration="P15D"),
                     _of_him("S2", "sentence", "2023-11-16", duration="P15D"), resolution=res)) == 2
    # one source telling two sentences of one length tells two
    assert len(merge(_of_him("S1", "sentence", "2019-05-10", duration="P2Y"),
                     _of_him("S1", "sentence", "2023-11-16", duration="P2Y", at=20),
                     _of_him("S2", "sentence", "2023-11", "month", duration="P2Y"), resolution=res)) == 2


def test_one_charge_worded_in_two_inflected_forms_is_one_act_in_any_alphabet():
    # a case "по оправданию терроризма" dated to May by one source, one "по статье … —
    # «оправдание терроризма»" on 10 April by another: one charge, a conflict on its date
    from casefile.assess.conflicts import find_conflicts
    events = merge(em("S1", "charge", "2023-04-10", charge="статье 205.2 УК РФ — «оправдание терроризма»"),
                   em("S2", "charge", "2023-05", "month", charge="по оправданию терроризма"))
    assert len(events) == 1
    assert [c.field for c in find_conflicts(events)[1]] == ["date"]
    # the common words of charges ("статья", "уголовного") do not make two charges one
    assert len(merge(em("S1", "charge", "2023-04-10", charge="по статье уголовного кодекса о хулиганстве"),
                     em("S2", "charge", "2023-05", "month", charge="по статье уголовного кодекса о клевете"))) == 2


def test_a_lead_dated_by_its_report_joins_the_day_its_own_text_states_a_few_days_before():
    # "Police have arrested a blogger" (dated by the report, 3 November) ... "was arrested on
    # Wednesday night" (2 November): one arrest, on the stated day, whichever is placed first
    for first, second in ((em("S1", "detention", "2016-11-03", by_report=True), em("S1", "detention", "2016-11-02", at=20)),
                          (em("S1", "detention", "2016-11-02", at=20), em("S1", "detention", "2016-11-03", by_report=True))):
        events = merge(first, second)
        assert [(e.type, e.date) for e in events] == [("detention", "2016-11-02")]
    # a stated day more than a week before is another act
    assert len(merge(em("S1", "detention", "2016-11-20", by_report=True), em("S1", "detention", "2016-11-02", at=20))) == 2


def test_close_terms_given_on_one_day_are_one_sentence_with_a_conflict():
    from casefile.assess.conflicts import find_conflicts
    events = merge(em("S1", "sentence", "2030-10-10", duration="P6Y"), em("S2", "sentence", "2030-10-10", duration="P5Y"))
    assert len(events) == 1
    _, conflicts = find_conflicts(events)
    assert [c.field for c in conflicts] == ["duration"]
    assert sorted(v.value for v in conflicts[0].values) == ["P5Y", "P6Y"]


def test_terms_far_apart_in_length_or_on_other_days_stay_two_sentences():
    assert len(merge(em("S1", "sentence", "2030-10-10", duration="P15D"),
                     em("S2", "sentence", "2030-10-10", duration="P5Y"))) == 2
    assert len(merge(em("S1", "sentence", "2030-10-10", duration="P6Y"),
                     em("S2", "sentence", "2031-03-02", duration="P5Y"))) == 2


def test_sources_a_few_days_apart_that_tell_one_day_each_disagree_on_one_act():
    from casefile.assess.conflicts import find_conflicts

    events = merge(em("S1", "detention", "2021-07-02"), em("S2", "detention", "2021-07-02"),
                   em("S3", "detention", "2021-07-04"))
    assert len(events) == 1 and events[0].date == "2021-07-02"
    _, conflicts = find_conflicts(events)
    assert [c.field for c in conflicts] == ["date"]


def test_a_source_that_tells_both_days_tells_two_acts_and_a_week_apart_is_two():
    events = merge(em("S1", "detention", "2021-07-02"), em("S2", "detention", "2021-07-04"),
                   em("S2", "detention", "2021-07-02", at=20))
    assert sorted((e.date, sorted(x.date for x in e.evidence)) for e in events) == [
        ("2021-07-02", ["2021-07-02", "2021-07-02"]), ("2021-07-04", ["2021-07-04"])]
    assert len(merge(em("S1", "detention", "2021-07-02"), em("S2", "detention", "2021-07-09"))) == 2


def test_custody_held_since_its_order_is_the_arrest_a_day_before_not_a_conflict(tmp_path):
    from casefile.pipeline import build_case

    (tmp_path / "a.txt").write_text("Published: 20 April 2022\n\nPolice detained the journalist Ann Lee in Tbilisi "
                                    "on 13 April 2022, her lawyer said.\n")
    (tmp_path / "b.txt").write_text("Published: 2 May 2022\n\nThe journalist Ann Lee has been held in custody since "
                                    "14 April 2022, her lawyer said.\n")
    (tmp_path / "c.txt").write_text("Опубликовано: 3 мая 2022\n\nЖурналистка Энн Ли находится в СИЗО с 14 апреля "
                                    "2022 года, сообщил ее адвокат.\n")
    cf = build_case([tmp_path]).casefile
    assert [(v.date, len(v.evidence)) for v in cf.events if v.type == "detention"][:1] == [("2022-04-13", 2)]
    assert cf.conflicts == []


def test_a_verdict_a_summary_dates_with_its_arrest_is_the_one_that_followed_that_arrest():
    from casefile.assess.conflicts import find_conflicts
    res = _one_subject("S1", "S2", "S3")
    # S1 and S2 date the arrest in June 2029 and the verdict (nine years) in February 2031; S3 sums it
    # up: "In 2029 he was arrested and sentenced to two years" (its arrest is theirs)
    told = [_of_him("S1", "detention", "2029-06-20"), _of_him("S2", "detention", "2029-06", "month"),
            _of_him("S1", "sentence", "2031-02-11", duration="P9Y", sentence=3),
            _of_him("S2", "sentence", "2031-02-11", duration="P9Y", sentence=3),
            _of_him("S1", "conviction", "2031-02-11", sentence=3)]
    summary = [_of_him("S3", "detention", "2029", "year", sentence=2),
               _of_him("S3", "sentence", "2029", "year", duration="P2Y", sentence=2, summary_time=True),
               _of_him("S3", "conviction", "2029", "year", sentence=2, summary_time=True)]
    events = merge(*told, *summary, resolution=res)
    assert sorted((e.type, e.date) for e in events) == [
        ("conviction", "2031-02-11"), ("detention", "2029-06-20"), ("sentence", "2031-02-11")]
    events, conflicts = find_conflicts(events)
    assert [(c.field, sorted(v.value for v in c.values)) for c in conflicts] == [("duration", ["P2Y", "P9Y"])]
    assert next(e for e in events if e.type == "sentence").attributes.duration == "P9Y"


def test_a_summary_s_verdict_keeps_its_own_date_unless_the_case_knows_the_one_after_its_arrest():
    res = _one_subject("S1", "S2", "S3")
    summary = [_of_him("S3", "detention", "2029", "year", sentence=2),
               _of_him("S3", "sentence", "2029", "year", duration="P2Y", sentence=2, summary_time=True)]
    # no other source tells that arrest: the summary's verdict is its own
    events = merge(_of_him("S1", "sentence", "2031-02-11", duration="P9Y"), *summary, resolution=res)
    assert sorted((e.type, e.date) for e in events if e.type == "sentence") == [
        ("sentence", "2029"), ("sentence", "2031-02-11")]
    # another arrest came between: the later verdict is of another prosecution
    events = merge(_of_him("S1", "detention", "2029-06-20"), _of_him("S2", "detention", "2030-09-01"),
                   _of_him("S1", "sentence", "2031-02-11", duration="P9Y", sentence=3), *summary, resolution=res)
    assert sorted(e.date for e in events if e.type == "sentence") == ["2029", "2031-02-11"]
    # a summary that is no summary (its time is the verdict's own) stays apart too
    events = merge(_of_him("S1", "detention", "2029-06-20"), _of_him("S2", "sentence", "2031-02-11", duration="P9Y"),
                   _of_him("S3", "detention", "2029", "year", sentence=2),
                   _of_him("S3", "sentence", "2029", "year", duration="P2Y", sentence=2), resolution=res)
    assert sorted(e.date for e in events if e.type == "sentence") == ["2029", "2031-02-11"]


def test_one_source_s_date_a_year_off_in_the_same_month_is_a_slipped_year_of_the_act_others_date():
    from casefile.assess.conflicts import find_conflicts
    res = _one_subject("S1", "S2", "S3")
    # two reports of mid-May 2030 tell the case opened; a later one, "opened the case in May 2031"
    events = merge(_of_him("S1", "charge", "2030-05-09"), _of_him("S2", "charge", "2030-05", "month"),
                   _of_him("S3", "charge", "2031-05", "month"), resolution=res)
    assert [(e.type, e.date) for e in events] == [("charge", "2030-05-09")]
    events, conflicts = find_conflicts(events)
    assert [(c.field, sorted(v.value for v in c.values)) for c in conflicts] == [("date", ["2030-05", "2031-05"])]
    assert events[0].date == "2030-05-09"


def test_acts_a_year_apart_stay_two_when_one_source_tells_each_or_another_month_or_charge():
    res = _one_subject("S1", "S2", "S3")
    # one source each: nothing to say which is right
    assert len(merge(_of_him("S1", "charge", "2030-05-09"), _of_him("S3", "charge", "2031-05", "month"),
                     resolution=res)) == 2
    # the source of the odd date tells the other too: two acts
    assert len(merge(_of_him("S1", "detention", "2030-06-06"), _of_him("S2", "detention", "2030-06-06"),
                     _of_him("S2", "detention", "2031-06-06", at=20), resolution=res)) == 2
    # another month, another charge
    assert len(merge(_of_him("S1", "charge", "2030-05-09"), _of_him("S2", "charge", "2030-05", "month"),
                     _of_him("S3", "charge", "2031-06", "month"), resolution=res)) == 2
    assert len(merge(_of_him("S1", "charge", "2030-05-09", charge="article 11, theft of property"),
                     _of_him("S2", "charge", "2030-05", "month", charge="article 11, theft of property"),
                     _of_him("S3", "charge", "2031-05", "month", charge="article 12, fraud"),
                     resolution=res)) == 2


def test_one_long_term_told_a_month_off_is_one_act_with_a_date_conflict():
    from casefile.assess.conflicts import find_conflicts
    res = _one_subject("S1", "S2")
    # "On 16 March the court gave him six years" against "In February he was given six years"
    events = merge(_of_him("S1", "sentence", "2031-03-16", duration="P6Y"),
                   _of_him("S2", "sentence", "2031-02", "month", duration="P6Y"), resolution=res)
    assert [(e.type, e.date) for e in events] == [("sentence", "2031-03-16")]
    _, conflicts = find_conflicts(events)
    assert [(c.field, sorted(v.value for v in c.values)) for c in conflicts] == [("date", ["2031-02", "2031-03-16"])]
