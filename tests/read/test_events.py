"""The act reader on English sentences about fictional people and places."""

import pytest

from casefile.model import Source
from casefile.read import read_sources
from casefile.read.parse import parse


def read(text: str, published: str | None = "2021-05-16", basis: str = "dateline", title: str | None = None):
    src = Source(id="S1", file="x.txt", text=text, published=published, title=title,
                 published_basis=basis if published else "none")
    analysis = read_sources([src])[0]
    for e in analysis.events:
        assert text[e.start:e.end] == e.quote
    return analysis.events, {m.id: m for m in analysis.mentions}


def first_parties(events, mentions, keep) -> list[str] | None:
    """The names of those the first act `keep` accepts befell, in order (None: no such act)."""
    act = next((e for e in events if keep(e)), None)
    return None if act is None else [mentions[p].text for p, _ in act.participants]


def one(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.date) for e in events]
    return found[0]


def test_house_arrest_with_place_term_and_date():
    events, mentions = read("Her lawyer told reporters that Marta Velkova was transferred to house arrest "
                            "in Plovdiv for a period of two months on March 11.")
    e = one(events, "house_arrest")
    assert e.date == "2021-03-11" and e.date_precision == "day"
    assert e.duration == "P2M"
    assert e.place is not None and mentions[e.place].text == "Plovdiv"
    assert not [x for x in events if x.type == "transfer"]  # "transferred to house arrest" is no move


@pytest.mark.parametrize("text", [
    "Ivo Stanev faced seven years in prison over the posts.",
    "Ivo Stanev would be jailed if he spoke again.",
    "His lawyer refused to sign the plea deal.",
    "Ivo Stanev was not arrested.",
    "Supporters demanded his immediate release.",
])
def test_negated_hypothetical_and_refused_acts_are_not_events(text):
    events, _ = read(text)
    assert events == []


@pytest.mark.parametrize("text", [
    "The detention of an estimated 2 million people in camps has raised concerns.",
    "He helps relatives of those detained in the region.",
    "Thousands of villagers were arrested last year.",
])
def test_background_about_other_people_is_not_an_event(text):
    events, _ = read(text)
    assert events == []


def test_relative_date_from_publication():
    events, _ = read("Ivo Stanev was unexpectedly freed on Friday.")
    e = one(events, "release")
    assert (e.date, e.date_precision) == ("2021-05-14", "day")


def test_relative_date_without_publication_is_left_undated():
    events, _ = read("Ivo Stanev was unexpectedly freed on Friday.", published=None)
    e = one(events, "release")
    assert (e.date, e.date_precision) == (None, "unknown")


def test_absolute_date_without_publication():
    events, _ = read("Ivo Stanev was detained on 3 June 2020 in Varna.", published=None)
    assert one(events, "detention").date == "2020-06-03"


def test_conviction_and_fine_with_converted_amount():
    events, _ = read("In February, a court found Ivo Stanev guilty of leading an unregistered group "
                     "and fined him 150,000 tenges ($390).")
    c = one(events, "conviction")
    assert c.date == "2021-02" and c.charge == "leading an unregistered group"
    f = one(events, "fine")
    assert f.date == "2021-02"
    assert (f.amount.value, f.amount.currency, f.amount.usd) == (150000, "KZT", 390)


def test_travel_and_activity_bans():
    events, _ = read("Ivo Stanev agreed to stop campaigning. He is also unable to leave Varna "
                     "for the next three months.")
    assert one(events, "travel_ban").duration == "P3M"
    one(events, "activity_ban")


def test_registration_refused():
    events, _ = read("In March, the authorities refused to register his group, Steppe Voices.")
    assert one(events, "registration_denied").date == "2021-03"


def test_charge_named():
    events, _ = read("Marta Velkova was charged with organising mass riots.")
    assert one(events, "charge").charge == "organising mass riots"


def test_same_day_anaphora():
    events, _ = read("Ivo Stanev was detained on 3 May. His office was searched the same day.")
    assert one(events, "detention").date == "2021-05-03"
    assert one(events, "search").date == "2021-05-03"


def test_yearless_date_without_publication_keeps_month_and_day():
    events, _ = read("Ivo Stanev was detained in Varna on March 10.", published=None)
    e = one(events, "detention")
    assert (e.date, e.date_precision) == ("--03-10", "unknown")


def test_participant_is_the_person_it_happened_to():
    events, mentions = read("Police detained Marta Velkova outside her home in Varna on Tuesday.")
    e = one(events, "detention")
    assert [mentions[m].text for m, _ in e.participants] == ["Marta Velkova"]
    assert e.date == "2021-05-11"


def test_jailed_for_a_term_is_a_sentence():
    events, _ = read("Marta Velkova was jailed for 12 years for treason.")
    e = one(events, "sentence")
    assert e.duration == "P12Y" and e.charge == "treason"


def test_date_of_telling_does_not_date_the_act():
    events, _ = read("Ivo Stanev, jailed for his posts, has been moved to a colony, his lawyer said Sunday.")
    assert all(e.date is None for e in events if e.type == "detention")


def test_awaited_trial_is_no_hearing():
    events, _ = read("Ivo Stanev was being held in Varna pending trial.")
    assert not [e for e in events if e.type == "hearing"]


def test_date_and_sum_survive_a_sentence_the_parser_cut_at_an_unknown_name():
    events, _ = read("A court in Velbrod fined the poet Dorin Ospavek 90,000 tenge on May 3, 2021 "
                     "for organising an unsanctioned picket.")
    e = one(events, "fine")
    assert e.date == "2021-05-03"
    assert e.amount is not None and e.amount.value == 90000 and e.amount.currency == "KZT"


def test_date_hung_on_the_subject_dates_the_clause():
    events, _ = read("A court in Velbrod on March 30, 2021 ordered the blogger Ana Petrova held in "
                     "pre-trial detention for two months on charges of spreading false information.")
    assert one(events, "detention").date == "2021-03-30"
    assert one(events, "charge").date == "2021-03-30"


def test_date_run_together_with_a_length_of_time_is_read_apart():
    events, _ = read("The blogger Ana Petrova was released from custody in Velbrod on May 3, 2021 after "
                     "8 months in detention, her supporters said.")
    assert one(events, "release").date == "2021-05-03"


def test_a_move_right_after_a_dated_detention_takes_its_date():
    events, _ = read("Police detained the activist Ana Petrova on May 3, her lawyer said. "
                     "She was taken to a police station and questioned.")
    assert one(events, "transfer").date == "2021-05-03"
    events, _ = read("Police detained the activist Ana Petrova on May 3, her lawyer said. "
                     "She was later taken to a prison in the north.")
    assert one(events, "transfer").date is None


def test_act_told_as_news_takes_the_month_of_the_telling():
    # published Sunday 2021-05-16: "Thursday" is 2021-05-13, the charge itself is dated to its month
    events, _ = read("The blogger Ana Petrova faces up to ten years in prison on newly levied charges of "
                     "treason, the state agency reported Thursday.")
    e = one(events, "charge")
    assert e.date == "2021-05" and e.charge == "treason"
    # told in the telling's own clause with no time of its own: the telling's day
    events, _ = read("Ana Petrova was detained in Velbrod, her lawyer said Thursday.")
    assert one(events, "detention").date == "2021-05-13"


def test_an_act_a_dated_telling_reports_takes_the_telling_s_day():
    events, _ = read("On Friday, police said they had detained the activist Ivo Stanev.")
    assert one(events, "detention").date == "2021-05-14"
    # deeper in what was told, after another clause of it
    events, _ = read("State media reported on the morning of 12 May that the activist Ivo Stanev was "
                     "pushed out of the car and then detained.")
    assert one(events, "detention").date == "2021-05-12"
    # a time of the act's own still rules, and a state reaching now is not a dated act
    events, _ = read("His lawyer said on Friday that Ivo Stanev was sentenced in 2019 to five years.")
    assert one(events, "sentence").date == "2019"
    events, _ = read("His lawyer said on Friday that Ivo Stanev has been held in custody since March.")
    assert one(events, "detention").date == "2021-03"


def test_a_when_clause_dates_the_act_it_hangs_on():
    events, _ = read("Mira Talbot was freed in a prisoner exchange when guards put her on a bus to the airport Thursday.")
    assert one(events, "release").date == "2021-05-13"


def test_charges_the_authorities_bring_are_the_case_s():
    events, _ = read("In April, investigators brought fresh criminal charges of insulting a judge against "
                     "the blogger Ana Petrova.")
    assert one(events, "charge").date == "2021-04"


def test_a_date_inside_the_charged_conduct_dates_the_conduct():
    events, _ = read("Ana Petrova was charged with spreading false information in March.")
    assert one(events, "charge").date is None


def test_headline_act_takes_the_month_of_publication():
    title = "Velbrod court jails blogger Ana Petrova"
    text = title + "\n\nThe blogger faces a closed trial, her lawyer said."
    events, _ = read(text, title=title)
    assert one(events, "detention").date == "2021-05"


def test_a_relative_clause_acts_on_the_person_it_describes():
    events, _ = read("Ivo Stanev, a poet who was arrested on May 3, is still in jail.")
    assert one(events, "detention").date == "2021-05-03" and one(events, "detention").participants
    events, _ = read("He helps relatives of people who were arrested in the region.")
    assert events == []


def test_an_act_told_in_the_past_perfect_does_not_take_the_story_s_date():
    events, _ = read("Ivo Stanev was freed on May 13 in an exchange. Stanev, a poet who had been serving "
                     "12 years in prison, spoke to reporters.")
    assert one(events, "release").date == "2021-05-13"
    s = one(events, "sentence")
    assert s.duration == "P12Y" and s.date is None


def test_they_after_a_counted_group_is_that_group():
    events, _ = read("Another court on Tuesday sentenced four students to community service after finding "
                     "them guilty of vandalism.")
    assert [e for e in events if e.type == "conviction"] == []


