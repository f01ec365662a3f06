"""Batch input: JSONL records, folders and globs, with bad records counted by line."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.batch.records import BadRecord, Record, iter_records
from casefile.batch.stages import is_relevant


def _write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_records_and_bad_lines_with_their_numbers(tmp_path: Path) -> None:
    p = _write(tmp_path / "news.jsonl", [
        json.dumps({"text": "Police detained the poet Ann Lee in Riga.", "url": "https://x.example/1",
                    "date": "2024-02-01", "outlet": "Baltic Wire"}).encode(),
        b"",
        b"{not json",
        json.dumps(["a", "list"]).encode(),
        json.dumps({"html": "<p>A court fined the blogger Tom Roe.</p>"}).encode(),
        json.dumps({"url": "https://x.example/empty"}).encode(),
        b"\x00\x01\x02binary",
    ])
    out = list(iter_records([str(p)]))
    good = [r for r in out if isinstance(r, Record)]
    bad = [r for r in out if isinstance(r, BadRecord)]
    assert [r.kind for r in good] == ["text", "html"]
    assert good[0].date == "2024-02-01" and good[0].outlet == "Baltic Wire" and good[0].url == "https://x.example/1"
    assert [b.problem.split(":")[0] for b in bad] == ["line 2", "line 3", "line 4", "line 6", "line 7"]
    assert "empty" in bad[0].problem and "not JSON" in bad[1].problem and "no 'text'" in bad[3].problem


def test_a_huge_record_is_reported_not_read(tmp_path: Path) -> None:
    p = _write(tmp_path / "big.jsonl", [json.dumps({"text": "x" * (3 * 1024 * 1024)}).encode()])
    (rec,) = list(iter_records([str(p)]))
    assert isinstance(rec, BadRecord) and "over the limit" in rec.problem


def test_folders_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Police detained the poet Ann Lee in Riga.")
    (tmp_path / "a" / "two.html").write_text("<p>A court fined the blogger Tom Roe.</p>")
    (tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG")
    assert sorted(Path(r.id).name for r in iter_records([str(tmp_path / "a")])) == ["one.txt", "two.html"]
    assert [Path(r.id).name for r in iter_records([str(tmp_path / "a" / "*.txt")])] == ["one.txt"]
    (missing,) = list(iter_records([str(tmp_path / "nowhere.jsonl")]))
    assert isinstance(missing, BadRecord)


def _rec(text: str, kind: str = "text") -> Record:
    return Record(id="r", body=text.encode(), kind=kind)


def test_relevance_keeps_reports_of_prosecution_and_drops_other_news() -> None:
    assert is_relevant(_rec("Police detained the blogger Ann Lee on Monday; a court ordered her held in custody."))
    assert is_relevant(_rec("Суд арестовал активиста на два месяца, сообщил его адвокат."))
    assert not is_relevant(_rec("The home team won the football final 2-1 on Saturday in front of a big crowd."))
    # words in a page's script do not count
    html = "<script>var x='arrested detained court sentenced';</script><p>The bridge opened on Monday.</p>"
    assert not is_relevant(_rec(html, "html"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=8))
def test_any_bytes_in_a_jsonl_file_never_stop_the_reader(tmp_path_factory, lines: list[bytes]) -> None:
    p = tmp_path_factory.mktemp("fuzz") / "f.jsonl"
    p.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    for rec in iter_records([str(p)]):
        assert isinstance(rec, Record | BadRecord)


def test_a_bad_json_line_is_explained_in_whole_words(tmp_path: Path) -> None:
    """The parser's message is given whole (what it expected, and where), never cut mid-word."""
    p = _write(tmp_path / "news.jsonl", [b'{"text": "A court fined the blogger Tom Roe.", oops}',
                                         b'{"text": "\xff\xfe broken bytes"}'])
    bad = [r for r in iter_records([str(p)]) if isinstance(r, BadRecord)]
    assert len(bad) == 2
    assert bad[0].problem == "line 1: not JSON (Expecting property name enclosed in double quotes at column 48)"
    assert bad[1].problem.endswith("invalid start byte)"), bad[1].problem
    from casefile.batch.records import _brief

    long = "unexpected end of data in a compressed stream " * 5
    short = _brief(long, 40)
    assert short.endswith(" …") and long.startswith(short[:-2]) and long[len(short) - 2] == " "
