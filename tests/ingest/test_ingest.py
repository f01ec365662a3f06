"""The ingest stage over a bundle: files to sources, problems, the bundle-level passes."""

from __future__ import annotations

from pathlib import Path

from casefile.ingest import Known, date_yearless, ingest_paths, read_source
from casefile.model import Source

YEARLESS = ("Суд арестовал блогера Ворцову\n"
            "ТАРВИК, 27 апреля. /Северпресс/. Суд Тарвика арестовал блогера Елену Ворцову на два месяца, "
            "сообщил ее адвокат Оскар Брандт.\n")
DATED = (" date 2021-07-08 Блогера Ворцову приговорили к двум годам\n"
         "Суд Тарвика приговорил блогера Елену Ворцову к двум годам колонии. Ее задержали 26 апреля 2021 года, "
         "а 27 апреля суд арестовал ее на два месяца.\n")


def test_a_yearless_dateline_takes_its_year_from_the_bundle(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(YEARLESS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DATED, encoding="utf-8")
    result = ingest_paths([tmp_path])
    a, b = result.sources
    assert (a.outlet, a.published, a.published_basis, a.language) == ("Северпресс", "2021-04-27", "dateline", "ru")
    assert a.warnings and "2021" in a.warnings[0]
    assert (b.published, b.published_basis) == ("2021-07-08", "dateline")


def test_a_yearless_dateline_alone_keeps_no_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(YEARLESS, encoding="utf-8")
    (source,) = ingest_paths([tmp_path]).sources
    assert source.published is None and source.published_basis == "none"


def test_date_yearless_leaves_dated_sources_alone() -> None:
    s1 = Source(id="S1", file="a.txt", text="Text.", published="2020-01-02", published_basis="metadata")
    s2 = Source(id="S2", file="b.txt", text="Text of 5 May 2021.", published="2021-05-06", published_basis="dateline")
    assert date_yearless([s1, s2], {"S1": (4, 27)}) == [s1, s2]


def test_problems_name_the_file_and_ids_follow_the_readable_files(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "3.pdf").write_bytes(b"%PDF-1.4")
    result = ingest_paths([tmp_path, tmp_path / "nowhere"])
    assert [(s.id, s.file) for s in result.sources] == [("S1", "2.txt")]
    problems = [str(p) for p in result.problems]
    assert problems[:2] == [f"{tmp_path / 'nowhere'}: no such file or folder", "1.txt: the file is empty"]
    # a broken PDF is named with its problem too
    assert len(problems) == 3 and problems[2].startswith("3.pdf: could not read the PDF")


STORY = ("Court jails reporter in Vellmark\n"
         "VELLMARK, 3 March 2022 (Northwire) - A court in Vellmark jailed the reporter Ana Dorsk for two "
         "years on Friday, her lawyer said.\n")


def test_known_metadata_is_taken_as_given_and_the_rest_still_inferred() -> None:
    inferred = read_source(Path("a.txt"), STORY.encode(), "S1")
    assert (inferred.published, inferred.published_basis) == ("2022-03-03", "dateline")
    assert inferred.title == "Court jails reporter in Vellmark"
    given = read_source(Path("a.txt"), STORY.encode(), "S1", Known(published="2022-03-04", outlet="Eastwire"))
    assert (given.published, given.published_basis, given.outlet) == ("2022-03-04", "metadata", "Eastwire")
    assert given.title == inferred.title and given.text == inferred.text