def test_news_told_in_the_first_days_of_a_month_gets_no_month():
    events, _ = read("The blogger Ana Petrova faces up to ten years in prison on newly levied charges of "
                     "treason, the state agency reported on Saturday.", published="2021-05-02")
    assert one(events, "charge").date is None  # Saturday 1 May: the charges may be April's


def test_arriving_at_a_place_of_detention_is_a_transfer_but_a_visit_is_not():
    events, _ = read("On Thursday, Oren Valsky arrived at IK-9, a maximum security penal colony in the town of "
                     "Velbrod, his lawyer said.")
    assert one(events, "transfer").date == "2021-05-13"
    events, _ = read("His lawyer arrived at the prison on Monday but was not let in.")
    assert [e for e in events if e.type == "transfer"] == []


@pytest.mark.parametrize(("text", "second"), [
    ("Police detained Lina Orsk on 3 May; the next day a court ordered her arrest.", "2021-05-04"),
    ("Police detained Lina Orsk on 3 May. Two days later a court jailed her.", "2021-05-05"),
    ("A court jailed Lina Orsk on 4 May. The day before, police detained her.", "2021-05-03"),
])
def test_two_steps_of_one_arrest_keep_their_own_dates(text, second):
    events, _ = read(text)
    dates = sorted(e.date for e in events if e.type == "detention")
    assert len(dates) == 2 and second in dates


def test_a_yearless_anchor_gives_a_yearless_step():
    events, _ = read("Police detained Lina Orsk on 3 May. Two days later a court jailed her.", published=None)
    assert sorted(e.date for e in events if e.type == "detention") == ["--05-03", "--05-05"]


def test_months_later_is_not_a_day_count():
    events, _ = read("Police detained Lina Orsk on 3 May. She was released two months later.")
    assert one(events, "release").date is None


def test_a_day_count_needs_its_date_in_the_sentence_before():
    events, _ = read("Police detained Lina Orsk on 3 May. She refused to speak. Her lawyer was not admitted. "
                     "The next day a court jailed her.")
    assert [e.date for e in events if e.type == "detention"][0] == "2021-05-03"
    assert "2021-05-04" not in [e.date for e in events]


def test_a_verb_the_parser_took_for_an_adjective_still_finds_its_act():
    # "sentenced journalist X": the parser makes "sentenced" an adjective of "journalist"
    events, _ = read("A court in Tarvik sentenced journalist Oren Valsky to seven and a half years in prison "
                     "on May 12, 2021.")
    e = one(events, "sentence")
    assert (e.date, e.duration) == ("2021-05-12", "P7Y6M")


@pytest.mark.parametrize(("text", "etype"), [
    ("The court also barred Oren Valsky from working as a journalist for three years.", "activity_ban"),
    ("Oren Valsky was banned from journalism for three years.", "activity_ban"),
    ("Oren Valsky was charged in absentia. The journalist left the country in March 2021.", "exile"),
    ("Oren Valsky was charged in absentia. The journalist emigrated in March 2021.", "exile"),
    ("The court barred Oren Valsky from leaving the country.", "travel_ban"),
])
def test_bans_on_a_profession_and_leaving_the_country(text, etype):
    events, _ = read(text)
    assert [e.type for e in events if e.type not in ("charge", "hearing")] == [etype]


@pytest.mark.parametrize("text", [
    "The band's singer left the country in March 2021 for a world tour.",
    "The phone lasts 20 hours on a single charge, and the new model will be released in May.",
    "A confirmation hearing for the nominee was held by the Senate committee on Tuesday.",
    "The regional court ruled that the new tax rules apply to every shop.",
    "Police arrested a 40-year-old man after the fight outside the stadium.",
    "The striker was killed off in the final episode of the series.",
    "Wales beat Hungary 2-0 to earn their place on Tuesday.",
    "The senator took to Twitter to accuse the governor of lying.",
])
def test_a_report_that_tells_no_legal_act_of_anyone_tells_no_act(text):
    # a leaving, a death or a beating counts only in a report about a case; an accusation by
    # a private person is no charge
    events, _ = read(text)
    assert events == []


def test_a_date_a_term_runs_until_is_its_end_not_its_date():
    events, _ = read("On May 3 a court in Tarvik remanded the journalist Oren Valsky in custody until July 5.")
    e = one(events, "detention")
    assert (e.date, e.end_date) == ("2021-05-03", "2021-07-05")
    events, _ = read("A court in Tarvik extended the detention of the journalist Oren Valsky until 5 April 2022.")
    e = one(events, "detention")
    assert (e.date, e.end_date) == (None, "2022-04-05")


@pytest.mark.parametrize("text", [
    "In March 2021, the Working Group on Arbitrary Detention found that Oren Valsky's rights were violated.",
    "In March 2021, a panel found that Oren Valsky's ongoing detention was arbitrary.",
])
def test_a_body_named_for_an_act_or_an_act_told_as_a_state_is_no_act(text):
    events, _ = read(text)
    assert [e.type for e in events if e.type == "detention" and e.date] == []


def test_the_charges_of_a_verdict_are_no_new_charge_and_a_clause_of_its_own_keeps_its_date():
    events, _ = read("In February 2021, Oren Valsky was convicted on multiple charges and sentenced to ten years.")
    assert sorted(e.type for e in events) == ["conviction", "sentence"]
    events, _ = read("Oren Valsky has been detained for two years and has been on hunger strike since 8 May 2021.")
    assert one(events, "detention").date is None and one(events, "other").date == "2021-05-08"
    # a coordinated verb without a subject of its own shares the first verb's date
    events, _ = read("Oren Valsky was charged with fraud and was transferred to house arrest on 11 May 2021.")
    assert one(events, "charge").date == "2021-05-11"


def test_a_charge_keeps_no_quote_mark_the_cut_left_unpaired():
    events, _ = read("On May 3, 2021 prosecutors accused Oren Valsky of failing to register as a “foreign agent”, "
                     "claiming that the law obliges it.")
    assert one(events, "charge").charge == "failing to register as a foreign agent"


def test_on_the_nth_is_a_day_of_the_month_told_before():
    events, _ = read("On April 28, 2021 police detained Oren Valsky. On the 30th, he was charged with fraud. "
                     "On the 3rd, a court fined him. It was the 5th anniversary of his paper.")
    # a fine by a court was decided in a hearing that day
    assert [(e.type, e.date) for e in events] == [("detention", "2021-04-28"), ("charge", "2021-04-30"),
                                                  ("fine", "2021-05-03"), ("hearing", "2021-05-03")]


@pytest.mark.parametrize(("text", "want"), [
    ("In April the court denied a request by Oren Valsky's lawyer to release him on bail.", []),
    ("The court rejected a motion to release Oren Valsky on bail in April.", []),
    ("The court denied his appeal, and Oren Valsky was sentenced to five years in April.", ["appeal", "conviction", "sentence"]),
    ("Oren Valsky refused to sign and was detained in April.", ["detention"]),
    ("Police threatened to detain and charge Oren Valsky.", []),
])
def test_a_refused_request_is_no_act_but_a_coordinated_clause_is_its_own(text, want):
    events, _ = read(text)
    assert [e.type for e in events] == want


def test_a_headline_after_a_scrapers_date_line_dates_its_acts_to_the_month():
    title = "Court jails the journalist Oren Valsky"
    text = f" date 2021-05-16 {title}\n\nThe journalist faces a closed trial, his lawyer said."
    events, _ = read(text, basis="metadata", title=title)
    assert one(events, "detention").date == "2021-05"


def test_a_heading_line_is_a_sentence_of_its_own_but_wrapped_prose_is_not():
    doc = parse("en", "Court jails Oren Valsky\nOren Valsky, a journalist, was jailed in Tarvik on Tuesday. He was\n"
                "detained in March after a long search by the police of his flat in the old town.")
    assert [s.text.strip() for s in doc.sents] == [
        "Court jails Oren Valsky", "Oren Valsky, a journalist, was jailed in Tarvik on Tuesday.",
        "He was\ndetained in March after a long search by the police of his flat in the old town."]


def test_a_call_to_release_is_no_release():
    events, _ = read("On 3 May 2021, the rapporteur renewed her call on the authorities to release Oren Valsky "
                     "from prison.")
    assert [e.type for e in events] == []


def test_a_term_written_into_one_date_entity_and_a_terms_end_after_the_report():
    # the recogniser runs "April 7 to one year" into one date; "of restricted freedom" is the kind of term
    events, _ = read("The Tarvik district court sentenced 36-year-old Oren Valsky on April 7 to one year of "
                     "\"freedom limitation\" after finding him guilty of leading a banned party.")
    e = one(events, "sentence")
    assert (e.date, e.duration, e.charge) == ("2021-04-07", "P1Y", None)
    # a report's own date is not cast away for a term that ends after it
    events, _ = read("On May 3, 2021 a court remanded Oren Valsky in custody until July 5, 2021.",
                     published="2021-05-04")
    assert (one(events, "detention").date, one(events, "detention").end_date) == ("2021-05-03", "2021-07-05")
    # nor does such an end give its year to days written without one
    events, _ = read("Oren Valsky was detained on November 10. He cannot leave the city until December 21, 2030.",
                     published=None)
    assert one(events, "detention").date in (None, "--11-10")


@pytest.mark.parametrize(("text", "want"), [
    ("On 1 May 2021 police detained Oren Valsky. He remains in detention without charges.", ["detention"]),
    ("On 1 May 2021 police detained Oren Valsky. He should be informed of the charges or otherwise released.",
     ["detention"]),
    ("On 1 May 2021 police detained Oren Valsky. He is a prisoner of conscience and must be released.",
     ["detention"]),
])
def test_without_charges_and_acts_that_should_or_must_happen_are_no_acts(text, want):
    events, _ = read(text)
    assert sorted({e.type for e in events}) == want


