"""Name skeletons keep every letter of the Cyrillic alphabets beyond Russian's (names invented)."""

import pytest

from casefile.core.names import initials, romanize, skeleton, token_skeletons


@pytest.mark.parametrize(("cyrillic", "latin"), [
    # Kazakh: қ ғ ә і ң ө ұ ү һ
    ("Қанатбек Әлімжанов", "Kanatbek Alimzhanov"),
    ("Ғалия Нұрланқызы", "Galiya Nurlankyzy"),
    ("Дәурен Өтегенұлы", "Dauren Otegenuly"),
    ("Сәуле Ізтілеуова", "Saule Iztileuova"),
    # Kyrgyz: ң ө ү
    ("Үмүт Бөрүбаева", "Umut Borubayeva"),
    ("Эңсегүл Төлөнова", "Engsegul Tolonova"),
    # Uzbek (Cyrillic): ў қ ғ ҳ
    ("Ўктам Ғуломов", "Uktam Gulomov"),
    ("Ҳилола Қодирова", "Hilola Kodirova"),
    # Ukrainian: є ї і ґ
    ("Ґанна Їжакевич", "Ganna Izhakevich"),
    ("Євген Кіріленко", "Ievgen Kirilenko"),
    # Belarusian: ў і
    ("Янка Ўласевіч", "Yanka Ulasevich"),
])
def test_letters_beyond_russian_are_kept(cyrillic: str, latin: str) -> None:
    assert skeleton(cyrillic) == skeleton(latin)
    assert romanize(cyrillic).isascii()


def test_kazakh_letters_are_not_dropped() -> None:
    # a name beginning with a Kazakh-only letter keeps it: it is not read as the rest alone
    assert skeleton("Қайыржан") == "kairjan"
    assert skeleton("Қайыржан") != skeleton("Айыржан")
    # the second word keeps its own letters, not only the Russian ones
    assert token_skeletons("Бөрібай Сәрсенбіұлы") == [skeleton("Boribai"), skeleton("Sarsenbiuly")]


def test_russian_and_latin_names_are_unchanged() -> None:
    assert romanize("Жанна Петровна") == "Zhanna Petrovna"
    assert romanize("Zoë Müller") == "Zoe Muller"
    assert skeleton("Айгерим Жакупова") == skeleton("Aigerim Zhakupova")


def test_initials_of_a_kazakh_name() -> None:
    assert initials("Өскемен Құрылыс Одағы") == "OQO"
