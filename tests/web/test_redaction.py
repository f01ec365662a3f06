"""No sensitive name reaches a viewer: a name is marked sensitive, then every page a viewer can
reach (found by following the links of the pages themselves) and every export is searched for
every spelling of it, case-folded, inside tokens and file names too."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from fastapi.testclient import TestClient

from casefile.store.identity import entity_key

from .conftest import EDITOR, VIEWER
from .test_app import login

# a fictional lawyer, written three ways across the reports, and once inside a hashtag
WIRE = ("ALMATY, March 3 (Newswire) - Police detained the blogger Ruslan Temirov on Tuesday, his lawyer "
        "Dilnoza Kurbanova said. Kurbanova said the charges were invented. Supporters posted "
        "#FreeTemirovNow and #ThanksKurbanova on social media.")
STATEMENT = ("Адвокат Дильноза Курбанова сообщила, что блогера Руслана Темирова задержали 3 марта. "
             "По словам Курбановой, обвинение сфабриковано.")
SPELLINGS = ("kurbanova", "kurbanov", "курбанов", "dilnoza", "дильноз")


def _pages(client: TestClient, start: list[str], limit: int = 80) -> dict[str, str]:
    """Every GET page of the site reachable from `start` by its links (no logout, no forms)."""
    seen: dict[str, str] = {}
    todo = list(start)
    while todo and len(seen) < limit:
        url = todo.pop(0)
        if url in seen or "/logout" in url or url.startswith("/static/"):
            continue
        r = client.get(url)
        seen[url] = r.text
        if "html" not in r.headers.get("content-type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)', r.text):
            target = urljoin(url, href.replace("&amp;", "&"))
            if not urlsplit(target).netloc or urlsplit(target).netloc == "testserver":
                todo.append(urlsplit(target)._replace(scheme="", netloc="").geturl())
    return seen


def test_a_sensitive_name_reaches_no_viewer_page_or_export(web_app, tmp_path: Path) -> None:
    reg = web_app.state.registry
    reg.new_case("case-7", "Kurbanova's client")  # an editor may write the name into a title
    wire, statement = tmp_path / "01_wire.txt", tmp_path / "kurbanova-statement.txt"
    wire.write_text(WIRE, encoding="utf-8")
    statement.write_text(STATEMENT, encoding="utf-8")
    reg.add("case-7", [wire])
    reg.add("case-7", [statement])
    lawyer = next(e for e in reg.casefile("case-7").entities if "Kurbanova" in e.name)
    reg.decide("case-7", "sensitive", entity_key(lawyer), note="threatened")
    reg.new_case("case-8", "Another case")  # the name is withheld in every case, not only its own
    other = tmp_path / "other.txt"
    other.write_text("Dilnoza Kurbanova now defends a second blogger, Aidar Sultanov, detained on Monday.",
                     encoding="utf-8")
    reg.add("case-8", [other])

    editor = TestClient(web_app)
    login(editor, EDITOR)
    assert "Kurbanova" in editor.get("/cases/case-7").text  # an editor sees the names

    viewer = TestClient(web_app)
    login(viewer, VIEWER)
    start = ["/", "/?q=Kurbanova", "/?q=Курбанова", "/cases/case-7", "/cases/case-8", "/cases/case-7/changes",
             "/cases/case-7/changes?frm=0&to=3", *(f"/cases/case-7/export/{f}" for f in ("json", "html", "md", "csv"))]
    pages = _pages(viewer, start)
    assert len(pages) > len(start)  # the crawl went on to the sources and beyond
    assert any("/sources/" in url for url in pages)
    for url, text in pages.items():
        folded = text.casefold()
        leaks = [s for s in SPELLINGS if s in folded]
        assert not leaks, f"{url} shows {leaks}"
    # a search for the withheld name finds nothing: the case cannot be found by it
    assert "case-7" not in pages["/?q=Kurbanova"].split("<main", 1)[-1]


def test_a_redacted_export_from_the_command_line_withholds_every_spelling(web_app, tmp_path: Path) -> None:
    reg = web_app.state.registry
    reg.new_case("case-9")
    statement = tmp_path / "kurbanova-statement.txt"
    statement.write_text(STATEMENT + " " + WIRE, encoding="utf-8")
    reg.add("case-9", [statement])
    lawyer = next(e for e in reg.casefile("case-9").entities if "Kurbanova" in e.name or "Курбанова" in e.name)
    reg.decide("case-9", "sensitive", entity_key(lawyer))
    for fmt in ("json", "html", "md", "csv"):
        text = reg.export("case-9", fmt, redacted=True).casefold()
        assert not [s for s in SPELLINGS if s in text], fmt
        assert "kurbanova" in reg.export("case-9", fmt).casefold() or fmt == "csv"
