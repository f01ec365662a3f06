"""Signing in and out."""

from __future__ import annotations

import secrets
import time

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from casefile.web.context import check_csrf, page, web

router = APIRouter()


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return page(request, "login.html", error=None)


@router.post("/login")
def login(request: Request, username: str = Form(...), password: str = Form(...), csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    ctx = web(request)
    address = request.client.host if request.client else "?"
    wait = ctx.throttle.wait(username, address)
    if wait:
        return page(request, "login.html", http_status=429,
                    error=f"Too many failed attempts; try again in {wait // 60 + 1} minute(s).")
    with ctx.throttle.hashing:  # a few hashes at once: each takes 64 MiB
        user = ctx.accounts.authenticate(username, password)
    if user is None:
        ctx.throttle.failed(username, address)
        return page(request, "login.html", http_status=401, error="Wrong user name or password.")
    ctx.throttle.succeeded(username)
    request.session.clear()
    request.session["uid"] = user.id
    request.session["sid"] = secrets.token_urlsafe(16)
    request.session["since"] = time.time()
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    sid = request.session.get("sid")
    if isinstance(sid, str):
        web(request).sessions.end(sid)  # a copy of the cookie kept elsewhere signs no one in either
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