@pytest.mark.parametrize(("text", "want"), [
    # told as news in the lead: the report's date
    ("Velbrod court jails critic\nA court in Velbrod has sentenced the critic Oren Valsky to six years.", "2021-05-16"),
    ("The trial of the journalist Mira Talbot has begun in Velbrod.", "2021-05-16"),
    # so is a plain past in the lead's first act ...
    ("Oren Valsky was detained after the protests.", "2021-05-16"),
    # ... but not a state that goes on, nor a plain past told after the news
    ("Oren Valsky has been detained for two years.", None),
    ("Mira Talbot has been fined in Velbrod. Oren Valsky was detained after the protests.", None),
])
def test_an_act_told_as_news_in_the_lead_takes_the_reports_date(text, want):
    events, _ = read(text)
    acts = [e for e in events if e.type in ("sentence", "hearing", "detention")]
    assert acts and acts[-1].date == want


@pytest.mark.parametrize(("text", "want"), [
    ("On 3 May 2021 a court in Velbrod sentenced Oren Valsky to six years.", ["2021-05-03"]),
    ("On 3 May 2021 a judge remanded Oren Valsky in custody.", ["2021-05-03"]),
    ("On 3 May 2021 police detained Oren Valsky.", []),
    ("Oren Valsky was sentenced to six years in 2019.", []),
])
def test_a_courts_dated_act_tells_of_that_days_hearing(text, want):
    events, _ = read(text)
    assert [e.date for e in events if e.type == "hearing"] == want


def test_a_perfect_with_a_charge_is_news_but_one_over_a_time_is_a_state():
    events, _ = read("A court in Velbrod has sentenced Oren Valsky to six years for treason.")
    assert one(events, "sentence").date == "2021-05-16"
    events, _ = read("Oren Valsky has been held since March.")
    assert [e.date for e in events if e.type == "detention"] in ([], [None], ["2021-03"])


def test_a_term_takes_a_date_from_its_own_persons_act_not_from_someone_elses():
    # the background act is another person's, a year long ago: the verdict is the lead's news
    events, _ = read("Oren Valsky has been sentenced to four years after a court convicted him. "
                     "The law became known after another activist was released in 2017. "
                     "The district court sentenced Valsky to four years in a colony.")
    assert {e.date for e in events if e.type in ("conviction", "sentence")} == {"2021-05-16"}


@pytest.mark.parametrize(("text", "etype", "date"), [
    ("On 3 May 2021 the court handed down the verdict against the blogger Ana Petrova.", "conviction", "2021-05-03"),
    ("On 3 May 2021 a court in Velbrod sentenced the group's members; Ana Petrova got six years in a colony.",
     "sentence", None),
    ("The court barred Ana Petrova from administering websites for three years.", "activity_ban", None),
])
def test_verdicts_handed_down_terms_received_and_bans_on_an_activity(text, etype, date):
    events, _ = read(text)
    assert etype in [e.type for e in events]
    if date:
        assert one(events, etype).date == date


def test_a_clause_told_as_before_the_dated_one_is_not_dated_by_it():
    events, _ = read("Today marks four months since the blogger Ana Petrova was detained.")
    e = one(events, "detention")
    assert e.date != "2021-05-16" and e.duration is None


def test_an_appeal_by_a_person_is_theirs_not_the_charges():
    events, mentions = read("The regional court has rejected an appeal by Pavel Orsk, a farmer, against a "
                            "nine-year prison term on charges of fraud.")
    appeal = one(events, "appeal")
    subjects = [mentions[m].text for m, r in appeal.participants if r == "subject"]
    assert subjects == ["Pavel Orsk"]


@pytest.mark.parametrize(("second", "date"), [
    ("The court announced its decision on May 3, a week after the hearing.", "2021-05-03"),
    ("Its ruling was made public on May 3.", "2021-05-03"),
    ("On May 3 his family visited him.", "2021-05"),  # no decision dated: the report's month stays
])
def test_a_court_act_takes_the_date_of_the_decision_the_next_sentence_dates(second, date):
    events, _ = read("The regional court has rejected an appeal by Pavel Orsk against his sentence. " + second,
                     published="2021-05", basis="dateline")
    assert one(events, "appeal").date == date


def test_an_act_counted_from_another_act_takes_its_date_plus_the_time_gone():
    events, _ = read("Pavel Orsk was detained on 7 March 2020. Two weeks after his detention, he was charged "
                     "with treason. A year after his detention, a court sentenced him to 11 years.",
                     published="2024-05-01")
    assert one(events, "charge").date == "2020-03-21"
    assert one(events, "sentence").date == "2021-03"  # a count of years lands on a month
    # the act counted from keeps its own date: the one it is told as here is not news
    assert sorted(e.date or "" for e in events if e.type == "detention") == ["", "", "2020-03-07"]


def test_conjoined_passive_verbs_share_their_person_not_the_first_verbs_object():
    events, mentions = read("Police searched the flat of Pavel Orsk, and Orsk himself was detained in late April "
                            "and sentenced to 15 days.", published="2021-05-16")
    sentence = one(events, "sentence")
    assert sentence.duration == "P15D" and sentence.date == "2021-04"


_PRODUCT_PAGE = (
    "The new handset was released on Friday in three colours, and the company says its battery will "
    "charge to half in twenty minutes. Reviewers praised the screen, the speakers and the camera, which "
    "handles low light far better than last year's model. The judges of the design awards gave their verdict "
    "on Monday and named the handset the best of the season. Anna Brill, who led the team, said the "
    "release had been delayed twice because of a shortage of chips. The phone costs less than its rivals "
    "and comes with a fast charger in the box. Buyers in the first week get a free case and a year of cloud "
    "storage. The software update that followed fixed a bug in the camera app and made the keyboard "
    "faster. Shops in the capital sold out within hours, and the company promised a second shipment before "
    "the holidays. The next model is expected in the spring, with a larger screen and a new chip. ") * 2

_SPORTS_PAGE = (
    "The football club released the striker Tom Hale on Monday after three seasons, the manager said. "
    "Hale was sentenced to the bench for most of the spring after a row with the coach. ") * 8

_LEGAL_PAGE = (
    "Police detained the blogger Anna Brill at her home on Friday, her lawyer said. Investigators searched "
    "the flat for six hours and took her laptop. A court later ordered her held in custody for two months "
    "while prosecutors prepare the case, which carries up to seven years in prison. Her defence says the "
    "charges are fabricated and will appeal. Rights groups called the arrest part of a wider campaign "
    "against independent voices. The blogger had written about the conditions of inmates in a regional "
    "prison and about the fines handed to protesters. Her supporters gathered outside the courthouse, "
    "and several of them were briefly detained. The authorities did not comment on the case. ") * 2


def test_a_long_page_outside_the_law_tells_no_act():
    """Verbs such as 'released', 'charge' and 'verdict' in a product review are not acts of a case."""
    assert read(_PRODUCT_PAGE)[0] == []
    assert read(_SPORTS_PAGE)[0] == []
    # the same words alone, in a snippet too short to judge its frame, are read by their acts
    assert read(_SPORTS_PAGE[:_SPORTS_PAGE.index("Hale was") + 90])[0]


def test_a_long_page_about_custody_keeps_its_acts():
    events, _ = read(_LEGAL_PAGE)
    assert "detention" in {e.type for e in events}


def test_a_coordinated_verb_shares_the_time_of_the_clause_it_continues():
    """"they searched ..., and he was detained in late June and sentenced": the sentence is of June
    too, though the parser hangs both verbs on "searched"."""
    events, _ = read("On July 12 a criminal case was opened against Ivan Petrov. Police searched his flat, and he "
                     "was detained in late June and sentenced to 15 days for disobedience.", published="2022-07")
    assert one(events, "sentence").date == "2022-06"


@pytest.mark.parametrize("text", [
    # a demand whose infinitive the parse hangs elsewhere: a dateline, a long object before it
    "Geneva, June 3, 2022—The Example Rights Watch condemns the jailing on Monday of blogger Ivo Stanev "
    "on extremism charges and calls on the authorities to release him immediately.",
    "Friends of Ivo Stanev urge the prosecutor to free him.",
])
def test_an_act_asked_for_in_the_infinitive_did_not_happen(text):
    events, _ = read(text, published="2022-06-03")
    assert not [e for e in events if e.type == "release"]


def test_charges_after_a_verdict_are_its_grounds_not_a_new_charge():
    events, _ = read("Paris, June 3, 2022 - The Example Rights Watch condemns the sentencing on Friday of "
                     "Ivo Stanev to six years in prison on extremism charges.", published="2022-06-03")
    assert not [e for e in events if e.type == "charge"]
    events, _ = read("Police detained Ivo Stanev on Monday on charges of extremism.")
    assert {e.type for e in events} >= {"detention", "charge"}  # no verdict: the charge is an act


def test_an_act_after_a_term_tells_when_the_term_runs_from():
    events, _ = read("The court banned Ivo Stanev from teaching for five years after his release.")
    assert not [e for e in events if e.type == "release"]
    events, _ = read("Three days after his release, Ivo Stanev was detained again.")
    assert [e for e in events if e.type == "release"]  # a release told as a past fact


def test_a_relative_clause_is_a_fact_whatever_governs_its_noun():
    events, _ = read("Rights groups urged the authorities to free Ivo Stanev, who was jailed on Monday.")
    assert [(e.type, e.date) for e in events] == [("detention", "2021-05-10")]


def test_a_person_noun_alone_is_the_person_it_introduced():
    events, mentions = read("Police detained the activist Mira Talbot on May 3. "
                            "On May 4 a court sent the activist to jail for two months.")
    custody = [e for e in events if e.type == "detention" and e.date == "2021-05-04"]
    assert custody and custody[0].duration == "P2M"
    assert [mentions[p].text for p, _ in custody[0].participants] == ["Mira Talbot"]


def test_found_not_guilty_is_an_acquittal():
    events, _ = read("On 2 December a court found Ivo Stanev not guilty.")
    assert "acquittal" in {e.type for e in events} and "conviction" not in {e.type for e in events}
    events, _ = read("Ivo Stanev pleaded not guilty on Monday.")
    assert "conviction" not in {e.type for e in events}


