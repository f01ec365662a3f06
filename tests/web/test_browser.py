"""The web app in a real browser: Playwright driving Debian's chromium on a loopback server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import EXAMPLE
from .conftest import ADMIN, EDITOR, VIEWER

CHROMIUM = os.environ.get("CASEFILE_CHROMIUM", "/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no browser at {CHROMIUM} (apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    pg.base = live_server
    pg.dialogs, pg.errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _login(pg, who) -> None:
    pg.goto(pg.base + "/login")
    pg.fill("input[name=username]", who[0])
    pg.fill("input[name=password]", who[1])
    pg.click("button[type=submit]")
    pg.wait_for_url(pg.base + "/")


def _new_case(pg, slug: str, title: str) -> None:
    pg.goto(pg.base + "/")
    pg.fill("input[name=slug]", slug)
    pg.fill("input[name=title]", title)
    pg.click("text=Create case")
    pg.wait_for_url(f"{pg.base}/cases/{slug}")


def _upload(pg, slug: str, files: list[Path]) -> None:
    pg.goto(f"{pg.base}/cases/{slug}")
    pg.set_input_files("input[type=file]", [str(f) for f in files])
    pg.click("text=Add to the case")
    # a job page that reloads itself until the add is done (the first add starts the reader)
    pg.wait_for_selector("h1:has-text('What changed')", timeout=120_000)


def test_admin_logs_in_creates_a_case_uploads_and_reads_the_timeline(page) -> None:
    _login(page, ADMIN)
    assert page.title() == "Cases · casefile"
    _new_case(page, "browser-case", "Blogger in Karaganda")
    _upload(page, "browser-case", sorted(EXAMPLE.iterdir()))
    assert "3 report(s) added" in page.inner_text("main")
    page.click("text=Open the case file")
    assert page.is_visible("h2:has-text('Timeline')")
    rows = page.locator("table.timeline tbody tr")
    assert rows.count() >= 1
    page.screenshot(path=str(Path(os.environ.get("CASEFILE_SCREENSHOTS", "/tmp")) / "case-page.png"), full_page=True)
    assert page.dialogs == [] and page.errors == []


def test_clicking_a_fact_opens_its_source_with_the_quote_highlighted(page) -> None:
    _login(page, EDITOR)
    page.goto(page.base + "/cases/browser-case")
    link = page.locator("a.evidence").first
    if link.count() == 0:
        pytest.skip("no events with evidence in the example")
    quote = link.inner_text().strip("“”")
    link.click()
    page.wait_for_selector("mark#hl")
    assert page.inner_text("mark#hl") == quote


def test_a_review_decision_survives_a_new_upload(page) -> None:
    _login(page, EDITOR)
    _new_case(page, "review-case", "Review")
    _upload(page, "review-case", [EXAMPLE / "01_wire.txt"])
    page.goto(page.base + "/cases/review-case")
    row = page.locator("table.timeline tbody tr").first
    review = row.locator("summary", has_text="Review")
    if review.count() == 0:
        pytest.skip("no events in the first report")
    event_type = row.locator("td").nth(1).inner_text()
    review.click()
    row.locator("select[name=kind]").select_option("confirm")
    row.locator("input[name=note]").fill("checked by phone")
    row.locator("text=Record").click()
    page.wait_for_selector("span.tag.ok")
    _upload(page, "review-case", [EXAMPLE / "02_statement.md", EXAMPLE / "03_release.html"])
    page.goto(page.base + "/cases/review-case")
    confirmed = page.locator("table.timeline tbody tr:has(span.tag.ok)")
    assert confirmed.count() == 1
    assert event_type.split(" confirmed")[0] in confirmed.first.inner_text()


def test_a_viewer_cannot_edit_and_does_not_see_a_sensitive_name(page, live_server) -> None:
    _login(page, EDITOR)
    _new_case(page, "sensitive-case", "Sensitive")
    _upload(page, "sensitive-case", [EXAMPLE / "01_wire.txt"])
    page.goto(page.base + "/cases/sensitive-case")
    row = page.locator("table tbody tr:has(td:first-child:has-text('Kassymova'))").first
    row.locator("summary").click()
    row.locator("text=Mark sensitive").click()
    page.wait_for_selector("span.tag.warn")
    page.click("text=Log out")
    _login(page, VIEWER)
    page.goto(page.base + "/cases/sensitive-case")
    body = page.inner_text("body")
    assert "Kassymova" not in body and "[name withheld]" in body
    assert page.locator("text=Add reports").count() == 0
    assert page.locator("button:has-text('Record')").count() == 0
    assert page.locator("summary:has-text('Review')").count() == 0 and page.locator("text=Mark sensitive").count() == 0


def test_a_hostile_report_fires_nothing(page, tmp_path: Path) -> None:
    _login(page, EDITOR)
    _new_case(page, "hostile-case", "Hostile")
    evil = tmp_path / "evil<img src=x onerror=alert(2)>.html"
    evil.write_text("<html><body><article><p>The activist <script>alert('pwned')</script>Ann Lee was detained in "
                    "Tbilisi on Monday, her lawyer said. &lt;img src=x onerror=alert(1)&gt; She was charged with "
                    "hooliganism.</p><p>\"We will appeal,\" said her lawyer <img src=x onerror=alert(3)>Tom Roe.</p>"
                    "</article></body></html>")
    text = tmp_path / "plain.txt"
    text.write_text("The journalist <script>alert(4)</script> Joe Park was fined 100 euros in Riga on Friday, "
                    "his editor said. <img src=x onerror=alert(5)> He will appeal the fine.")
    _upload(page, "hostile-case", [evil, text])
    page.goto(page.base + "/cases/hostile-case")
    page.goto(page.base + "/cases/hostile-case/sources/S2")
    page.goto(page.base + "/?q=<script>")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert not [e for e in page.errors if "Content Security Policy" not in e]


def test_a_bad_upload_gets_a_clear_message(page, tmp_path: Path) -> None:
    _login(page, EDITOR)
    _new_case(page, "bad-upload", "Bad upload")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.goto(page.base + "/cases/bad-upload")
    page.set_input_files("input[type=file]", [str(bad), str(empty)])
    page.click("text=Add to the case")
    alert = page.locator("[role=alert]")
    alert.wait_for(timeout=120_000)
    msg = alert.inner_text()
    assert "empty.txt" in msg and "empty" in msg
    assert "scan.pdf" in msg


def test_the_history_of_a_case_in_the_browser(page) -> None:
    """The version list, a past version read only, and what changed between any two versions."""
    _login(page, EDITOR)
    _new_case(page, "history-case", "History")
    reports = sorted(EXAMPLE.iterdir())
    _upload(page, "history-case", reports[:1])
    _upload(page, "history-case", reports[1:])
    page.goto(page.base + "/cases/history-case")
    page.click("a:has-text('versions')")
    page.wait_for_selector("h1:has-text('Versions')")
    assert page.locator("table tbody tr").count() == 2
    page.click("a[href='/cases/history-case/versions/1']")
    banner = page.inner_text("div.warn")
    assert "Version 1 of 2" in banner and "read only" in banner
    assert page.locator("form[action='/cases/history-case/review']").count() == 0  # no decisions on the past
    page.go_back()
    page.select_option("select[name=frm]", "1")
    page.select_option("select[name=to]", "2")
    page.click("text=Show what changed")
    page.wait_for_selector("h1:has-text('What changed')")
    text = page.inner_text("main")
    assert "From version 1 to 2" in text and "new source" in text
    assert page.errors == []


def test_an_event_shows_two_quotes_and_folds_the_rest_one_click_away(page, tmp_path) -> None:
    reports = []
    for i, outlet in enumerate(["Wire One", "Daily Two", "Radio Three", "Paper Four"]):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"{outlet}, 14 May 2024. Police detained the blogger Marat Yesenov on May 14 in Karaganda, "
                     f"his lawyer told {outlet}. He denies the charges.\n", encoding="utf-8")
        reports.append(p)
    _login(page, EDITOR)
    _new_case(page, "folded-case", "Folded")
    _upload(page, "folded-case", reports)
    page.goto(page.base + "/cases/folded-case")
    row = page.locator("table.timeline tbody tr", has_text="detention").first
    folded = row.locator("details.more")
    assert folded.count() == 1
    assert row.locator(":scope > td > blockquote").count() == 2
    hidden = folded.locator("blockquote").first
    assert not hidden.is_visible()
    folded.locator("summary").click()
    assert hidden.is_visible()
    assert page.errors == []


def test_an_upload_page_shows_progress_and_reloads_itself_to_what_changed(page, tmp_path: Path, monkeypatch) -> None:
    from casefile.web.routes import uploads as uploads_module

    monkeypatch.setattr(uploads_module, "QUICK_SECONDS", 0.0)  # the running job's page, not its end
    _login(page, EDITOR)
    _new_case(page, "progress-case", "Progress")
    reports = []
    for i in range(6):
        r = tmp_path / f"report-{i}.txt"
        r.write_text((EXAMPLE / "01_wire.txt").read_text(encoding="utf-8") + f"\nUpdate {i}.\n" * 30, encoding="utf-8")
        reports.append(r)
    page.goto(page.base + "/cases/progress-case")
    page.set_input_files("input[type=file]", [str(r) for r in reports])
    page.click("text=Add to the case")
    page.wait_for_selector("h1:has-text('Adding reports')")
    assert page.locator("progress").count() == 1 and "report-0.txt" in page.inner_text("main")
    page.wait_for_selector("h1:has-text('What changed')", timeout=120_000)  # no click: the page reloaded itself
    assert "6 report(s) added" in page.inner_text("main")
    assert not [e for e in page.errors if "Content Security Policy" not in e]


def test_sign_in_is_throttled_and_logging_out_ends_every_copy_of_the_session(page, browser) -> None:
    _login(page, ADMIN)
    page.goto(page.base + "/users")
    page.fill("form[action='/users'] input[name=name]", "throttled-user")
    page.fill("form[action='/users'] input[name=password]", "right-pass-1")
    page.select_option("form[action='/users'] select[name=role]", "viewer")
    page.click("text=Create account")
    page.click("text=Log out")
    for _ in range(5):
        page.goto(page.base + "/login")
        page.fill("input[name=username]", "throttled-user")
        page.fill("input[name=password]", "wrong-pass-1")
        page.click("button[type=submit]")
        assert "Wrong user name or password" in page.inner_text("main")
    page.fill("input[name=username]", "throttled-user")
    page.fill("input[name=password]", "right-pass-1")
    page.click("button[type=submit]")
    assert "Too many failed attempts" in page.inner_text("[role=alert]") and page.url.endswith("/login")
    # another account from the same address still signs in; a copy of its cookie dies with the logout
    _login(page, EDITOR)
    cookies = page.context.cookies()
    page.click("text=Log out")
    thief = browser.new_context()
    thief.add_cookies(cookies)
    other = thief.new_page()
    other.goto(page.base + "/")
    assert other.url.endswith("/login")
    thief.close()


def test_an_admin_changes_an_accounts_role_on_the_accounts_page(page) -> None:
    _login(page, ADMIN)
    page.goto(page.base + "/users")
    page.fill("form[action='/users'] input[name=name]", "role-change-user")
    page.fill("form[action='/users'] input[name=password]", "first-pass-1")
    page.click("text=Create account")
    page.click("summary:has-text('Change role-change-user')")
    row = page.locator("tr", has_text="role-change-user")
    row.locator("select[name=role]").select_option("editor")
    row.locator("text=Set role").click()
    page.wait_for_url(page.base + "/users")
    assert "editor" in page.locator("tr", has_text="role-change-user").inner_text()
    assert not [e for e in page.errors if "Content Security Policy" not in e]
