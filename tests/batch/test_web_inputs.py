"""Batch input from web archives (WARC, WARC.gz) and feeds (RSS, Atom): each report with its
URL and date, the rest of the archive counted, a damaged record named by its place."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casefile.batch.records import BadRecord, NotReport, Record, iter_records
from casefile.batch.run import run_local
from casefile.batch.stages import ingest_record

ARTICLE = """<html><head><title>Court jails poet in Vellmark</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Court jails poet in Vellmark</h1>
<p>VELLMARK — A court in Vellmark sentenced Ana Dorsk, a poet, to four years in prison on Tuesday
for a poem she read at a rally, her lawyer said.</p>
<p>Police detained Ana Dorsk in March. Ana Dorsk denied the charges and said she would appeal.
Her lawyer Tom Brenn said the trial was closed to the press and to her family.</p>
</article><footer>Copyright Northwire</footer></body></html>"""

UNDATED = """<html><head><title>Blogger detained</title></head><body><article>
<p>Police detained Lev Marsh, a blogger, at his home and searched his flat, his wife said. Lev Marsh was
charged with insulting officials and held overnight at a police station before a court hearing.</p>
</article></body></html>"""


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
              status: str = "200 OK", date: str = "2024-05-07T09:30:00Z") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": date}))


def _crawl(path: Path, gz: bool) -> None:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "a test"}))
        _response(w, "https://news.example/poet", ARTICLE.encode())
        _response(w, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
        _response(w, "https://news.example/gone", b"<html>gone</html>", status="404 Not Found")
        _response(w, "https://news.example/blogger", UNDATED.encode(), date="2024-06-02T11:00:00Z")
        _response(w, "https://news.example/empty", b"")


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_a_warc_gives_its_html_responses_with_their_url_and_capture_date(tmp_path: Path, name: str,
                                                                         gz: bool) -> None:
    path = tmp_path / name
    _crawl(path, gz)
    items = list(iter_records([str(path)]))
    reports = [r for r in items if isinstance(r, Record)]
    assert [(r.url, r.kind, r.captured) for r in reports] == [
        ("https://news.example/poet", "html", "2024-05-07T09:30:00Z"),
        ("https://news.example/blogger", "html", "2024-06-02T11:00:00Z")]
    assert [r.id for r in reports] == [f"{name}:2", f"{name}:5"]  # record numbers, the warcinfo first
    skipped = [r for r in items if isinstance(r, NotReport)]
    assert [s.why.split(": ", 1)[1] for s in skipped] == ["image/png", "HTTP status 404"]
    (bad,) = [r for r in items if isinstance(r, BadRecord)]
    assert bad.id == f"{name}:6" and bad.problem.startswith("record 6 (byte ") and bad.problem.endswith("empty")
    # the page goes through the HTML path: its article, not its menu or footer
    src = ingest_record(reports[0])
    assert src.format == "html" and src.path == "https://news.example/poet"
    assert "sentenced Ana Dorsk" in src.text and "Home" not in src.text and "Copyright" not in src.text
    # a page that gives no date of its own is dated by its capture, and says so
    undated = ingest_record(reports[1])
    assert undated.published == "2024-06-02" and "captured" in undated.warnings[-1]


def test_a_damaged_warc_names_the_record_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "a.warc.gz"
    _crawl(good, gz=True)
    data = good.read_bytes()
    cut = tmp_path / "b.warc.gz"
    cut.write_bytes(data[: len(data) // 2] + b"this is no gzip member")  # a transfer broken off half-way
    items = list(iter_records([str(cut), str(good)]))
    bad = [r for r in items if isinstance(r, BadRecord) and r.id.startswith("b.warc.gz")]
    assert len(bad) == 1 and "the rest of the file is skipped" in bad[0].problem and "record" in bad[0].problem
    assert [r.url for r in items if isinstance(r, Record) and r.id.startswith("a.warc.gz")] == [
        "https://news.example/poet", "https://news.example/blogger"]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Northwire</title><link>https://northwire.example/</link>
<item><title>Court jails poet in Vellmark</title><link>https://northwire.example/poet</link>
<pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>
<description><![CDATA[<p>A court in Vellmark sentenced Ana Dorsk, a poet, to four years in prison on Tuesday,
her lawyer said. Police detained Ana Dorsk in March and charged her with insulting officials.</p>]]></description>
</item>
<item><title>No text here</title><link>https://northwire.example/empty</link></item>
<item><title>Harvest</title><link>https://northwire.example/harvest</link>
<pubDate>Wed, 08 May 2024 09:00:00 GMT</pubDate><description>Farmers expect a record wheat harvest.</description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Eastwire</title>
<entry><title>Blogger detained</title><link href="https://eastwire.example/blogger"/>
<updated>2024-06-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Police detained Lev Marsh, a blogger, in Tarvik on Sunday and charged him with
insulting officials, his wife said. A court will hear the case on Monday.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_entries_are_reports_with_their_link_date_title_and_outlet(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "north.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "feeds" / "east.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "feeds" / "settings.xml").write_text("<settings><a>1</a></settings>", encoding="utf-8")
    items = list(iter_records([str(tmp_path / "feeds")]))  # an .xml that is no feed is left alone
    reports = [r for r in items if isinstance(r, Record)]
    assert [(r.id, r.url, r.date, r.outlet, r.title) for r in reports] == [
        ("east.xml:1", "https://eastwire.example/blogger", "2024-06-02", "Eastwire", "Blogger detained"),
        ("north.rss:1", "https://northwire.example/poet", "2024-05-07", "Northwire", "Court jails poet in Vellmark"),
        ("north.rss:3", "https://northwire.example/harvest", "2024-05-08", "Northwire", "Harvest")]
    assert [(b.id, b.problem) for b in items if isinstance(b, BadRecord)] == [
        ("north.rss:2", "entry 2: no content or summary")]
    src = ingest_record(reports[1])
    assert (src.published, src.published_basis, src.outlet, src.title) == (
        "2024-05-07", "metadata", "Northwire", "Court jails poet in Vellmark")
    assert src.text.startswith("A court in Vellmark sentenced Ana Dorsk")


def test_a_feed_broken_part_way_gives_the_entries_before_the_fault(tmp_path: Path) -> None:
    broken = RSS.replace("<item><title>Harvest", "<item><title>Harvest & <b>ruin")
    path = tmp_path / "broken.rss"
    path.write_text(broken, encoding="utf-8")
    items = list(iter_records([str(path)]))
    bad = [b for b in items if isinstance(b, BadRecord)]
    assert bad and bad[0].problem.startswith("line ") and "the feed is damaged" in bad[0].problem
    assert [r.url for r in items if isinstance(r, Record)][:1] == ["https://northwire.example/poet"]
    (tmp_path / "junk.rss").write_bytes(gzip.compress(b"not a feed at all"))
    (junk,) = list(iter_records([str(tmp_path / "junk.rss")]))
    assert isinstance(junk, BadRecord) and "not a readable RSS or Atom feed" in junk.problem


def test_a_run_over_a_warc_and_a_feed_builds_the_case_and_counts_the_rest(tmp_path: Path) -> None:
    _crawl(tmp_path / "crawl.warc.gz", gz=True)
    (tmp_path / "north.rss").write_text(RSS, encoding="utf-8")
    summary = run_local([str(tmp_path / "crawl.warc.gz"), str(tmp_path / "north.rss")], tmp_path / "out")
    assert summary.not_reports == 2  # the image and the 404 page
    assert sorted(rid for rid, _ in summary.failed) == ["crawl.warc.gz:6", "north.rss:2"]
    assert summary.irrelevant == 1  # the harvest
    cases = {c["case"]: c for c in summary.cases}
    assert cases["ana-dorsk"]["sources"] == 2  # the page in the crawl and the feed's entry