def test_ordered_to_be_detained_is_the_objects_detention():
    events, mentions = read("Ivo Stanev was arrested on 6 January. The next day the prosecutor's office "
                            "ordered him to be detained for 10 days.")
    assert first_parties(events, mentions, lambda e: e.type == "detention" and e.duration == "P10D") == ["Ivo Stanev"]


def test_remaining_in_custody_with_no_date_is_a_state():
    events, _ = read("Police detained Ivo Stanev on 1 October. He remains in detention without charges.")
    assert [(e.type, e.date) for e in events] == [("detention", "2020-10-01")]


def test_a_sentence_passed_is_a_conviction_that_day():
    events, _ = read("A court in Tarvik sentenced Ivo Stanev to six years on Monday.")
    assert {(e.type, e.date) for e in events if e.type != "hearing"} == {
        ("conviction", "2021-05-10"), ("sentence", "2021-05-10")}
    events, _ = read("Ivo Stanev is serving a six-year sentence.")
    assert "conviction" not in {e.type for e in events}  # the noun tells a term, not a verdict


def test_a_person_named_among_those_an_act_befell():
    events, mentions = read("The president pardoned 40 prisoners. Among those released was the "
                            "opposition leader Mira Talbot, the agency said.")
    assert first_parties(events, mentions, lambda e: e.type == "release") == ["Mira Talbot"]


def test_a_pronoun_follows_the_pronoun_before_it_back_to_its_name():
    events, mentions = read("Mira Talbot was a friend of the late dissident Anna Orlik. In May a court jailed her "
                            "for six years. She was freed on 1 August in a prisoner exchange.")
    assert first_parties(events, mentions, lambda e: e.type == "release") == ["Mira Talbot"]


def test_among_those_released_takes_the_day_of_the_group_act_told_just_before():
    events, _ = read("Police detained Mira Talbot in March. A prisoner exchange took place on 1 August. "
                     "Among those released was the politician Mira Talbot.", published="2024-09-01")
    assert ("release", "2024-08-01") in {(e.type, e.date) for e in events}


def test_a_member_named_after_a_group_act_takes_its_day_not_the_reports():
    events, _ = read("On March 3, 2023, the judge sentenced the activists to long prison terms. "
                     "Mira Talbot got 10 years in a colony.", published="2023-05-10")
    assert ("sentence", "2023-03-03") in {(e.type, e.date) for e in events}
    assert not [e for e in events if e.date == "2023-05-10"]


def test_expelled_from_the_country_is_exile():
    events, _ = read("Police detained Mira Talbot in March. On 2 August Mira Talbot was expelled from the country.",
                     published="2024-09-01")
    assert ("exile", "2024-08-02") in {(e.type, e.date) for e in events}


def test_an_outcome_takes_no_bare_year_from_an_act_two_sentences_before():
    events, _ = read("In 2019, Mira Talbot was arrested and jailed. Critics condemned the case. "
                     "Talbot's release marks a shift in relations, diplomats said.", published="2025-12-13")
    assert [e.date for e in events if e.type == "release"] != ["2019"]


def test_an_infinitive_relative_clause_keeps_the_demand_over_it():
    events, _ = read("Mira Talbot was sentenced to ten years on Friday. We must do everything to fight "
                     "this injustice and free them.", published="2025-12-13")
    assert "release" not in {e.type for e in events}


def test_a_fact_sheets_line_states_its_subjects_act():
    text = ("Mira Talbot\n\nCountry: Norland\nArrested: July 4, 2022\nOccupation: Journalist\n\n"
            "Police detained the journalist Mira Talbot at her home, her lawyer said.")
    events, _ = read(text, published="2024-08-30")
    assert ("detention", "2022-07-04") in {(e.type, e.date) for e in events}
    # a fact sheet alone, with no act told of anyone, is no case
    events, _ = read("Mira Talbot\n\nArrested: July 4, 2022\nOccupation: Journalist\n", published="2024-08-30")
    assert events == []


def test_the_named_members_of_a_group_an_act_befell():
    events, mentions = read("On Saturday the president freed 40 prisoners, including the journalist Mira Talbot.")
    assert first_parties(events, mentions, lambda e: e.type == "release") == ["Mira Talbot"]


def test_a_generic_person_noun_stands_for_the_person_named_before():
    events, mentions = read("Police detained the activist Mira Talbot on 3 May. On 5 May a court fined the woman "
                            "20,000 rubles.")
    assert first_parties(events, mentions, lambda e: e.type == "fine") == ["Mira Talbot"]


def test_an_indefinite_generic_noun_is_someone_new():
    events, mentions = read("Mira Talbot was stabbed to death on 3 May. Police arrested a 57-year-old man on 4 May.")
    arrest = [e for e in events if e.type == "detention"]
    assert all("Mira Talbot" not in [mentions[p].text for p, _ in e.participants] for e in arrest)


def test_a_length_of_another_thing_is_no_term():
    events, _ = read("On Tuesday the court sentenced Mira Talbot to six years after a two-day trial.")
    assert [e.duration for e in events if e.type == "sentence"] == ["P6Y"]
    events, _ = read("On Tuesday the court sentenced Mira Talbot after a two-day trial.")
    assert [e.duration for e in events if e.type == "sentence"] == [None]


def test_an_act_counted_from_is_that_long_before_the_dated_act():
    events, _ = read("Two years after his arrest, Ivo Stanev was released on 4 May.")
    assert {(e.type, e.date) for e in events} >= {("release", "2021-05-04"), ("detention", "2019-05")}



def test_a_group_noun_with_its_names_is_named_people_not_others():
    events, mentions = read("Police detained the activists Mira Talbot and Anna Orlik on Monday.")
    assert {mentions[p].text for e in events for p, _ in e.participants} == {"Mira Talbot", "Anna Orlik"}
    events, _ = read("Police detained dozens of activists on Monday.")
    assert events == []


def test_an_act_with_a_time_of_its_own_that_cannot_be_resolved_takes_no_other_acts_date():
    # the report's date is a guess from its content: "last week" cannot be counted from it
    text = ("Mira Talbot, an artist who was sentenced to seven years in prison in March 2022, "
            "was released last week as part of a prisoner exchange.")
    events, _ = read(text, published="2022-03", basis="content")
    assert one(events, "sentence").date == "2022-03"
    assert one(events, "release").date is None
    # with the report's own date it counts from that
    events, _ = read(text, published="2024-08-21")
    assert one(events, "release").date == "2024-08"


@pytest.mark.parametrize("text", [
    "An officer told Mira Talbot that she was going to be freed.",
    "Mira Talbot was about to be released, her lawyer said.",
])
def test_a_future_seen_from_the_past_is_no_act(text):
    events, _ = read(text)
    assert events == []


def test_a_plain_past_in_the_first_act_of_the_lead_is_dated_by_the_report():
    events, _ = read("Police detained Ivo Stanev at his home, his lawyer said. He was charged with treason.",
                     published="2024-08-07")
    assert one(events, "detention").date == "2024-08-07"
    assert one(events, "charge").date is None  # after the news, a plain past may be background
    # a plain past after the news act recalls what led to it
    events, _ = read("Mira Talbot on Monday lost an appeal against her sentence. Talbot was jailed for "
                     "25 years for treason.", published="2023-07-31")
    assert one(events, "appeal").date == "2023-07-31"
    assert all(e.date is None for e in events if e.type == "sentence")


def test_an_age_after_a_name_is_no_sum_and_keeps_the_person():
    events, mentions = read("Mira Talbot, 31, was arrested after a shopper reported her to the police.",
                            published="2024-08-07")
    assert [mentions[p].text for p, _ in one(events, "detention").participants] == ["Mira Talbot"]


def test_a_lead_act_whose_sentence_dates_only_something_else_takes_the_reports_date():
    events, _ = read("BERLIN -- The Supreme Court has sentenced journalist Mira Talbot to 21 years in prison on "
                     "charges related to the deadly May protests.", published="2022-12-14")
    assert one(events, "sentence").date == "2022-12-14"


def test_the_members_of_a_group_named_after_a_dash_undergo_its_act():
    events, mentions = read("On July 19 a court placed three defenders of the park under house arrest – "
                            "Mira Talbot, Dana Korvel and Oren Valsky.")
    assert first_parties(events, mentions, lambda e: e.type == "house_arrest") == \
        ["Mira Talbot", "Dana Korvel", "Oren Valsky"]


def test_the_name_hung_on_the_organisation_a_role_noun_works_for_is_the_persons():
    events, mentions = read("The court fined a reporter of the Velbrod Herald, Mira Talbot, on Monday.")
    assert first_parties(events, mentions, lambda e: e.type == "fine") == ["Mira Talbot"]


def test_opening_a_criminal_case_against_someone_charges_them_with_what_the_charges_are_of():
    events, mentions = read("On 4 April 2024, the Velbrod Investigative Committee initiated a criminal case against "
                            "Mira Talbot on charges of \"extremism.\"")
    e = one(events, "charge")
    assert (e.date, e.charge) == ("2024-04-04", "extremism")
    assert first_parties(events, mentions, lambda x: x.type == "charge")[0] == "Mira Talbot"
    # a case a person brings to a civil court is no charge
    events, _ = read("Mira Talbot filed a case against the ministry in a civil court on Monday.")
    assert not [x for x in events if x.type == "charge"]


def test_a_counted_group_of_people_with_their_names_undergoes_the_act_by_name():
    events, mentions = read("Three other activists and his close associates, Ivo Stanev, Dana Korvel and Oren Valsky "
                            "(in absentia), were sentenced to prison terms ranging from 7 to 9 years.")
    assert set(first_parties(events, mentions, lambda e: e.type == "sentence")) == \
        {"Ivo Stanev", "Dana Korvel", "Oren Valsky"}
    # a count of people without names stays others'
    events, _ = read("Police detained two activists on Monday.")
    assert events == []


