"""Partial dates compared."""

from casefile.core.dates import parse_iso, year_slip


def test_a_slipped_year_is_the_same_month_and_day_a_year_off():
    assert year_slip(parse_iso("2022-04-14"), parse_iso("2023-04"))
    assert year_slip(parse_iso("2023-04-14"), parse_iso("2022-04-14"))
    assert not year_slip(parse_iso("2022-04-14"), parse_iso("2023-04-15"))  # another day
    assert not year_slip(parse_iso("2022-04"), parse_iso("2024-04"))  # two years off
    assert not year_slip(parse_iso("2022-04"), parse_iso("2023-05"))
    assert not year_slip(parse_iso("2022"), parse_iso("2023"))  # no month to share
