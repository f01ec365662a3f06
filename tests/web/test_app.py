"""The web app through FastAPI's TestClient: headers, CSRF, roles, restricted cases, uploads."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from ..conftest import EXAMPLE
from .conftest import ADMIN, EDITOR, VIEWER


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def login(client: TestClient, who: tuple[str, str]) -> str:
    token = _csrf(client.get("/login").text)
    r = client.post("/login", data={"username": who[0], "password": who[1], "csrf": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return _csrf(client.get("/").text)


def editor_on_a_case(web_app, slug: str):
    """A case holding the example's wire report, and an editor signed in: (registry, client, token)."""
    reg = web_app.state.registry
    reg.new_case(slug)
    reg.add(slug, [EXAMPLE / "01_wire.txt"])
    client = TestClient(web_app)
    return reg, client, login(client, EDITOR)


def finish(client: TestClient, r, timeout: float = 120.0):
    """Follow an upload's job page until the add is done (the page reloads itself in a browser)."""
    import time

    until = time.monotonic() + timeout
    while "Adding reports" in r.text and time.monotonic() < until:
        r = client.get(str(r.url))
    assert "What changed" in r.text, r.text
    return r


def test_every_page_sends_a_strict_csp_and_no_inline_script(web_app) -> None:
    client = TestClient(web_app)
    r = client.get("/login")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in r.text


def test_pages_need_a_login(web_app) -> None:
    client = TestClient(web_app)
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_wrong_password_is_refused(web_app) -> None:
    client = TestClient(web_app)
    token = _csrf(client.get("/login").text)
    r = client.post("/login", data={"username": ADMIN[0], "password": "nope-nope", "csrf": token})
    assert r.status_code == 401 and "Wrong user name or password" in r.text


def test_a_form_without_the_csrf_token_is_refused(web_app) -> None:
    client = TestClient(web_app)
    login(client, EDITOR)
    r = client.post("/cases", data={"slug": "x-case", "title": "X", "csrf": "forged"})
    assert r.status_code == 403
    assert all(c.slug != "x-case" for c in web_app.state.registry.cases())