def test_a_number_of_people_released_is_no_named_persons_act():
    events, _ = read("Mira Talbot was detained on May 28. According to her lawyer, all five were later released "
                     "without charges.")
    assert [e.type for e in events] == ["detention"]


def test_a_relative_pronoun_is_no_charge():
    events, _ = read("On Friday, Mira Talbot was remanded into pretrial detention on charges of calling for mass "
                     "unrest, on which she pleaded guilty.", published="2025-06-01")
    assert {e.charge for e in events if e.charge} == {"calling for mass unrest"}


def test_being_held_in_custody_since_a_day_dates_the_detention_from_it():
    events, _ = read("Mira Talbot was detained in April. She has been held in custody since April 14. "
                     "The activists held a rally in May.", published="2022-06-10")
    assert sorted(e.date for e in events if e.type == "detention") == ["2022-04", "2022-04-14"]
    assert [e.type for e in events] == ["detention", "detention"]


def test_one_side_of_an_either_or_is_no_act():
    events, _ = read("Officers told Mira Talbot that she would either leave the country or be jailed. "
                     "Police detained Ivo Stanev.")
    assert [e.type for e in events] == ["detention"]


def test_the_time_held_so_far_is_no_term():
    events, _ = read("Mira Talbot has been arbitrarily detained for seven years. Ivo Stanev was detained for 15 days.")
    assert sorted(str(e.duration) for e in events if e.type == "detention") == ["None", "P15D"]


def test_taken_into_custody_is_a_detention_and_only_an_authority_drops_charges():
    events, _ = read("The arrests began on November 20, 2023, when Ivo Stanev and Mira Talbot were taken into custody.")
    assert [(e.type, e.date) for e in events] == [("detention", "2023-11-20")]
    events, _ = read("The rights group Orlik Watch dismissed the charges against Mira Talbot on Monday.")
    assert not [e for e in events if e.type == "case_closed"]
    events, _ = read("Prosecutors dropped the charges against Mira Talbot on Monday.")
    assert [e for e in events if e.type == "case_closed"]


def test_a_term_belongs_to_the_coordinated_act_it_hangs_on():
    events, _ = read("Mira Talbot was detained in January and sentenced to two years in June.")
    assert {(e.type, e.duration) for e in events if e.type in ("detention", "sentence")} == \
        {("detention", None), ("sentence", "P2Y")}


def test_who_speaks_of_an_act_is_not_its_party_nor_is_a_person_noun_its_charge():
    events, mentions = read("A Velbrod court has upheld the conviction and sentencing of an activist found guilty of "
                            "spreading false information. The city court on September 15 upheld a decision to sentence "
                            "Mira Talbot to three years of restricted freedom. Orlik Watch slammed the sentence as absurd.")
    assert all(e.charge != "an activist" for e in events)
    parties = {mentions[p].text for e in events for p, _ in e.participants}
    assert "Orlik Watch" not in parties


def test_a_day_without_a_year_on_an_act_told_as_done_is_not_after_the_report():
    # "April 10" in a report of 15 March would be a coming day (a hearing set for it); an act
    # told as done on it was last April's
    for text in ("On April 10, police detained Ivo Stanev.", "Ivo Stanev was detained on April 10."):
        events, _ = read(text, published="2024-03-15")
        assert one(events, "detention").date == "2023-04-10", text
    events, _ = read("Ivo Stanev was detained on March 10.", published="2024-03-15")
    assert one(events, "detention").date == "2024-03-10"


def test_insisting_on_a_release_is_no_release():
    events, _ = read("His lawyers insisted on the immediate release of Ivo Stanev.")
    assert [e.type for e in events] == []


def test_an_act_in_a_relative_clause_of_the_lead_is_background_not_the_news():
    events, _ = read("The appeals court sent the case of Ivo Stanev, who was jailed for four years, back to the city court.")
    assert one(events, "sentence").date is None


def test_a_court_that_does_another_clause_s_act_is_not_this_act_s_authority():
    events, _ = read("Prosecutors charged Ivo Stanev on Monday, and on Tuesday the Zarechny District Court "
                     "remanded him in custody.")
    charge = one(events, "charge")
    assert all(role != "authority" for _, role in charge.participants)
    assert [e.date for e in events if e.type == "hearing"] == ["2021-05-11"]


def test_a_person_noun_for_someone_unnamed_is_not_the_named_person():
    # "the first activist who ..." brings in another person; "the activist" after it is that one
    events, _ = read("Police detained the activist Mira Talbot on Monday. The first activist who was convicted "
                     "under the law was freed in 2017. The activist was released in 2017.")
    assert [(e.type, e.participants) for e in events] == [("detention", [("S1:M1", "subject")])]
    # with no one else brought in, "the activist" is the one introduced with the name
    events, _ = read("Police detained the activist Mira Talbot on Monday. On Friday the activist was released.")
    assert [e.participants for e in events if e.type == "release"] == [[("S1:M1", "subject")]]


def test_a_pronoun_after_a_name_beside_a_subject_stands_for_that_name():
    # the lawyer is the sentence's subject, his client is named beside the complement's subject
    events, _ = read("The lawyer Oren Valsky stated that his client, the activist Mira Talbot, is being abused. "
                     "In 2021 she was brought before the district court, which sentenced her to five years.")
    assert [p for e in events if e.type == "sentence" for p, _ in e.participants] == ["S1:M2"]


def test_an_act_counted_back_from_a_month_without_a_year_keeps_the_count():
    # a report with no date of its own: "September" has no year, the release is six months before it
    events, _ = read("Ivo Stanev's arrest in September came six months after his release from prison.",
                     published=None)
    assert [(e.type, e.date) for e in events] == [("detention", "--09"), ("release", "--03")]


def test_a_pronoun_in_a_phrase_before_its_clause_stands_for_the_subject_named_after_it():
    events, _ = read("Following her detention on 17 September, the defender Mira Talbot was charged on 25 September.")
    assert sorted((e.type, e.date, [p for p, _ in e.participants]) for e in events) == [
        ("charge", "2020-09-25", ["S1:M1"]), ("detention", "2020-09-17", ["S1:M1"])]


def test_an_article_of_a_code_is_the_charge():
    events, _ = read("Mira Talbot was charged on 25 April under Article 293(3) of the Criminal Code.")
    assert one(events, "charge").charge == "Article 293(3) of the Criminal Code"
    events, _ = read("Investigators charged Ivo Stanev under article 205, part 2 of the Criminal Code.")
    assert one(events, "charge").charge == "article 205, part 2 of the Criminal Code"


def test_a_case_opened_against_a_number_of_others_is_not_the_named_person_s():
    events, _ = read("Mira Talbot was detained on Monday. Criminal cases have been opened against eight of the protesters.")
    assert [e.type for e in events] == ["detention"]
    events, _ = read("A criminal case was opened against Mira Talbot on Monday.")
    assert [(e.type, e.participants) for e in events] == [("charge", [("S1:M1", "subject")])]


def test_a_person_the_lead_brings_in_before_any_name_is_the_one_it_names_next():
    events, mentions = read("Velbrod court jails blogger\n\nA court has sentenced a blogger and journalist to one "
                            "year of restricted freedom. The court also banned Mira Talbot on April 29 from public "
                            "activities. The journalist was released on December 11.")
    names = {k: m.text for k, m in mentions.items()}
    assert [names[p] for p, _ in one(events, "sentence").participants] == ["Mira Talbot"]
    assert [names[p] for p, _ in one(events, "release").participants] == ["Mira Talbot"]
    # not someone named in another role
    events, _ = read("Police detained a blogger in Velbrod on Monday. His lawyer Mira Talbot said he was beaten.")
    assert all(not e.participants for e in events if e.type == "detention")


def test_a_page_that_opens_with_its_date_line_dates_no_act_by_it():
    events, _ = read("April 17, 2021 – Norland –\nOn April 11, 2021, a court sentenced Mira Talbot to five years "
                     "on charges of inciting ethnic and religious hatred.", published="2021-04-17")
    e = one(events, "sentence")
    assert e.date == "2021-04-11" and e.charge == "inciting ethnic and religious hatred"


def test_an_article_of_a_country_s_code_is_the_charge():
    events, _ = read("Police arrested Mira Talbot under Article 174 of Norland’s Criminal Code on Friday.")
    assert one(events, "detention").charge == "Article 174 of Norland’s Criminal Code"


def test_what_is_recalled_or_insisted_as_a_fact_happened_whatever_the_telling_s_modal():
    events, _ = read("It must be recalled that Mira Talbot had already been sentenced in 2017 to 6 years of imprisonment.")
    assert sorted((e.type, e.date, e.duration) for e in events) == [("conviction", "2017", None), ("sentence", "2017", "P6Y")]
    events, _ = read("Her lawyer insisted that Mira Talbot was detained unlawfully.")
    assert [e.type for e in events] == ["detention"]
    # a fear, a demand or a possibility is still none
    for text in ("Activists fear that Mira Talbot will be jailed.", "The group urged that Mira Talbot be released.",
                 "Mira Talbot could be jailed for six years."):
        assert read(text)[0] == [], text


def test_a_charge_ends_before_the_next_clause_s_conjunction():
    events, _ = read("Mira Talbot was charged with illegal construction and the court arrested her for three months.")
    assert one(events, "charge").charge == "illegal construction"


def test_a_day_without_a_year_in_a_report_dated_by_what_it_tells_is_not_after_that_date():
    # the estimate (May 2024, basis "content") is the latest date the report names
    events, _ = read("On December 19, Mira Talbot was charged again.", published="2024-05", basis="content")
    assert one(events, "charge").date == "2023-12-19"


