from casefile.read.en.amounts import duration_of, find_amounts, find_durations


def test_amount_with_its_dollar_conversion():
    [(a, start, end)] = find_amounts("The court fined her 150,000 tenges ($390) on Monday.")
    assert (a.value, a.currency, a.usd) == (150000, "KZT", 390)


def test_dollar_amounts_carry_usd():
    [(a, _, _)] = find_amounts("a fine of the equivalent of $512 was imposed")
    assert (a.value, a.currency, a.usd) == (512, "USD", 512)
    [(b, _, _)] = find_amounts("they fined him almost $800")
    assert b.value == 800 and b.usd == 800
    [(c, _, _)] = find_amounts(r"He must pay a fine of \$250.")  # markdown-escaped dollar
    assert c.value == 250 and c.currency == "USD"


def test_other_currencies():
    [(a, _, _)] = find_amounts("ordered to pay 30,000 roubles")
    assert (a.value, a.currency, a.usd) == (30000, "RUB", None)
    [(b, _, _)] = find_amounts("a 1.5 million rouble fine")
    assert b.value == 1_500_000
    [(c, _, _)] = find_amounts("a fine of €2,000")
    assert (c.value, c.currency) == (2000, "EUR")


def test_durations_in_iso_8601():
    assert duration_of("for a period of two months") == "P2M"
    assert duration_of("for the next three months") == "P3M"
    assert duration_of("sentenced to seven years") == "P7Y"
    assert duration_of("a sentence of 15 days") == "P15D"
    assert duration_of("twenty-five years") == "P25Y"


def test_elapsed_time_is_not_a_term():
    assert find_durations("after more than five months of detention") == []
    assert find_durations("two years ago") == []


def test_terms_with_a_half_in_whole_units():
    assert duration_of("sentenced to seven and a half years in prison") == "P7Y6M"
    assert duration_of("a term of 7.5 years") == "P7Y6M"
    assert duration_of("held for one and a half months") == "P1M15D"
