"""What the web app's routes share, and the helpers they call on every request.

One `WebContext` per app, kept on `app.state.web`; a helper reaches it through the request
(`request.app.state`), or the ASGI scope for the middleware hooks, so that routes can live in
modules of their own as plain `APIRouter`s instead of closures inside `create_app`."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from casefile.errors import CasefileError
from casefile.model import CaseFile
from casefile.store import Registry
from casefile.store.accounts import Accounts, User
from casefile.store.redaction import Redactor, redact
from casefile.web.guard import LoginThrottle, Sessions
from casefile.web.jobs import Jobs

READER = "casefile_reader"  # the request's signed-in user, as the route found it


@dataclass
class WebContext:
    """The app's registry and guards, its templates, and the caches of rendered case pages
    (a version never changes, so its page is kept per reader)."""

    registry: Registry
    accounts: Accounts
    sessions: Sessions
    throttle: LoginThrottle
    jobs: Jobs
    templates: Jinja2Templates
    # (case, version, user id) -> the page, with CSRF_SLOT for the session's token
    page_cache: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # (that key, the session's token) -> the page compressed
    packed_cache: dict[tuple[tuple[str, int, int], str], bytes] = field(default_factory=dict)


def web(request: Request) -> WebContext:
    """The context of the app serving `request`."""
    ctx: WebContext = request.app.state.web
    return ctx


def _signed_uid(ctx: WebContext, session: Any) -> int | None:
    """The user id a session signs in, or None: no sign-in, one ended by logging out, or one
    begun before its account was removed or changed."""
    uid = session.get("uid")
    if not isinstance(uid, int) or ctx.sessions.ended(session.get("sid")) or ctx.sessions.user_ended(uid, session.get("since")):
        return None
    return uid


# ------------------------------------------------------------- middleware hooks (ASGI scope)

def redactor_for(scope: dict[str, Any]) -> Redactor | None:
    """The redactor for the scope's reader; None for one who may see every name."""
    ctx: WebContext = scope["app"].state.web
    state = scope.get("state") or {}
    if READER in state:
        user = state[READER]
    else:
        uid = _signed_uid(ctx, scope.get("session") or {})
        user = ctx.accounts.get(uid) if uid is not None else None
    return None if user is not None and user.can_edit else ctx.registry.redactor()


def signed_in(scope: dict[str, Any]) -> bool:
    ctx: WebContext = scope["app"].state.web
    return _signed_uid(ctx, scope.get("session") or {}) is not None


# ------------------------------------------------------------- request helpers

def current_user(request: Request) -> User | None:
    ctx = web(request)
    uid = _signed_uid(ctx, request.session)
    if uid is None:
        return None
    user = ctx.accounts.get(uid)
    request.scope.setdefault("state", {})[READER] = user  # for the redaction gate: no second lookup
    return user


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise HTTPException(status_code=303, headers={"Location": "/login"})
    return user


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, token: str) -> None:
    expected = str(request.session.get("csrf") or "")
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    foreign = bool(origin) and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", "")
    if foreign or not expected or not token or not hmac.compare_digest(expected, token):
        raise HTTPException(status_code=403, detail="The form expired or did not come from this site; reload and try again.")


def page(request: Request, name: str, http_status: int = 200, **ctx: Any) -> HTMLResponse:
    ctx.update(request=request, user=current_user(request), csrf=csrf_token(request))
    return web(request).templates.TemplateResponse(request, name, ctx, status_code=http_status)


def require_case_access(request: Request, slug: str) -> User:
    """The signed-in user, if they may see the case (a 404 otherwise: no telling it exists)."""
    user = require_user(request)
    if not web(request).accounts.may_see(user, slug):
        raise HTTPException(status_code=404, detail="No such case.")
    return user


def visible_case(request: Request, slug: str) -> tuple[User, CaseFile | None]:
    """The user and the case file as they may read it (names withheld for a viewer)."""
    user = require_case_access(request, slug)
    registry = web(request).registry
    try:
        cf = registry.casefile(slug)
    except CasefileError:
        cf = None
    if cf is not None and not user.can_edit:
        cf = redact(cf, registry.redactor())
    return user, cf


def require_admin(request: Request, what: str) -> User:
    user = require_user(request)
    if not user.is_admin:
        raise HTTPException(status_code=403, detail=f"Only an admin {what}.")
    return user


def require_editor(user: User) -> None:
    if not user.can_edit:
        raise HTTPException(status_code=403, detail="Your account can read cases but not change them.")


async def http_error(request: Request, exc: HTTPException) -> Response:
    """Every route's HTTPException: a 303 is a redirect (to sign in), the rest an error page."""
    if exc.status_code == 303:
        return RedirectResponse((exc.headers or {})["Location"], status_code=303)
    return page(request, "error.html", http_status=exc.status_code, message=exc.detail)