def test_a_time_of_the_main_clause_does_not_date_an_act_in_a_relative_clause():
    events, _ = read("On 18 October the appeals court rejected the complaint against the verdict under which Mira "
                     "Talbot got nine years in prison.", published="2022-10-20")
    assert [e.date for e in events if e.type == "sentence"] == [None]
    # a clause that goes on with the story ("the court, which sentenced her") shares its time
    events, _ = read("In 2021 Mira Talbot was brought before the district court, which sentenced her to five years.")
    assert [e.date for e in events if e.type == "sentence"] == ["2021"]


def test_a_date_on_where_the_act_took_place_dates_it():
    events, _ = read("Mira Talbot was detained at the May 6 rally in Velbrod.", published="2022-10-20")
    assert one(events, "detention").date.startswith("2022-05")
    # a date on what the act was for names that, not the act (the lead's act is the report's news)
    events, _ = read("Mira Talbot was jailed over the May 6 rally in Velbrod.", published="2022-10-20")
    assert one(events, "detention").date == "2022-10-20"


def test_a_sentence_to_a_fine_is_a_fine_not_a_term_in_custody():
    events, _ = read("A court sentenced Mira Talbot to a fine of 50,000 rubles.")
    assert sorted(e.type for e in events) == ["conviction", "fine", "hearing"]


def test_an_act_told_some_unsaid_time_after_another_is_not_dated_by_the_report():
    events, _ = read("During the lockdowns last year, the blogger Mira Talbot criticized a government plan on "
                     "Facebook. Days later, she was arrested.", published="2022-12-29")
    assert one(events, "detention").date is None
    # a counted later still counts
    events, _ = read("Mira Talbot was detained on Monday. Two days later she was charged.", published="2022-12-29")
    assert one(events, "charge").date == "2022-12-28"


def test_a_term_added_on_top_of_the_sentence_is_not_its_term():
    events, _ = read("Mira Talbot was sentenced to eight years in prison and five years of probation.")
    assert one(events, "sentence").duration == "P8Y"
    events, _ = read("A court sentenced Mira Talbot to one year of probation.")
    assert one(events, "sentence").duration == "P1Y"


def test_a_note_in_brackets_after_a_name_is_that_person_s():
    events, mentions = read("According to the prosecution, Mira Talbot and Ivo Stanev, together with Dana Korvel (left "
                            "the country after a search in February), led the banned group.", published="2023-03-03")
    names = {k: m.text for k, m in mentions.items()}
    assert {e.type: [names[p] for p, _ in e.participants] for e in events} == {
        "exile": ["Dana Korvel"], "search": ["Dana Korvel"]}
    # the act in the brackets takes no term of the sentence around them
    events, _ = read("Mira Talbot (detained in May) was sentenced on Friday to two years.", published="2023-03-03")
    assert one(events, "detention").duration is None and one(events, "sentence").duration == "P2Y"


@pytest.mark.parametrize("text", [
    "On Friday an appeals court upheld the sentence of Mira Talbot.",
    "An appeals court upheld Mira Talbot's six-year sentence on Friday.",
    "The city court on Friday upheld the ruling that sentenced Mira Talbot to six years.",
])
def test_a_ruling_upheld_is_an_appeal_decided(text):
    events, _ = read(text)
    assert one(events, "appeal").date == "2021-05-14"


@pytest.mark.parametrize("text", [
    "Mira Talbot appealed the sentence on Friday.",
    "On Friday an appeals court upheld the sentence of Mira Talbot.",
])
def test_a_sentence_an_appeal_is_about_was_not_given_on_the_appeal_s_day(text):
    events, _ = read(text)
    assert not [e for e in events if e.type == "sentence" and e.date == "2021-05-14"]


@pytest.mark.parametrize(("text", "charge"), [
    ("Mira Talbot received a prison sentence on Friday.", None),
    ("Mira Talbot received a six-year sentence on Friday.", None),
    ("Prosecutors brought a fraud charge against Mira Talbot on Friday.", "fraud"),
])
def test_a_sentence_s_kind_or_length_is_no_charge_but_a_charge_s_offence_is(text, charge):
    events, _ = read(text)
    act = next(e for e in events if e.type in ("sentence", "charge"))
    assert act.charge == charge


@pytest.mark.parametrize("text", [
    "The trial ended on Friday with a sentence of six years for Mira Talbot.",
    "The court handed a six-year sentence to Mira Talbot on Friday.",
])
def test_a_sentence_given_to_someone_is_theirs(text):
    events, mentions = read(text)
    act = one(events, "sentence")
    assert act.duration == "P6Y" and act.date == "2021-05-14"
    assert [mentions[p].text for p, role in act.participants if role == "subject"] == ["Mira Talbot"]


@pytest.mark.parametrize(("text", "charge"), [
    ("Mira Talbot received a death sentence on Friday.", None),
    ("Mira Talbot received a treason sentence on Friday.", "treason"),
])
def test_a_sentence_named_by_its_offence_gives_the_charge(text, charge):
    events, _ = read(text)
    assert one(events, "sentence").charge == charge


def test_terms_given_respectively_go_to_each_person_in_order():
    events, mentions = read("Mira Talbot and Ivo Stanev were sentenced to six and five years respectively on Friday.")
    got = sorted((mentions[p].text, e.duration) for e in events if e.type == "sentence"
                 for p, role in e.participants if role == "subject")
    assert got == [("Ivo Stanev", "P5Y"), ("Mira Talbot", "P6Y")]



@pytest.mark.parametrize(("text", "duration"), [
    ("Mira Talbot was given a six-year prison term on Friday.", "P6Y"),
    ("The judge gave Mira Talbot five years in prison on Friday.", "P5Y"),
    ("Mira Talbot was given two weeks to leave the country.", None),
])
def test_a_term_given_is_a_sentence(text, duration):
    events, mentions = read(text)
    got = [e for e in events if e.type == "sentence"]
    assert [e.duration for e in got] == ([duration] if duration else [])
    assert all([mentions[p].text for p, r in e.participants if r == "subject"] == ["Mira Talbot"] for e in got)


@pytest.mark.parametrize("text", [
    "Mira Talbot's lawyer Ivo Stanev appealed the verdict on Friday.",
    "Mira Talbot was sentenced to six years on Tuesday. Her lawyer appealed the verdict on Friday.",
])
def test_an_appeal_a_lawyer_files_is_the_client_s_and_dates_no_verdict(text):
    events, mentions = read(text)
    act = one(events, "appeal")
    assert act.date == "2021-05-14"
    assert [mentions[p].text.removesuffix("'s") for p, r in act.participants if r == "subject"] == ["Mira Talbot"]
    assert not [e for e in events if e.type == "conviction" and e.date == "2021-05-14"]


@pytest.mark.parametrize(("text", "charge"), [
    ("Mira Talbot was charged with organizing and financing mass riots on Friday.", "organizing and financing mass riots"),
    ("Mira Talbot was charged with inciting hatred and placed under house arrest on Friday.", "inciting hatred"),
])
def test_a_charge_keeps_its_coordinated_gerunds_but_not_the_next_clause(text, charge):
    events, _ = read(text)
    assert one(events, "charge").charge == charge


def test_a_ruling_upheld_is_the_appeal_of_whom_it_sentenced_and_keeps_its_own_time():
    events, mentions = read("On Friday the city court upheld the previous ruling that sentenced Mira Talbot to six years.")
    act = one(events, "appeal")
    assert act.date == "2021-05-14" and [mentions[p].text for p, r in act.participants if r == "subject"] == ["Mira Talbot"]
    assert one(events, "sentence").date is None  # given before the appeal, on a day this sentence does not say


def test_a_definite_plural_noun_stands_for_the_people_named_with_that_noun():
    events, mentions = read("Mira Talbot, a rights activist, was sentenced on Friday. Two other activists, "
                            "Oren Valsky and John Smith, were fined. The activists were detained on July 14, 2020.")
    assert first_parties(events, mentions, lambda e: e.type == "detention") == ["Mira Talbot", "Oren Valsky",
                                                                                "John Smith"]
    assert one(events, "detention").date == "2020-07-14"


def test_a_definite_plural_noun_stands_for_the_last_named_group_else():
    events, mentions = read("Mira Talbot and Oren Valsky went on trial on Monday. Their friends came to court. "
                            "The journalists were detained on July 14, 2020.")
    assert first_parties(events, mentions, lambda e: e.type == "detention") == ["Mira Talbot", "Oren Valsky"]


def test_a_bare_plural_noun_is_still_other_people():
    events, _ = read("Mira Talbot went on trial on Monday. Police detained activists on July 14, 2020.")
    assert not [e for e in events if e.type == "detention"]


@pytest.mark.parametrize("text", [
    "Mira Talbot is a writer. She has been in jail since July 2020.",
    "Mira Talbot is a writer. She has been behind bars since July 2020.",
])
def test_in_custody_since_a_time_is_a_detention_then(text):
    events, _ = read(text)
    assert one(events, "detention").date == "2020-07"


def test_in_custody_for_a_time_is_no_new_act():
    events, _ = read("Mira Talbot is a writer. She has been in jail for two years.")
    assert not [e for e in events if e.type == "detention"]


def test_since_then_dates_a_state_by_the_story_s_last_time_not_the_report_s():
    events, _ = read("Police detained Mira Talbot and Oren Valsky on May 3. Since then, the two journalists "
                     "have been held behind bars on charges of fraud.")
    assert [e.date for e in events if e.type == "detention"] == ["2021-05-03", "2021-05-03"]
    assert one(events, "charge").date == "2021-05-03"


@pytest.mark.parametrize("text", [
    "Mira Talbot was detained on May 2. On May 30, a court extended her pretrial detention until July 1.",
    "Mira Talbot was detained on May 2. On May 30, a court extended the term of her detention by two months.",
    "Mira Talbot was detained on May 2. On May 30 her detention was extended until July 1.",
])
def test_custody_extended_is_a_hearing_that_day_not_a_new_detention(text):
    events, _ = read(text)
    assert [(e.type, e.date) for e in events if e.date] == [("detention", "2021-05-02"), ("hearing", "2021-05-30")]
    assert [e.type for e in events if not e.date] == ["detention"]  # the custody going on


