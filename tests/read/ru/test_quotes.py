from __future__ import annotations


def speaker_of(a, q):
    return next(m for m in a.mentions if m.id == q.speaker)


def test_guillemets_with_verb_and_pronoun_after(read_ru):
    text = "Иван Лесных вышел из суда. «Я ни в чем не виноват и буду бороться», — заявил он."
    a = read_ru(text)
    [q] = a.quotes
    assert text[q.start:q.end] == q.text and q.text.startswith("Я ни в чем")
    assert speaker_of(a, q).norm == "Иван Лесных" and q.speaker_text == "он"


def test_straight_quotes_with_role_word(read_ru):
    text = ('Об этом сообщил его адвокат Олег Сметанин. "Суд не принял во внимание наши доводы", '
            '- сказал адвокат.')
    a = read_ru(text)
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Олег Сметанин"


def test_lapki_with_according_to(read_ru):
    text = "По словам Марии Соколовой, „следствие не представило никаких доказательств“."
    a = read_ru(text)
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Мария Соколова"


def test_dash_speech_line(read_ru):
    text = "Анна Кречетова выступила в суде.\n— Мы будем обжаловать этот приговор, — сказала Анна Кречетова."
    a = read_ru(text)
    [q] = a.quotes
    assert q.text.startswith("Мы будем обжаловать")
    assert speaker_of(a, q).norm == "Анна Кречетова"


def test_quote_under_a_speech_verb(read_ru):
    text = "На заседании Иван Лесных предложил почтить память «всех погибших в этой войне людей»."
    a = read_ru(text)
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Иван Лесных"


def test_scare_quotes_are_not_quotes(read_ru):
    a = read_ru("Его обвинили в распространении «фейков» о батальоне «Восток».")
    assert a.quotes == []


def test_pronoun_speaker_agrees_in_gender(read_ru):
    text = ("Мария Соколова пришла в суд вместе с Иваном Лесных. "
            "«Я не признаю это обвинение и буду его обжаловать», — сказала она.")
    a = read_ru(text)
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Мария Соколова"


def test_a_short_quote_attributed_by_a_speech_verb_is_speech(read_ru):
    text = "Активистку Дарью Кулешову задержали. «Это политическое преследование», — заявила ее адвокат Ольга Минина."
    a = read_ru(text)
    [q] = a.quotes
    assert q.text == "Это политическое преследование"
    assert speaker_of(a, q).norm == "Ольга Минина"


def test_a_short_label_in_quotes_is_no_speech(read_ru):
    a = read_ru("Суд признал Дарью Кулешову «иностранным агентом» в мае.")
    assert a.quotes == []


def test_an_interrupted_quote_is_two_quotes_of_one_speaker(read_ru):
    text = "Дарья Кулешова выступила в суде.\n«Я не признаю вину, — сказала Кулешова. — Я говорила правду о войне».\n"
    a = read_ru(text)
    assert [q.text for q in a.quotes] == ["Я не признаю вину", "Я говорила правду о войне"]
    for q in a.quotes:
        assert text[q.start:q.end] == q.text
        who = speaker_of(a, q)
        full = next(m for m in a.mentions if m.norm == "Дарья Кулешова")
        assert who.text == "Кулешова" and who.refers_to == full.id


def test_a_name_in_quotation_marks_is_no_quote(read_ru):
    a = read_ru("Журналистка «Радио Свободная Европа / Радио Свобода» Ирина Лесных задержана. "
                "«Мы будем обжаловать это решение», — заявил адвокат Павел Сомов.")
    assert [q.text for q in a.quotes] == ["Мы будем обжаловать это решение"]


def test_by_his_words_is_the_man_named_before(read_ru):
    a = read_ru("Адвокат Павел Сомов заявил, что защита обжалует решение суда. "
                "По его мнению, суд «предвзято подходит к избранию меры пресечения».")
    names = {m.id: m.text for m in a.mentions}
    assert [(names.get(q.speaker), q.speaker_text) for q in a.quotes] == [("Павел Сомов", "По его мнению")]


# ------------------------------------------------------------------ speakers named around the quote (issue 15)


def _speakers(a):
    names = {m.id: m.norm for m in a.mentions}
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in a.quotes]


def test_a_verb_of_announcing_after_the_dash(read_ru):
    a = read_ru("Суд арестовал Ивана Сомова. «Суд постановил: ходатайство следователя удовлетворить», — "
                "огласила решение судья Анна Котова.")
    assert _speakers(a) == [("Суд постановил: ходатайство следователя удовлетворить", "Анна Котова")]


