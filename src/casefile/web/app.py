"""FastAPI app over the registry: the case list, case pages with their evidence, uploads,
review, accounts. Source text is untrusted: templates autoescape, the CSP forbids inline
script, and no page needs JavaScript.

`create_app` builds the app: its middleware, the shared `WebContext` on `app.state.web`, and
the routes, which live in `casefile.web.routes` as one `APIRouter` per concern."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware

from casefile.render.fmt import register_filters
from casefile.store import Registry
from casefile.store.accounts import Accounts
from casefile.web.context import WebContext, http_error, redactor_for, signed_in
from casefile.web.guard import BodyGate, LoginThrottle, Sessions
from casefile.web.jobs import Jobs
from casefile.web.redaction import RedactForReaders
from casefile.web.routes import auth, case, registry, review, uploads
from casefile.web.routes.uploads import MAX_UPLOAD

HERE = Path(__file__).parent
MAX_BODY = 5 * MAX_UPLOAD  # one request: a few reports at most
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
SESSION_SECONDS = 12 * 3600


def create_app(db: str = "casefile.db", secret: str | None = None, secure_cookies: bool | None = None) -> FastAPI:
    """The app over the registry at `db`. `secure_cookies` (default: the environment variable
    CASEFILE_SECURE_COOKIES=1) sends the session cookie over HTTPS only: set it behind TLS."""
    store = Registry(db)
    accounts = Accounts(store)
    jobs = Jobs(db)
    if secure_cookies is None:
        secure_cookies = os.environ.get("CASEFILE_SECURE_COOKIES", "") == "1"
    app = FastAPI(title="casefile", docs_url=None, redoc_url=None, openapi_url=None)
    # inside the session middleware (added later, so it wraps these): they need the reader
    app.add_middleware(RedactForReaders, redactor_for=redactor_for)
    app.add_middleware(BodyGate, signed_in=signed_in, max_body=MAX_BODY)
    app.add_middleware(SessionMiddleware, secret_key=secret or os.environ.get("CASEFILE_SECRET") or secrets.token_hex(32),
                       same_site="strict", session_cookie="casefile_session", max_age=SESSION_SECONDS,
                       https_only=secure_cookies)
    # a large case's page is half a megabyte of HTML; the fastest gzip level makes it a tenth
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=1)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.autoescape = True
    register_filters(templates.env)
    app.add_middleware(SecurityHeaders)

    app.state.web = WebContext(registry=store, accounts=accounts, sessions=Sessions(SESSION_SECONDS),
                               throttle=LoginThrottle(), jobs=jobs, templates=templates)
    app.exception_handler(HTTPException)(http_error)  # every router's routes: 303 redirects, the rest an error page
    for routes in (auth, registry, case, uploads, review):
        app.include_router(routes.router)

    app.state.registry = store
    app.state.accounts = accounts
    app.state.jobs = jobs
    return app


class SecurityHeaders:
    """Every response gets the CSP and its companions (a plain ASGI middleware: Starlette's
    BaseHTTPMiddleware costs a task and a stream per request)."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # case data never stays in a browser's or a proxy's cache; the style sheet may
        extra = [] if scope.get("path", "").startswith("/static/") else [(b"cache-control", b"no-store")]

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in self.HEADERS + extra}
                message["headers"] = [h for h in message.get("headers", []) if h[0] not in names] + self.HEADERS + extra
            await send(message)

        await self.app(scope, receive, with_headers)
