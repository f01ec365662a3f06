"""HTML pages: trafilatura's text and metadata, through casefile's ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.errors import IngestError
from casefile.ingest import read_source
from casefile.ingest.html import extract_html

PAGE = """<!doctype html><html lang="en"><head>
<title>Tarvik court frees blogger under travel ban | Northern Ledger</title>
<meta property="og:site_name" content="Northern Ledger">
<meta property="article:published_time" content="2021-07-12T09:00:00Z">
<script>var tracking = "SCRIPT WORDS";</script><style>.a{content:"STYLE WORDS"}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Tarvik court frees blogger under travel ban</h1>
<p>The blogger Lena Vortsova was released from pre-trial detention in Tarvik on Thursday after a court gave her a
suspended sentence of two years, her lawyer Oskar Brandt said.</p>
<p>The court found Vortsova guilty of spreading false information and banned her from leaving the region for a
year. She was also fined 500,000 crowns.</p>
<ul><li>Hearing: 8 July</li><li>Verdict: 12 July</li></ul>
</article>
<footer>© 2021 Northern Ledger. All rights reserved.</footer>
</body></html>"""


def test_page_text_metadata_and_title_without_site_name() -> None:
    source = read_source(Path("page.html"), PAGE.encode(), "S1")
    assert source.title == "Tarvik court frees blogger under travel ban"
    assert source.outlet == "Northern Ledger"
    assert (source.published, source.published_basis) == ("2021-07-12", "metadata")
    assert source.language == "en"
    assert "suspended sentence of two years" in source.text
    assert "Verdict: 12 July" in source.text  # a list in the article is the article's
    for word in ("SCRIPT WORDS", "STYLE WORDS", "All rights reserved"):
        assert word not in source.text


def test_page_without_article_text_raises() -> None:
    with pytest.raises(IngestError, match="no article text"):
        extract_html("<html><head><script>x = 1</script></head><body></body></html>", "p.html")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=1500), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_arbitrary_bytes_become_a_source_or_an_ingest_error(data: bytes, name: str) -> None:
    try:
        source = read_source(Path(name), data, "S1")
    except IngestError as exc:
        assert exc.file == name
    else:
        assert source.text.strip()
