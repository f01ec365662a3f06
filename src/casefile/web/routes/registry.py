"""The registry: the case list with its search, a new case, and the accounts."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from casefile.core.names import token_skeletons
from casefile.errors import CasefileError
from casefile.store import Registry
from casefile.store.accounts import User
from casefile.store.identity import fold
from casefile.store.redaction import redact
from casefile.web.context import check_csrf, page, require_admin, require_editor, require_user, web

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def cases(request: Request, q: str = "", status: str = "", sort: str = "last_change") -> Response:
    user = require_user(request)
    ctx = web(request)
    registry = ctx.registry
    rows = [c for c in registry.cases() if ctx.accounts.may_see(user, c.slug)]
    if q:
        rows = [c for c in rows if _matches(registry, c, q, user)]
    if status:
        rows = [c for c in rows if c.status == status]
    keys = {"subject": lambda c: (c.subject or "").lower(), "status": lambda c: c.status,
            "sources": lambda c: -c.sources, "conflicts": lambda c: -c.open_conflicts,
            "last_change": lambda c: -c.last_change.timestamp()}
    rows.sort(key=keys.get(sort, keys["last_change"]))
    statuses = sorted({c.status for c in registry.cases()})
    return page(request, "cases.html", cases=rows, q=q, status=status, sort=sort, statuses=statuses)


@router.post("/cases")
def new_case(request: Request, slug: str = Form(...), title: str = Form(""), restricted: str = Form(""),
             csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    user = require_user(request)
    require_editor(user)
    ctx = web(request)
    slug = slug.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", slug):
        return page(request, "error.html", http_status=400,
                    message="A case name is lower-case letters, digits and hyphens, like jane-doe-2024.")
    if any(c.slug == slug for c in ctx.registry.cases()):
        # the same words whether or not the reader may see that case: no telling a
        # restricted case exists
        return page(request, "error.html", http_status=400,
                    message=f"The case name {slug!r} cannot be used; choose another.")
    try:
        ctx.registry.new_case(slug, title, user.name)
        ctx.accounts.set_restricted(slug, bool(restricted), [user.name] if restricted else [])
    except CasefileError as exc:
        return page(request, "error.html", http_status=400, message=str(exc))
    return RedirectResponse(f"/cases/{slug}", status_code=303)


@router.get("/users", response_class=HTMLResponse)
def users(request: Request) -> Response:
    require_admin(request, "manages accounts")
    return page(request, "users.html", users=web(request).accounts.users(), error=None)


@router.post("/users")
def add_user(request: Request, name: str = Form(...), password: str = Form(...), role: str = Form(...),
             csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    require_admin(request, "manages accounts")
    accounts = web(request).accounts
    try:
        accounts.add_user(name.strip(), password, role)
    except CasefileError as exc:
        return page(request, "users.html", http_status=400, users=accounts.users(), error=str(exc))
    return RedirectResponse("/users", status_code=303)


@router.post("/users/change")
def change_user(request: Request, name: str = Form(""), action: str = Form(""), role: str = Form(""), password: str = Form(""),
                csrf: str = Form("")) -> Response:
    """An admin changes an account: its role, a new password, or its removal. Every session the
    account had ends (its owner signs in again with what is now true of it)."""
    check_csrf(request, csrf)
    require_admin(request, "manages accounts")
    ctx = web(request)
    accounts = ctx.accounts
    try:
        target = next((u for u in accounts.users() if u.name == name), None)
        if target is None:
            raise HTTPException(status_code=404, detail=f"No account {name!r}.")
        if action == "role":
            accounts.set_role(name, role)
        elif action == "password":
            accounts.set_password(name, password)
        elif action == "remove":
            accounts.remove_user(name)
        else:
            raise HTTPException(status_code=400, detail="Choose a role, a new password or removal.")
    except CasefileError as exc:
        return page(request, "users.html", http_status=400, users=accounts.users(), error=str(exc))
    ctx.sessions.end_user(target.id)
    return RedirectResponse("/users", status_code=303)


def _matches(registry: Registry, c: Any, q: str, user: User) -> bool:
    """Search by any name or alias (either script), the case name or its title."""
    needle = fold(q)
    hide = (lambda t: t) if user.can_edit else registry.redactor().text  # no finding a case by a withheld name
    if needle in fold(hide(c.slug)) or needle in fold(hide(c.title)):
        return True
    try:
        cf = registry.casefile(c.slug)
    except CasefileError:
        return False
    if not user.can_edit:
        cf = redact(cf, registry.redactor())
    if any(needle in fold(n) for e in cf.entities for n in (e.name, *e.aliases)):
        return True
    # another script or romanisation: "Ivanov" finds "Иванов", as entity resolution matches them
    wanted = token_skeletons(q)
    return bool(wanted) and all(len(w) >= 3 for w in wanted) and any(
        all(any(k.startswith(w) for k in token_skeletons(n)) for w in wanted)
        for e in cf.entities for n in (e.name, *e.aliases))
