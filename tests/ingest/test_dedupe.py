"""Near-duplicates: a wire story republished by another outlet."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.ingest.dedupe import jaccard, mark_duplicates, shingles
from casefile.model import Source

WIRE = ("TARVIK, Norland (Northpress) — Police in Tarvik detained the blogger Lena Vortsova on Monday, her lawyer "
        "said, days after she posted videos criticising the regional governor. Vortsova, 34, was charged with "
        "spreading false information, an offence that carries up to five years in prison, her lawyer Oskar Brandt "
        "told Northpress. A court in Tarvik on Wednesday ordered her held in pre-trial detention for two months.")
OTHER = ("Norland Rights Watch calls on the authorities to release the blogger Lena Vortsova, who has been held in "
         "Tarvik since March. Her detention is part of a wider crackdown on independent voices in the region, "
         "and the charge against her should be dropped at once, the group said in a statement on Friday.")


def _src(i: int, text: str, published: str | None) -> Source:
    return Source(id=f"S{i}", file=f"{i}.txt", text=text, published=published)


def test_republished_wire_story_points_at_the_earlier_one_and_both_are_kept() -> None:
    republished = "Local Herald\n\n" + WIRE + "\n\nRead more on our website."
    out = mark_duplicates([_src(1, republished, "2021-03-05"), _src(2, WIRE, "2021-03-04"), _src(3, OTHER, "2021-03-06")])
    assert [s.id for s in out] == ["S1", "S2", "S3"]
    assert out[0].duplicate_of == "S2"  # the later publication points at the earlier
    assert out[1].duplicate_of is None
    assert out[2].duplicate_of is None


def test_undated_copies_point_at_the_first_in_file_order() -> None:
    out = mark_duplicates([_src(1, WIRE, None), _src(2, WIRE + " Northpress", None)])
    assert out[0].duplicate_of is None and out[1].duplicate_of == "S1"


def test_jaccard_of_unrelated_texts_is_low() -> None:
    assert jaccard(shingles(WIRE), shingles(OTHER)) < 0.1
    assert jaccard(shingles(WIRE), shingles(WIRE)) == 1.0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([WIRE, OTHER, WIRE[:200], "short text here"]), max_size=6))
def test_every_source_kept_and_pointers_go_to_originals(texts: list[str]) -> None:
    sources = [_src(i + 1, t, None) for i, t in enumerate(texts)]
    out = mark_duplicates(sources)
    assert [s.id for s in out] == [s.id for s in sources]
    by_id = {s.id: s for s in out}
    for s in out:
        if s.duplicate_of:
            assert s.duplicate_of != s.id
            assert by_id[s.duplicate_of].duplicate_of is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=0, max_size=14), max_size=9),
       st.sampled_from([0.6, 0.5, 0.75, 1.0]))
def test_similar_pairs_are_exactly_the_pairs_over_the_threshold(sets: list[list[int]], threshold: float) -> None:
    """The prefix-filtered join finds the same pairs as comparing every pair."""
    from casefile.ingest.dedupe import similar_pairs

    as_sets = [{(str(x),) for x in s} for s in sets]
    every = {(i, j) for i in range(len(as_sets)) for j in range(i + 1, len(as_sets))
             if jaccard(as_sets[i], as_sets[j]) >= threshold}
    assert similar_pairs(as_sets, threshold) == every