def test_the_authors_words_after_the_dash_need_not_open_with_the_verb(read_ru):
    a = read_ru("«Они поставили ультиматум — я уезжаю из страны, либо меня вывезут», — так в тот год писала "
                "из СИЗО Мария Белова.")
    assert _speakers(a) == [("Они поставили ультиматум — я уезжаю из страны, либо меня вывезут", "Мария Белова")]


def test_a_question_in_dash_speech(read_ru):
    a = read_ru("Заседание началось в полдень.\n— У нас подсудимый доставлен? — спрашивает судья Анна Котова.")
    assert _speakers(a) == [("У нас подсудимый доставлен?", "Анна Котова")]


def test_what_was_said_in_a_court_is_the_courts(read_ru):
    a = read_ru("Верховный суд отклонил жалобу Ивана Сомова.\n«Приговор оставлен без изменений, жалоба без "
                "удовлетворения», - сообщили в суде.")
    assert _speakers(a) == [("Приговор оставлен без изменений, жалоба без удовлетворения", "Верховный суд")]


def test_a_quote_standing_alone_after_the_speakers_sentence(read_ru):
    a = read_ru("Суд приговорил Ивана Сомова к трем годам колонии. Выступая на заседании, оппозиционер заявил, "
                "что не боится угроз. «Власти совершили преступление против нашей страны».")
    assert _speakers(a) == [("Власти совершили преступление против нашей страны", "Иван Сомов")]


def test_the_person_in_apposition_to_the_role_is_the_speaker(read_ru):
    a = read_ru("По словам адвоката Беловой Владимира Ершова, «в зале присутствовало порядка сорока человек».")
    assert _speakers(a) == [("в зале присутствовало порядка сорока человек", "Владимир Ершов")]


def test_as_the_lawyer_stressed_names_the_lawyer_named_before(read_ru):
    a = read_ru("Иван Ершов — адвокат осужденной журналистки Анны Беловой. Как подчеркнул защитник, в приговоре "
                "нет «правового анализа публикации, он подменяется цитированием экспертиз».")
    assert _speakers(a) == [("правового анализа публикации, он подменяется цитированием экспертиз", "Иван Ершов")]


def test_a_quote_reported_by_the_next_sentence(read_ru):
    a = read_ru("Редактор газеты Андрей Ершов и его коллега \"задержаны сегодня в здании суда при попытке освещения "
                "процесса\". Об этом Ершов сообщил в эфире радиостанции.")
    assert _speakers(a) == [("задержаны сегодня в здании суда при попытке освещения процесса", "Ершов")]


def test_words_another_clause_reports_are_not_the_reporters(read_ru):
    a = read_ru("На суде Иван Ершов рассказал, что полицейские угрожали: «Ты будешь сидеть в колонии долгие годы, "
                "и никто о тебе не услышит».")
    assert _speakers(a) == [("Ты будешь сидеть в колонии долгие годы, и никто о тебе не услышит", None)]


def test_a_quote_after_a_sentence_of_its_speaker_s_stance(read_ru):
    a = read_ru("Он был освобожден 1 августа в результате обмена. Но Иван Кудеин был недоволен. "
                "«Это не план, настоящий кандидат гниет в своей камере».")
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Иван Кудеин"
    # a sentence that only tells of someone, with no stance, gives no speaker
    a = read_ru("Иван Кудеин был освобожден 1 августа в результате обмена. «Это не план, настоящий кандидат "
                "гниет в своей камере».")
    assert [q.speaker for q in a.quotes] == [None]


def test_a_list_label_before_the_speaker_does_not_hide_it(read_ru):
    a = read_ru("3. Реакция: Заречный комитет выразил «глубокое облегчение и искреннюю радость» в связи с освобождением.")
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Заречный комитет"


def test_a_first_person_quote_after_a_sentence_about_one_person_is_theirs(read_ru):
    a = read_ru('Анну Лесных этапировали в женскую колонию в Орлике. "У меня новости такие: пишу вам из нового '
                'места с новыми впечатлениями!"')
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Анна Лесных"


def test_a_pronoun_speaker_is_who_spoke_before_not_whom_they_spoke_of(read_ru):
    a = read_ru("Иван Петров заявил, что Павел Лесных был осуждён незаконно. «Мы добьёмся его освобождения», "
                "— сказал он.")
    [q] = a.quotes
    assert speaker_of(a, q).norm == "Иван Петров"
