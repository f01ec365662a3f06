"""The per-document stages of batch mode."""

from __future__ import annotations

from casefile.batch.records import Record
from casefile.batch.stages import _WARM_UP, ingest_record, read_records


def test_the_warm_up_reports_take_the_stage_through_the_reader_and_the_resolver() -> None:
    # a warm-up that found no act would leave the resolver (and its place index) unloaded
    results, failed = read_records([Record(id=rid, body=text.encode(), kind="text") for rid, text in _WARM_UP])
    assert not failed
    assert [r.source["language"] for r in results] == ["en", "ru"]
    assert all(r.persons and r.analysis["events"] for r in results)


def test_a_record_brings_its_own_date_title_and_outlet() -> None:
    body = (b"Court jails reporter in Vellmark\n"
            b"VELLMARK, 3 March 2022 (Northwire) - A court in Vellmark jailed the reporter Ana Dorsk for two "
            b"years on Friday, her lawyer said.\n")
    src = ingest_record(Record(id="feed.jsonl:4", body=body, kind="text", url="https://example.org/a",
                               date="2022-03-05T10:00:00Z", outlet="Eastwire", title="Reporter jailed"))
    assert (src.published, src.published_basis, src.outlet, src.title) == ("2022-03-05", "metadata", "Eastwire",
                                                                           "Reporter jailed")
    assert (src.file, src.path) == ("feed.jsonl:4", "https://example.org/a")
    bare = ingest_record(Record(id="feed.jsonl:5", body=body, kind="text"))
    assert (bare.published, bare.published_basis, bare.title) == ("2022-03-03", "dateline",
                                                                  "Court jails reporter in Vellmark")


def test_a_report_the_reader_fails_on_is_a_failure_and_the_batch_goes_on(monkeypatch) -> None:
    # no report is known to break the reader: one is made to, by a reader that fails on one text
    from casefile.batch import stages

    real = stages.read_sources

    def reader(sources):
        if any("Tarvik" in s.text for s in sources):
            raise ValueError("the parser gave up")
        return real(sources)

    monkeypatch.setattr(stages, "read_sources", reader)
    records = [Record(id="ok", body=_WARM_UP[0][1].encode(), kind="text"),
               Record(id="bad", body=b"Police in Tarvik detained Lev Marsh, a blogger, on Friday, his lawyer said.",
                      kind="text"),
               Record(id="ok-ru", body=_WARM_UP[1][1].encode(), kind="text")]
    results, failed = read_records(records)
    assert [r.record_id for r in results] == ["ok", "ok-ru"]
    assert failed == [("bad", "the reader failed on it (ValueError: the parser gave up); please report it")]
