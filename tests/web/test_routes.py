"""Every router of `casefile.web.routes` is served by the app and shares its error handling:
a page without a sign-in sends the reader to the sign-in form, and a refused form gets the
error page, whichever module the route lives in."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from casefile.web.routes import auth, case, registry, review, uploads

from .conftest import VIEWER
from .test_app import login

ROUTERS = (auth, registry, case, uploads, review)
# every required form field of any route, so that a request reaches the route's own checks
FIELDS = {"username": "someone", "password": "some-pass", "slug": "some-case", "kind": "confirm",
          "ref": "e1", "name": "someone", "role": "viewer", "csrf": ""}


def _routes(method: str) -> list[str]:
    paths = [re.sub(r"\{[^}]+\}", "1", r.path) for m in ROUTERS for r in m.router.routes
             if isinstance(r, APIRoute) and method in r.methods]
    assert paths, f"no {method} routes"
    return paths


def test_every_page_but_the_sign_in_form_sends_a_reader_without_a_sign_in_to_it(web_app) -> None:
    client = TestClient(web_app)
    for path in _routes("GET"):
        r = client.get(path, follow_redirects=False)
        if path == "/login":
            assert r.status_code == 200
        else:
            assert (r.status_code, r.headers.get("location")) == (303, "/login"), path


def test_every_form_without_its_token_gets_the_error_page(web_app) -> None:
    client = TestClient(web_app)
    login(client, VIEWER)
    for path in _routes("POST"):
        r = client.post(path, data=FIELDS, follow_redirects=False)
        assert r.status_code == 403, path
        assert r.headers["content-type"].startswith("text/html") and "<main" in r.text, path
        assert "did not come from this site" in r.text, path