def test_a_date_of_the_verdict_an_appeal_is_against_is_not_the_appeal_s():
    events, _ = read("The Supreme Court rejected Mira Talbot's appeal against the verdict of July 8, 2020.",
                     published="2021-05-16")
    assert one(events, "appeal").date == "2021-05-16"  # the report's day: its news, not the verdict's day


@pytest.mark.parametrize(("text", "terms"), [
    ("On May 14 an appeals court reduced Mira Talbot's sentence to five years.", ["P5Y"]),
    ("On May 14 the court cut Mira Talbot's seven-year prison term by a year.", ["P6Y", "P7Y"]),
])
def test_a_term_cut_is_the_appeal_decided_and_the_sentence_as_it_stands(text, terms):
    events, _ = read(text)
    assert one(events, "appeal").date == "2021-05-14"
    assert sorted(e.duration for e in events if e.type == "sentence") == terms


def test_cutting_something_else_is_no_act():
    events, _ = read("On May 14 the company cut prices by ten percent and reduced its staff to five.")
    assert events == []


@pytest.mark.parametrize(("text", "date"), [
    ("On the fifth of May, police detained Mira Talbot.", "2021-05-05"),
    ("Mira Talbot was detained on the twenty-first of April.", "2021-04-21"),
    ("Mira Talbot was detained in the first week of May.", "2021-05"),
])
def test_a_day_written_in_words(text, date):
    events, _ = read(text)
    assert one(events, "detention").date == date


def test_custody_a_court_orders_is_marked_as_ordered_the_police_s_arrest_is_not():
    events, _ = read("Police detained Mira Talbot on May 3. On May 4 a court remanded her in custody for two months.")
    assert [(e.date, e.ordered) for e in events if e.type == "detention"] == [("2021-05-03", False),
                                                                              ("2021-05-04", True)]


@pytest.mark.parametrize("text", [
    "On 30 August 2014, the district court sentenced Mira Talbot to pre-trial detention.",
    "On 30 August 2014, the district court sentenced Mira Talbot to two months of pretrial detention.",
])
def test_sentenced_to_pre_trial_detention_is_a_custody_order_not_a_verdict(text):
    events, _ = read(text)
    assert sorted(e.type for e in events) == ["detention", "hearing"]


def test_a_term_of_custody_pending_trial_is_no_sentence():
    events, _ = read("On May 3 the district court ordered Mira Talbot to be imprisoned for two months pending trial.")
    assert [e.type for e in events if e.type in ("sentence", "detention")] == ["detention"]
    events, _ = read("On May 3 Mira Talbot was jailed for two years.")
    assert [e.type for e in events if e.type in ("sentence", "detention")] == ["sentence"]


def test_a_decision_upheld_is_the_appeal_of_whom_it_fined():
    events, mentions = read("Mira Talbot is a reporter. On August 7, a court upheld the decision to fine her.")
    assert first_parties(events, mentions, lambda e: e.type == "appeal") == ["Mira Talbot"]


def test_a_ban_on_working_given_with_the_sentence_is_an_act():
    events, _ = read("On May 3 the court sentenced Mira Talbot to five years in prison and a three-year ban on "
                     "working as a journalist.")
    assert [e.duration for e in events if e.type == "activity_ban"] == ["P3Y"]
    events, _ = read("On May 3 the city's ban on smoking in bars took effect.")
    assert events == []
    # others' ban, told with their sentence, is theirs too
    events, _ = read("On May 3 a court sentenced four students to two years of community service as well as a "
                     "three-year ban on administering websites.")
    assert [e for e in events if e.type == "activity_ban"] == []


def test_who_died_is_the_subject_of_die():
    events, mentions = read("Mira Talbot and Oren Valsky were sentenced to five years in 2019. Valsky died in "
                            "custody on May 3, his lawyer said.")
    assert first_parties(events, mentions, lambda e: e.type == "death") == ["Valsky"]


def test_a_sentence_that_looks_back_is_not_dated_by_the_report():
    events, _ = read("Previously, political prisoners Oren Valsky and John Smith served their sentences in this "
                     "colony.")
    assert [e.date for e in events if e.type == "sentence"] == [None]


def test_an_act_told_as_possible_with_can_is_no_act_but_cannot_leave_is_a_ban():
    events, _ = read('Mira Talbot was sentenced to six years on May 14. "You can arrest us, but others will '
                     'continue," she said.')
    assert [e.type for e in events if e.type in ("detention", "death")] == []
    events, _ = read("On May 3 a court ruled that Mira Talbot cannot leave the country.")
    assert [e.type for e in events if e.type == "travel_ban"] == ["travel_ban"]


def test_a_term_served_is_no_sentence_on_the_day_of_release():
    events, _ = read("On August 29, 2019, the journalist Mira Talbot was released from prison after serving five "
                     "years on charges of hooliganism.")
    assert [(e.type, e.date) for e in events if e.type in ("release", "sentence", "hearing")] == [
        ("release", "2019-08-29"), ("sentence", None)]
    assert one(events, "sentence").duration == "P5Y"


@pytest.mark.parametrize("text", [
    "Mira Talbot was flown out of the country on August 1 as part of a prisoner exchange.",
    "Mira Talbot was freed in a prisoner swap on August 1.",
    "Mira Talbot was exchanged for a Russian spy on August 1.",
])
def test_freed_in_a_prisoner_exchange_is_a_release(text):
    events, mentions = read(text, published="2021-09-10")
    assert first_parties(events, mentions, lambda e: e.type == "release") == ["Mira Talbot"]
    assert one(events, "release").date == "2021-08-01"


def test_an_exchange_of_words_or_goods_is_no_release():
    events, _ = read("On August 1 Mira Talbot exchanged words for an hour with a guard. Oren Valsky traded shares "
                     "for bonds.", published="2021-09-10")
    assert [e.type for e in events if e.type == "release"] == []



@pytest.mark.parametrize(("text", "dated"), [
    # a time in the arrest's own words is the arrest's: the verdict is a later step
    ("Mira Talbot was arrested in March 2021 and sentenced to 16 years in prison.",
     {"detention": "2021-03", "sentence": None}),
    ("Mira Talbot was arrested on March 3 and later charged with treason.", {"detention": "2021-03-03", "charge": None}),
    # a time before both is both's; acts of one step share the time
    ("In 2020, Mira Talbot was arrested and sentenced to 18 months in prison.",
     {"detention": "2020", "sentence": "2020"}),
    ("Mira Talbot was arrested on March 3 and charged with treason.", {"detention": "2021-03-03", "charge": "2021-03-03"}),
    ("Mira Talbot was convicted on March 3 and sentenced to 16 years in prison.",
     {"conviction": "2021-03-03", "sentence": "2021-03-03"}),
    # a short term is given within days of the arrest
    ("Mira Talbot was detained on March 3 and sentenced to 15 days in jail.",
     {"detention": "2021-03-03", "sentence": "2021-03-03"}),
])
def test_a_time_in_the_first_of_two_acts_dates_a_later_step_only_when_before_both(text, dated):
    events, _ = read(text)
    assert {e.type: e.date for e in events if e.type in dated} == dated


@pytest.mark.parametrize(("text", "summary"), [
    ("In 2020, Mira Talbot was arrested and sentenced to two years in prison.", {"sentence", "conviction"}),
    # the time in the arrest's words, a verdict of the same day, a short term: no summary's time
    ("Mira Talbot was arrested on March 3 and charged with treason.", set()),
    ("Mira Talbot was convicted on March 3 and sentenced to two years in prison.", set()),
])
def test_a_verdict_dated_by_a_time_told_before_its_arrest_too_is_a_summary_s(text, summary):
    events, _ = read(text)
    assert {e.type for e in events if e.summary_time} == summary
    assert all(e.date for e in events if e.type in ("detention", "sentence"))


@pytest.mark.parametrize(("text", "etype", "found"), [
    # no ban on travel: a room, a ward, a building is no place one travels from
    ("Doctors said Mira Talbot's health does not yet allow her to leave the intensive care unit.", "travel_ban", False),
    ("Mira Talbot was detained in 2019. She cannot leave her cell.", "travel_ban", False),
    ("Mira Talbot is not allowed to leave Velbrod.", "travel_ban", True),
    ("The court did not allow Mira Talbot to leave the country.", "travel_ban", True),
    # no exile: a leave the state allows, or asked to allow
    ("Mira Talbot was detained in 2019. She was allowed to leave the country.", "exile", False),
    ("Mira Talbot was detained in 2019. On 30 June, she appealed to the court to allow her to leave the country "
     "for a week.", "exile", False),
    ("Mira Talbot was detained in 2019. She left the country in March.", "exile", True),
])
def test_leaving_is_a_ban_or_an_exile_only_from_a_country_and_not_by_leave(text, etype, found):
    events, _ = read(text)
    assert any(e.type == etype for e in events) == found


@pytest.mark.parametrize(("text", "exile"), [
    ("Mira Talbot was detained in 2019. In May she left Georgia.", True),
    # a city is no exile; nor is a country another person leaves
    ("Mira Talbot was detained in 2019. In May she left Velbrod.", False),
    ("Mira Talbot was detained in 2019. In May her husband left Georgia.", False),
    # the terms of an ultimatum are put, not done
    ("Mira Talbot was detained in 2019. The authorities gave her an ultimatum: leave the country or go to prison.",
     False),
    ("Mira Talbot was detained in 2019. They gave her a choice: she leaves the country, or she will be jailed.", False),
])
def test_leaving_a_named_country_is_an_exile_of_the_person_named(text, exile):
    events, _ = read(text)
    assert any(e.type == "exile" for e in events) == exile


