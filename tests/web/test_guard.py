"""Sign-in guards: throttling, sessions that end at logout, CSRF with no token, no caching."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from casefile.web import create_app
from casefile.web.guard import ACCOUNT_ATTEMPTS, ADDRESS_ATTEMPTS, LoginThrottle

from .conftest import EDITOR, VIEWER
from .test_app import _csrf, login


def _try(client: TestClient, who: str, password: str):
    token = _csrf(client.get("/login").text)
    return client.post("/login", data={"username": who, "password": password, "csrf": token}, follow_redirects=False)


def test_repeated_wrong_passwords_lock_the_account_for_a_while_even_with_the_right_one(web_app) -> None:
    client = TestClient(web_app)
    for _ in range(ACCOUNT_ATTEMPTS):
        assert _try(client, VIEWER[0], "wrong-wrong").status_code == 401
    r = _try(client, VIEWER[0], VIEWER[1])
    assert r.status_code == 429 and "Too many failed attempts" in r.text
    assert _try(client, EDITOR[0], EDITOR[1]).status_code == 303  # another account is not locked


def test_the_throttle_counts_per_address_and_forgets_after_its_window() -> None:
    now = [0.0]
    t = LoginThrottle(clock=lambda: now[0])
    for i in range(ADDRESS_ATTEMPTS):
        t.failed(f"user{i}", "10.0.0.1")
    assert t.wait("someone-else", "10.0.0.1") > 0 and t.wait("someone-else", "10.0.0.2") == 0
    now[0] = 16 * 60
    assert t.wait("someone-else", "10.0.0.1") == 0


def test_logout_ends_the_session_for_every_copy_of_its_cookie(web_app) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    stolen = dict(client.cookies)
    assert client.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    other = TestClient(web_app, cookies=stolen)
    r = other.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_an_empty_csrf_token_is_never_accepted(web_app) -> None:
    client = TestClient(web_app)
    r = client.post("/login", data={"username": EDITOR[0], "password": EDITOR[1], "csrf": ""}, follow_redirects=False)
    assert r.status_code == 403  # no form was served, so no token: refused, not compared as "" == ""


def test_pages_with_case_data_are_not_cached(web_app) -> None:
    client = TestClient(web_app)
    login(client, VIEWER)
    assert client.get("/").headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def test_secure_cookies_are_sent_over_https_only(tmp_path) -> None:
    app = create_app(str(tmp_path / "s.db"), secret="x", secure_cookies=True)
    r = TestClient(app).get("/login")
    assert "secure" in r.headers["set-cookie"].lower()
    plain = TestClient(create_app(str(tmp_path / "p.db"), secret="x")).get("/login")
    assert "secure" not in plain.headers["set-cookie"].lower()


def test_a_post_without_a_sign_in_is_refused_before_its_body_is_read() -> None:
    import asyncio

    from casefile.web.guard import BodyGate

    async def app(scope, receive, send):  # would read the body
        await receive()
        raise AssertionError("the app ran without a sign-in")

    async def receive():
        raise AssertionError("the body was read")

    sent = []

    async def send(message):
        sent.append(message)

    gate = BodyGate(app, signed_in=lambda scope: False, max_body=10)
    scope = {"type": "http", "method": "POST", "path": "/cases/x/upload", "headers": [(b"content-length", b"99999999")]}
    asyncio.run(gate(scope, receive, send))
    assert sent[0]["status"] == 303 and (b"location", b"/login") in sent[0]["headers"]


def test_an_oversized_body_gets_an_html_page(web_app) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    client.post("/cases", data={"slug": "big-case", "csrf": token})
    r = client.post("/cases/big-case/upload", data={"csrf": token},
                    files=[("files", ("big.txt", b"x" * (51 * 1024 * 1024)))])
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html") and "Too large" in r.text
    r = TestClient(web_app).post("/cases/big-case/upload", files=[("files", ("a.txt", b"x" * 1000))],
                                 follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_a_form_sent_from_another_site_is_refused_even_with_the_token(web_app) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    r = client.post("/cases", data={"slug": "from-elsewhere", "csrf": token}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/cases", data={"slug": "from-here", "csrf": token}, headers={"origin": "http://testserver"},
                    follow_redirects=False)
    assert r.status_code == 303


def test_an_editor_learns_nothing_of_a_restricted_case_from_its_name(web_app) -> None:
    reg, acc = web_app.state.registry, web_app.state.accounts
    reg.new_case("hidden-case")
    acc.set_restricted("hidden-case", True, [])
    reg.new_case("open-case")
    client = TestClient(web_app)
    token = login(client, EDITOR)
    hidden = client.post("/cases", data={"slug": "hidden-case", "csrf": token})
    public = client.post("/cases", data={"slug": "open-case", "csrf": token})
    assert hidden.status_code == public.status_code == 400
    message = re.compile(r"The case name .* cannot be used")
    assert message.search(hidden.text) and message.search(public.text) and "exists" not in hidden.text


def test_a_long_upload_name_keeps_its_extension() -> None:
    from casefile.web.routes.uploads import _safe_name

    name = _safe_name("a" * 300 + ".html")
    assert len(name) <= 120 and name.endswith(".html")


def test_search_finds_a_name_written_in_another_script(web_app, tmp_path) -> None:
    reg = web_app.state.registry
    reg.new_case("script-case")
    report = tmp_path / "r.txt"
    report.write_text("Полиция задержала блогера Руслана Темирова во вторник, сообщил его адвокат. "
                      "Суд арестовал Темирова на два месяца.", encoding="utf-8")
    reg.add("script-case", [report])
    client = TestClient(web_app)
    login(client, EDITOR)
    main = client.get("/?q=Temirov").text.split("<main", 1)[-1]
    assert "script-case" in main
    assert "script-case" not in client.get("/?q=Kuznetsov").text.split("<main", 1)[-1]
