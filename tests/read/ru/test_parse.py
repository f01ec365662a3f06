from __future__ import annotations

from casefile.read.ru.parse import parse


def test_a_headline_without_a_full_stop_is_its_own_sentence():
    text = ("Суд арестовал журналиста Павла Грачевского по делу о фейках\n"
            "Адвокат Грачевского собирается обжаловать решение суда. Заседание было закрытым.")
    p = parse(text)
    lines = [text[s.start:s.end] for s in p.sents]
    assert lines[0].endswith("фейках") and lines[1].startswith("Адвокат")
    # both lines came from one sentence of the segmenter: the lead counts them as one
    assert p.sents[0].run == p.sents[1].run == 0 and p.sents[2].run == 1
    surname = next(t for t in p.toks if t.text == "Грачевского" and t.sent == 1)
    assert surname.feats.get("Case") == "Gen"
