"""Partial dates compared."""

from casefile.core.dates import parse_iso, year_slip


def test_a_slipped_year_is_the_same_month_and_day_a_year_off():
    assert year_slip(parse_iso("2030-05-09"), parse_iso("2031-05"))
    assert year_slip(parse_iso("2031-05-09"), parse_iso("2030-05-09"))
    assert not year_slip(parse_iso("2030-05-09"), parse_iso("2031-05-10"))  # another day
    assert not year_slip(parse_iso("2030-05"), parse_iso("2032-05"))  # two years off
    assert not year_slip(parse_iso("2030-05"), parse_iso("2031-06"))
    assert not year_slip(parse_iso("2030"), parse_iso("2031"))  # no month to share