def test_editor_creates_a_case_and_uploads_reports(web_app) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    r = client.post("/cases", data={"slug": "yesenov", "title": "Blogger", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    files = [("files", (p.name, p.read_bytes())) for p in sorted(EXAMPLE.iterdir())]
    r = finish(client, client.post("/cases/yesenov/upload", data={"csrf": token}, files=files))
    assert r.status_code == 200 and "/jobs/" in str(r.url) and "Version 1: 3 report(s) added" in r.text
    page = client.get("/cases/yesenov").text
    assert "Timeline" in page and "01_wire.txt" in page


def test_a_bad_upload_gets_a_clear_message_and_nothing_stored_is_lost(web_app) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    client.post("/cases", data={"slug": "c1", "csrf": token})
    wire = EXAMPLE / "01_wire.txt"
    finish(client, client.post("/cases/c1/upload", data={"csrf": token}, files=[("files", (wire.name, wire.read_bytes()))]))
    r = client.post("/cases/c1/upload", data={"csrf": token},
                    files=[("files", ("virus.exe", b"MZ\x00\x00")), ("files", ("photo.txt", b"\x89PNG\x00\x00\x01"))])
    assert r.status_code == 400
    assert "virus.exe: not a report" in r.text and "photo.txt" in r.text and "binary" in r.text
    cf = web_app.state.registry.casefile("c1")
    assert [s.file for s in cf.sources] == ["01_wire.txt"]


def test_a_viewer_reads_but_cannot_change_and_sensitive_names_are_withheld(web_app) -> None:
    reg = web_app.state.registry
    reg.new_case("c2")
    reg.add("c2", [EXAMPLE / "01_wire.txt"])
    from casefile.store.identity import entity_key

    lawyer = next(e for e in reg.casefile("c2").entities if "Kassymova" in e.name)
    reg.decide("c2", "sensitive", entity_key(lawyer), note="threatened")
    client = TestClient(web_app)
    token = login(client, VIEWER)
    page = client.get("/cases/c2").text
    assert "Kassymova" not in page and "[name withheld]" in page
    assert "Add reports" not in page and "Review…" not in page and 'action="/cases/c2/review"' not in page
    assert client.post("/cases/c2/upload", data={"csrf": token, "pasted": "x" * 100}).status_code == 403
    assert "Kassymova" not in client.get("/cases/c2/export/json").text
    assert client.get("/cases/c2/sources/S1").status_code == 200
    assert "Kassymova" not in client.get("/cases/c2/sources/S1").text


def test_a_restricted_case_is_visible_only_to_members(web_app) -> None:
    reg, acc = web_app.state.registry, web_app.state.accounts
    reg.new_case("secret-case", "Secret")
    acc.set_restricted("secret-case", True, [EDITOR[0]])
    viewer = TestClient(web_app)
    login(viewer, VIEWER)
    assert "secret-case" not in viewer.get("/").text
    assert viewer.get("/cases/secret-case").status_code == 404
    editor = TestClient(web_app)
    login(editor, EDITOR)
    assert "Secret" in editor.get("/").text


def test_search_finds_a_case_by_an_alias(web_app) -> None:
    reg = web_app.state.registry
    reg.new_case("c3", "Third")
    reg.add("c3", [EXAMPLE / "01_wire.txt"])
    client = TestClient(web_app)
    login(client, EDITOR)
    assert "Third" in client.get("/", params={"q": "kassymova"}).text
    assert "Third" not in client.get("/", params={"q": "nobody-like-this"}).text


def test_hostile_report_text_is_escaped(web_app) -> None:
    reg = web_app.state.registry
    client = TestClient(web_app)
    token = login(client, EDITOR)
    client.post("/cases", data={"slug": "xss", "csrf": token})
    payload = ("The activist <script>alert('x')</script> Bob Stone was detained in Tbilisi on Monday, "
               "his lawyer <img src=x onerror=alert(1)> said on Tuesday.")
    r = finish(client, client.post("/cases/xss/upload", data={"csrf": token, "pasted": payload,
                                                               "pasted_name": "<b>evil</b>.txt"}))
    assert r.status_code == 200
    page = client.get("/cases/xss").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert reg.casefile("xss").sources[0].file.endswith(".txt")


def test_a_review_naming_an_unknown_entity_is_refused_clearly(web_app) -> None:
    reg, client, token = editor_on_a_case(web_app, "c9")
    first = reg.casefile("c9").entities[0].id
    r = client.post("/cases/c9/review", data={"csrf": token, "kind": "merge", "ref": first, "other": "E999"})
    assert r.status_code == 400 and "not recorded" in r.text
    assert [a["action"] for a in reg.audit("c9")] == ["new", "add"]


def test_a_cached_case_page_carries_each_session_its_own_token_and_shows_new_versions(web_app) -> None:
    reg = web_app.state.registry
    reg.new_case("c10")
    reg.add("c10", [EXAMPLE / "01_wire.txt"])
    a, b = TestClient(web_app), TestClient(web_app)
    login(a, EDITOR)
    login(b, EDITOR)
    page_a, page_b = a.get("/cases/c10").text, b.get("/cases/c10").text
    assert _csrf(page_a) != _csrf(page_b) and "__casefile_csrf_slot__" not in page_a
    assert "02_statement.md" not in page_a
    reg.add("c10", [EXAMPLE / "02_statement.md"])
    assert "02_statement.md" in a.get("/cases/c10").text


def test_a_correction_without_a_value_is_refused(web_app) -> None:
    reg, client, token = editor_on_a_case(web_app, "c11")
    ev = reg.casefile("c11").events[0].id
    r = client.post("/cases/c11/review", data={"csrf": token, "kind": "correct", "ref": ev, "field": "date", "value": ""})
    assert r.status_code == 400 and "needs the new value" in r.text
    r = client.post("/cases/c11/review", data={"csrf": token, "kind": "correct", "ref": ev, "field": "date",
                                                "value": "2024-05-13", "note": "court record"}, follow_redirects=False)
    assert r.status_code == 303
    corrected = [v for v in reg.casefile("c11").events if v.review == "corrected"]
    assert len(corrected) == 1 and corrected[0].date == "2024-05-13"


def test_only_an_admin_manages_accounts_and_access(web_app) -> None:
    editor = TestClient(web_app)
    token = login(editor, EDITOR)
    assert editor.get("/users").status_code == 403
    r = editor.post("/users", data={"csrf": token, "name": "mallory", "password": "long-enough-1", "role": "admin"})
    assert r.status_code == 403 and all(u.name != "mallory" for u in web_app.state.accounts.users())
    admin = TestClient(web_app)
    token = login(admin, ADMIN)
    r = admin.post("/users", data={"csrf": token, "name": "nina", "password": "long-enough-1", "role": "viewer"},
                   follow_redirects=False)
    assert r.status_code == 303 and any(u.name == "nina" and u.role == "viewer" for u in web_app.state.accounts.users())
    r = admin.post("/users", data={"csrf": token, "name": "short", "password": "x", "role": "viewer"})
    assert r.status_code == 400 and "8 characters" in r.text


def test_the_audit_page_reads_in_words(web_app) -> None:
    reg, client, token = editor_on_a_case(web_app, "c12")
    ev = next(v for v in reg.casefile("c12").events if v.type == "detention")
    client.post("/cases/c12/review", data={"csrf": token, "kind": "correct", "ref": ev.id, "field": "duration",
                                           "value": "P2M", "note": "court record"})
    page = client.get("/cases/c12/audit").text
    assert f"{ev.id} detention" in page and "duration set to 2 months" in page and "court record" in page
    assert "{&#34;" not in page and '{"' not in page  # no raw JSON of identity keys


def test_an_admin_changes_an_accounts_role_password_or_removes_it_and_its_sessions_end(web_app) -> None:
    accounts = web_app.state.accounts
    accounts.add_user("temp-editor", "temp-pass-1", "editor")
    victim = TestClient(web_app)
    login(victim, ("temp-editor", "temp-pass-1"))
    assert victim.get("/").status_code == 200
    admin = TestClient(web_app)
    token = login(admin, ADMIN)
    page = admin.get("/users").text
    assert "Change temp-editor" in page and "Reset password" in page and "Remove account" in page
    r = admin.post("/users/change", data={"csrf": token, "name": "temp-editor", "action": "role", "role": "viewer"},
                   follow_redirects=False)
    assert r.status_code == 303
    assert next(u for u in accounts.users() if u.name == "temp-editor").role == "viewer"
    # the changed account's old session no longer signs in; it signs in again as what it now is
    assert victim.get("/", follow_redirects=False).status_code == 303
    login(victim, ("temp-editor", "temp-pass-1"))
    admin.post("/users/change", data={"csrf": token, "name": "temp-editor", "action": "password",
                                      "password": "other-pass-2"})
    assert accounts.authenticate("temp-editor", "other-pass-2") is not None
    assert victim.get("/", follow_redirects=False).status_code == 303
    r = admin.post("/users/change", data={"csrf": token, "name": "temp-editor", "action": "password", "password": "x"})
    assert r.status_code == 400 and "password" in r.text.lower()
    admin.post("/users/change", data={"csrf": token, "name": "temp-editor", "action": "remove"})
    assert all(u.name != "temp-editor" for u in accounts.users())
    # the last admin stays one, and an editor manages no accounts
    r = admin.post("/users/change", data={"csrf": token, "name": ADMIN[0], "action": "remove"})
    assert r.status_code == 400 and "last admin" in r.text
    editor = TestClient(web_app)
    etoken = login(editor, EDITOR)
    assert editor.post("/users/change", data={"csrf": etoken, "name": VIEWER[0], "action": "remove"}).status_code == 403