@pytest.mark.parametrize(("text", "kept"), [
    # an act to come is not done
    ("Mira Talbot will be sentenced on Monday.", set()),
    ("The verdict in the case of Mira Talbot will be announced on Monday.", set()),
    ("Mira Talbot will be released on Friday, her lawyer said.", set()),
    # but an imposed ban is worded so, and a ruling's "shall" is its decision
    ("Mira Talbot will not be able to leave the city for three months, the court ruled.", {"travel_ban"}),
    ("\"The verdict of the Velbrod court against Mira Talbot of 3 June shall remain in force,\" the appeals "
     "court said on Monday.", {"conviction"}),
])
def test_an_act_told_with_an_auxiliary_of_the_future_is_to_come(text, kept):
    events, _ = read(text)
    assert {e.type for e in events} & {"conviction", "sentence", "release", "travel_ban"} == kept


@pytest.mark.parametrize(("text", "types"), [
    # a participle describing a noun tells its state, not an act
    ("Oren Valsky was exchanged in December for the convicted arms dealer Ivo Stanev.", {"release"}),
    ("Mira Talbot, a convicted activist, spoke on Monday.", set()),
    ("Mira Talbot was convicted on Monday.", {"conviction", "hearing"}),
    # (not a clause the parse took for one: it has its own subject)
    ("Velbrod authorities punitively transferred journalist Mira Talbot to a prison far from her family on "
     "October 1.", {"transfer"}),
])
def test_a_participle_describing_a_noun_is_its_state_not_an_act(text, types):
    events, _ = read(text)
    assert {e.type for e in events} == types


@pytest.mark.parametrize(("text", "dated"), [
    ("Mira Talbot was sentenced to two years in prison. The court announced this on February 27.", True),
    # a telling of something else on that day dates nothing before it
    ("Mira Talbot was sentenced to two years in prison. Her lawyer said on February 27 she would appeal.", False),
])
def test_a_telling_that_points_back_dates_the_sentence_before_it(text, dated):
    events, _ = read(text, published="2024-02", basis="content")
    assert {e.date for e in events if e.type == "sentence"} == ({"2024-02-27"} if dated else {None})


def test_a_written_undertaking_not_to_leave_is_a_travel_ban():
    events, _ = read("Mira Talbot was released on May 14 on a pledge not to leave the city.")
    assert {e.type for e in events} == {"release", "travel_ban"}
    events, _ = read("On May 14 investigators made Mira Talbot sign a written undertaking not to leave Velbrod.")
    assert [e.type for e in events] == ["travel_ban"]


def test_an_act_a_gapped_clause_asks_for_is_not_done():
    # "one asked for ..., the other to acquit him": the elided verb is the first clause's
    events, _ = read("Later an appeal was filed: one lawyer asked for a review of the case, the other to acquit "
                     "Mira Talbot.")
    assert [e.type for e in events if e.type == "acquittal"] == []


def test_an_appeal_lawyers_for_someone_file_is_their_client_s():
    events, mentions = read("The lawyers for Mira Talbot filed an appeal against the verdict on Monday.")
    assert first_parties(events, mentions, lambda e: e.type == "appeal") == ["Mira Talbot"]
    # their own act, not another's: the state's lawyers appeal against the client
    events, mentions = read("Lawyers for the state appealed the acquittal of Mira Talbot on Monday.")
    assert first_parties(events, mentions, lambda e: e.type == "appeal") == ["Mira Talbot"]


def test_a_case_opened_against_someone_by_the_authorities_is_a_charge_criminal_or_not():
    events, mentions = read("Investigators opened a case against Mira Talbot in April 2020 after she painted a "
                            "slogan on a bridge.")
    assert [(e.type, e.date) for e in events if e.type == "charge"] == [("charge", "2020-04")]
    events, _ = read("Mira Talbot opened a case against the store. The court opened the case on Monday.")
    assert [e.type for e in events if e.type == "charge"] == []


@pytest.mark.parametrize("text", [
    "On January 11 Mira Talbot was detained in Velbrod. Approximately one hour after her detention, she was "
    "released on a personal guarantee.",
    "On January 11 Mira Talbot was detained in Velbrod and released two hours later.",
])
def test_an_act_some_hours_after_another_is_of_its_day(text):
    events, _ = read(text)
    assert one(events, "release").date == "2021-01-11"


def test_the_term_a_charge_carries_is_the_law_s_not_a_sentence():
    events, _ = read("Mira Talbot was arrested on January 12 and charged with assaulting a police officer, which "
                     "carries a sentence of four to seven years in prison.")
    assert [e.type for e in events if e.type == "sentence"] == []
    events, _ = read("Police carried out a search of Mira Talbot's flat on May 3.")
    assert [(e.type, e.date) for e in events if e.type == "search"] == [("search", "2021-05-03")]


def test_a_decision_named_by_its_date_dates_the_verdict_not_the_appeal_upholding_it():
    events, _ = read("The Velbrod Court of Appeals has upheld a two-year prison sentence for Mira Talbot. The "
                     "ruling confirms the city court's decision from August 6.", published="2021-11-20")
    assert one(events, "appeal").date == "2021-11-20"
    events, _ = read("A court sentenced Mira Talbot to 25 years. The verdict of the city court from April 17 was "
                     "read out in full.", published="2021-11-20")
    assert one(events, "sentence").date == "2021-04-17"


def test_a_custody_order_reviewed_is_no_new_detention():
    events, _ = read("On January 21, the Velbrod Court of Appeals rejected Mira Talbot's appeal and upheld her "
                     "pre-trial detention.")
    assert [(e.type, e.date) for e in events if e.type in ("appeal", "detention")] == [
        ("appeal", "2021-01-21"), ("detention", None)]


@pytest.mark.parametrize("text", [
    "Mira Talbot's hunger strike prompted numerous appeals from her family and friends on May 3.",
    "The rights group issued an appeal for Mira Talbot's release on May 3.",
])
def test_a_plea_is_no_court_appeal_and_what_it_asks_is_not_done(text):
    events, _ = read(text)
    assert [e.type for e in events if e.type in ("appeal", "release")] == []


def test_someone_s_people_in_the_plural_are_others():
    events, _ = read("Mira Talbot was detained in March 2020. In January 2021 her lawyers were sentenced to prison "
                     "terms.")
    assert [e.type for e in events] == ["detention"]


def test_a_year_on_an_act_noun_dates_it_and_a_law_s_year_is_no_story_time():
    events, _ = read("Jailed journalist Mira Talbot allowed first family visit since her 2019 arrest",
                     published="2021-10-18", title="Jailed journalist Mira Talbot allowed first family visit since "
                                                   "her 2019 arrest")
    assert [(e.type, e.date) for e in events if e.type == "detention"] == [("detention", "2019")]
    events, _ = read("On October 6 police arrested Mira Talbot. She was charged under Article 88 of the 1999 Penal "
                     "Code. On the next day, she was transferred to a detention facility in the capital.")
    assert one(events, "transfer").date == "2020-10-07"  # (the October before the report)


def test_a_sentence_in_a_participle_set_off_on_a_name_is_background_with_no_day_of_the_clause():
    events, _ = read("Mira Talbot, sentenced to 11 years in prison, was transferred to a colony on January 9.")
    assert {e.type: e.date for e in events if e.type in ("sentence", "transfer")} == {
        "sentence": None, "transfer": "2021-01-09"}
    assert one(events, "sentence").duration == "P11Y"


def test_a_sentence_a_court_upholds_is_no_new_sentence_even_in_a_title_case_headline():
    title = "Velbrod Court Upholds Prison Sentence for Journalist Mira Talbot"
    events, _ = read(title + "\nThe Velbrod Court of Appeals upheld the two-year sentence of Mira Talbot on November 19.",
                     published="2021-11-20", title=title)
    assert {e.date for e in events if e.type == "sentence"} == {None}  # (the headline's and the body's)
    assert [(e.type, e.date) for e in events if e.type == "appeal"][-1] == ("appeal", "2021-11-19")


def test_a_penalty_cut_with_no_new_term_told_is_the_appeal_decided():
    events, _ = read("The appeals court reduced the sentence of Mira Talbot.", published="2024-12-25")
    assert ("appeal", "2024-12-25") in {(e.type, e.date) for e in events}
    events, _ = read("The court reduced the term for complaints by Mira Talbot.")
    assert not [e for e in events if e.type == "appeal"]


def test_a_cut_told_as_later_takes_no_time_written_before_both():
    events, _ = read("In February 2022 a court gave Mira Talbot six years in prison, and later the term was cut "
                     "to five years.", published="2025-08-22")
    assert {(e.type, e.date) for e in events if e.type == "appeal"} == {("appeal", None)}
    assert ("sentence", None, "P5Y") in {(e.type, e.date, e.duration) for e in events}


def test_a_case_opened_over_what_was_done_to_someone_is_no_charge_against_them():
    events, _ = read("Prosecutors opened a criminal case into the detention of Mira Talbot.", published="2025-08-22")
    assert {(e.type, e.date) for e in events} == {("detention", None)}
    events, _ = read("Police opened a case against Mira Talbot over her posts.", published="2025-08-22")
    assert "charge" in {e.type for e in events}


def test_a_death_begun_or_held_out_and_a_verdict_protested_are_no_acts():
    events, _ = read("Mira Talbot initiated a death fast on April 1 in objection to the verdict. "
                     "She went on hunger strike in protest against the verdict, declaring she will continue "
                     "until death.", published="2025-05-06")
    assert not {e.type for e in events} & {"death", "conviction"}
    events, _ = read("Mira Talbot has been on hunger strike since 1 April, now 35 days, in protest against the "
                     "sentence.", published="2025-05-06")
    assert not [e for e in events if e.type == "sentence"]


def test_a_death_told_as_going_on_is_not_yet_one():
    events, _ = read("Mira Talbot was sentenced to five years in 2023. Her daughter says Mira Talbot is dying in "
                     "prison.", published="2025-05-06")
    assert "death" not in {e.type for e in events}
    events, _ = read("Mira Talbot was sentenced to five years in 2023. She died in prison on April 3.",
                     published="2025-05-06")
    assert ("death", "2025-04-03") in {(e.type, e.date) for e in events}
