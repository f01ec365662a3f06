"""FastAPI app over the registry: the case list, case pages with their evidence, uploads,
review, accounts. Source text is untrusted: templates autoescape, the CSP forbids inline
script, and no page needs JavaScript."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import hmac
import os
import re
import secrets
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware

from casefile.core.names import token_skeletons
from casefile.errors import CasefileError
from casefile.model import CaseFile
from casefile.render import FORMATS
from casefile.render.fmt import register_filters
from casefile.store import Registry
from casefile.store.accounts import Accounts, User
from casefile.store.identity import entity_key, event_key, fold
from casefile.store.redaction import Redactor, redact
from casefile.web.chart import timeline_svg
from casefile.web.guard import BodyGate, LoginThrottle, Sessions
from casefile.web.jobs import Job, Jobs
from casefile.web.redaction import RedactForReaders

HERE = Path(__file__).parent
MAX_UPLOAD = 10 * 1024 * 1024
MAX_BODY = 5 * MAX_UPLOAD  # one request: a few reports at most
UPLOAD_TYPES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
CSRF_SLOT = "__casefile_csrf_slot__"  # stands for the session's token in a cached page
MEDIA = {"json": "application/json", "html": "text/html", "md": "text/markdown", "csv": "text/csv"}


SESSION_SECONDS = 12 * 3600
QUICK_SECONDS = 2.0  # how long an upload or a job page waits for the add to end before showing progress
READER = "casefile_reader"  # the request's signed-in user, as the route found it


def create_app(db: str = "casefile.db", secret: str | None = None, secure_cookies: bool | None = None) -> FastAPI:
    """The app over the registry at `db`. `secure_cookies` (default: the environment variable
    CASEFILE_SECURE_COOKIES=1) sends the session cookie over HTTPS only: set it behind TLS."""
    registry = Registry(db)
    accounts = Accounts(registry)
    throttle, sessions = LoginThrottle(), Sessions(SESSION_SECONDS)
    jobs = Jobs(db)
    if secure_cookies is None:
        secure_cookies = os.environ.get("CASEFILE_SECURE_COOKIES", "") == "1"
    app = FastAPI(title="casefile", docs_url=None, redoc_url=None, openapi_url=None)
    def redactor_for(scope: dict[str, Any]) -> Redactor | None:
        state = scope.get("state") or {}
        if READER in state:
            user = state[READER]
        else:
            session = scope.get("session") or {}
            uid = session.get("uid")
            user = accounts.get(uid) if isinstance(uid, int) and not sessions.ended(session.get("sid")) else None
        return None if user is not None and user.can_edit else registry.redactor()

    def signed_in(scope: dict[str, Any]) -> bool:
        session = scope.get("session") or {}
        return isinstance(session.get("uid"), int) and not sessions.ended(session.get("sid"))

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
    page_cache: dict[tuple[str, int, int], str] = {}
    packed_cache: dict[tuple[tuple[str, int, int], str], bytes] = {}

    app.add_middleware(SecurityHeaders)

    # ------------------------------------------------------------- helpers

    def current_user(request: Request) -> User | None:
        uid = request.session.get("uid")
        if not isinstance(uid, int) or sessions.ended(request.session.get("sid")):
            return None  # no sign-in, or one ended by logging out
        user = accounts.get(uid)
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
        return templates.TemplateResponse(request, name, ctx, status_code=http_status)

    def visible_case(request: Request, slug: str) -> tuple[User, CaseFile | None]:
        user = require_user(request)
        if not accounts.may_see(user, slug):
            raise HTTPException(status_code=404, detail="No such case.")
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

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 303:
            return RedirectResponse((exc.headers or {})["Location"], status_code=303)
        return page(request, "error.html", http_status=exc.status_code, message=exc.detail)

    # ------------------------------------------------------------- login

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request) -> Response:
        return page(request, "login.html", error=None)

    @app.post("/login")
    def login(request: Request, username: str = Form(...), password: str = Form(...), csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        address = request.client.host if request.client else "?"
        wait = throttle.wait(username, address)
        if wait:
            return page(request, "login.html", http_status=429,
                        error=f"Too many failed attempts; try again in {wait // 60 + 1} minute(s).")
        with throttle.hashing:  # a few hashes at once: each takes 64 MiB
            user = accounts.authenticate(username, password)
        if user is None:
            throttle.failed(username, address)
            return page(request, "login.html", http_status=401, error="Wrong user name or password.")
        throttle.succeeded(username)
        request.session.clear()
        request.session["uid"] = user.id
        request.session["sid"] = secrets.token_urlsafe(16)
        return RedirectResponse("/", status_code=303)

    @app.post("/logout")
    def logout(request: Request, csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        sid = request.session.get("sid")
        if isinstance(sid, str):
            sessions.end(sid)  # a copy of the cookie kept elsewhere signs no one in either
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # ------------------------------------------------------------- registry

    @app.get("/", response_class=HTMLResponse)
    def cases(request: Request, q: str = "", status: str = "", sort: str = "last_change") -> Response:
        user = require_user(request)
        rows = [c for c in registry.cases() if accounts.may_see(user, c.slug)]
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

    @app.post("/cases")
    def new_case(request: Request, slug: str = Form(...), title: str = Form(""), restricted: str = Form(""),
                 csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        user = require_user(request)
        require_editor(user)
        slug = slug.strip().lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", slug):
            return page(request, "error.html", http_status=400,
                        message="A case name is lower-case letters, digits and hyphens, like jane-doe-2024.")
        if any(c.slug == slug for c in registry.cases()):
            # the same words whether or not the reader may see that case: no telling a
            # restricted case exists
            return page(request, "error.html", http_status=400,
                        message=f"The case name {slug!r} cannot be used; choose another.")
        try:
            registry.new_case(slug, title, user.name)
            accounts.set_restricted(slug, bool(restricted), [user.name] if restricted else [])
        except CasefileError as exc:
            return page(request, "error.html", http_status=400, message=str(exc))
        return RedirectResponse(f"/cases/{slug}", status_code=303)

    # ------------------------------------------------------------- a case

    @app.get("/cases/{slug}", response_class=HTMLResponse)
    async def case_page(request: Request, slug: str) -> Response:
        # Async, so that a cached page is served without a hop to the thread pool; the few
        # lookups it makes are short, and rendering or compressing a page goes to the pool.
        user = require_user(request)
        if not accounts.may_see(user, slug):
            raise HTTPException(status_code=404, detail="No such case.")
        # A version never changes, so its page is rendered once per reader and kept; the
        # session's CSRF token is put in at serving time (a large case's page is costly to render).
        key = (slug, registry.latest_version(slug), user.id)
        html = page_cache.get(key)
        if html is None:
            html = await run_in_threadpool(render_case, request, user, slug)
            page_cache[key] = html
            while len(page_cache) > 128:
                page_cache.pop(next(iter(page_cache)))
        token = csrf_token(request)
        if "gzip" not in request.headers.get("accept-encoding", ""):
            return HTMLResponse(html.replace(CSRF_SLOT, token))
        # the compressed page of this session, kept too: a reader reloading a large case costs
        # a few lookups, not half a megabyte of compression
        packed = packed_cache.get((key, token))
        if packed is None:
            page_html = html.replace(CSRF_SLOT, token).encode("utf-8")
            packed = await run_in_threadpool(gzip.compress, page_html, 6)
            packed_cache[(key, token)] = packed
            while len(packed_cache) > 512:
                packed_cache.pop(next(iter(packed_cache)))
        return Response(packed, media_type="text/html; charset=utf-8",
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})

    def render_case(request: Request, user: User, slug: str) -> str:
        _, cf = visible_case(request, slug)
        ctx = _case_context(cf) if cf else {}
        return templates.get_template("case.html").render(
            request=request, user=user, csrf=CSRF_SLOT, slug=slug, cf=cf,
            unapplied=registry.unapplied(slug) if user.can_edit else [],
            chart=timeline_svg(cf.events, link="#") if cf else "", **ctx)

    @app.get("/cases/{slug}/versions", response_class=HTMLResponse)
    def versions(request: Request, slug: str) -> Response:
        visible_case(request, slug)
        return page(request, "versions.html", slug=slug, versions=registry.versions(slug))

    @app.get("/cases/{slug}/versions/{number}", response_class=HTMLResponse)
    def version_page(request: Request, slug: str, number: int) -> Response:
        """A past version of the case file, read only: no review forms (decisions apply to the
        latest), names withheld for viewers by today's marks, not the version's own."""
        user, _ = visible_case(request, slug)
        latest = registry.latest_version(slug)
        if not 1 <= number <= latest:
            raise HTTPException(status_code=404, detail=f"The case has versions 1 to {latest}.")
        cf = registry.casefile(slug, number)
        if not user.can_edit:
            cf = redact(cf, registry.redactor())
        reader = dataclasses.replace(user, role="viewer")  # read only: the page offers no decisions
        html = templates.get_template("case.html").render(
            request=request, user=reader, csrf=csrf_token(request), slug=slug, cf=cf, unapplied=[],
            version=number, latest=latest, chart=timeline_svg(cf.events, link="#"), **_case_context(cf))
        return HTMLResponse(html)

    @app.get("/cases/{slug}/sources/{sid}", response_class=HTMLResponse)
    def source_page(request: Request, slug: str, sid: str, start: int | None = None, end: int | None = None) -> Response:
        _, cf = visible_case(request, slug)
        src = next((s for s in cf.sources if s.id == sid), None) if cf else None
        if src is None:
            raise HTTPException(status_code=404, detail="No such source in this case.")
        text = src.text
        if start is not None and end is not None and 0 <= start < end <= len(text):
            parts = (text[:start], text[start:end], text[end:])
        else:
            parts = (text, "", "")
        return page(request, "source.html", slug=slug, src=src, before=parts[0], mark=parts[1], after=parts[2])

    @app.post("/cases/{slug}/upload", response_class=HTMLResponse)
    async def upload(request: Request, slug: str, files: list[UploadFile] | None = None, pasted: str = Form(""),
                     pasted_name: str = Form(""), csrf: str = Form("")) -> Response:
        """Files refused at the door are named at once; the rest become a job in the worker
        process, and the editor is sent to its page (progress, then what changed)."""
        check_csrf(request, csrf)
        user, _ = visible_case(request, slug)
        require_editor(user)
        problems: list[str] = []
        folder = Path(tempfile.mkdtemp(prefix="casefile-upload-"))
        paths: list[Path] = []
        for f in files or []:
            if not f.filename:
                continue
            name = _safe_name(f.filename)
            if Path(name).suffix.lower() not in UPLOAD_TYPES:
                problems.append(f"{name}: not a report casefile can read (use .txt, .md, .html or .pdf)")
                continue
            data = await f.read(MAX_UPLOAD + 1)
            if len(data) > MAX_UPLOAD:
                problems.append(f"{name}: larger than {MAX_UPLOAD // 2**20} MB")
                continue
            path = folder / f"{len(paths):03d}" / name
            path.parent.mkdir()
            path.write_bytes(data)
            paths.append(path)
        if pasted.strip():
            name = _safe_name(pasted_name or "pasted-report") + ("" if pasted_name.endswith(".txt") else ".txt")
            path = folder / "pasted" / name
            path.parent.mkdir()
            path.write_text(pasted, encoding="utf-8")
            paths.append(path)
        if not paths:
            shutil.rmtree(folder, ignore_errors=True)
            return page(request, "changes.html", http_status=400, slug=slug, result=None, lines=[],
                        problems=problems or ["Choose at least one file or paste a report."])
        try:
            job = jobs.submit(slug, user.name, paths, folder, problems)
        except (OSError, RuntimeError) as exc:
            shutil.rmtree(folder, ignore_errors=True)
            return page(request, "error.html", http_status=503, message=f"The reports could not be queued: {exc}")
        await _settle(job, QUICK_SECONDS)  # a short add lands straight on what changed
        return RedirectResponse(f"/cases/{slug}/jobs/{job.id}", status_code=303)

    @app.get("/cases/{slug}/jobs/{job_id}", response_class=HTMLResponse)
    async def job_page(request: Request, slug: str, job_id: str) -> Response:
        user = require_user(request)  # no case file loaded: the page is polled while the add runs
        if not accounts.may_see(user, slug):
            raise HTTPException(status_code=404, detail="No such case.")
        require_editor(user)
        job = jobs.get(slug, job_id)
        if job is None:
            raise HTTPException(status_code=404, detail="This upload is not known to the server (it restarted, or "
                                "the upload finished long ago); the case's history lists every version.")
        await _settle(job, QUICK_SECONDS)
        if not job.done:
            read, title = job.progress()
            return page(request, "job.html", slug=slug, job=job, read=read, title=title,
                        total=max(len(job.files), read), seconds=int(time.time() - job.started))
        result = job.result
        failed = bool(job.problems) and not (result and result.added)  # a script can tell an add that failed
        return page(request, "changes.html", http_status=400 if failed else 200, slug=slug, result=result,
                    problems=job.problems, lines=result.changes if result and result.version else [])

    @app.get("/cases/{slug}/changes", response_class=HTMLResponse)
    def changes(request: Request, slug: str, frm: int | None = None, to: int | None = None) -> Response:
        visible_case(request, slug)
        from casefile.store.diff import describe

        try:
            d = registry.diff(slug, frm, to)
        except CasefileError as exc:
            return page(request, "error.html", http_status=400, message=str(exc))
        return page(request, "changes.html", slug=slug, result=None, problems=[], lines=describe(d), diff=d)

    @app.post("/cases/{slug}/review")
    def review(request: Request, slug: str, kind: str = Form(...), ref: str = Form(...), field: str = Form(""),
               value: str = Form(""), other: str = Form(""), note: str = Form(""), csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        user, cf = visible_case(request, slug)
        require_editor(user)
        if cf is None:
            raise HTTPException(status_code=400, detail="The case has no reports yet.")
        if kind == "correct" and not value.strip():
            return page(request, "error.html", http_status=400,
                        message="The decision was not recorded: a correction needs the new value.")
        try:
            target, payload = _review_target(cf, kind, ref, field, value, other)
            registry.decide(slug, kind, target, payload, note, user.name)
        except StopIteration:
            return page(request, "error.html", http_status=400, message="The decision was not recorded: "
                        "no such event, conflict or entity in the latest version (reload the page).")
        except (CasefileError, ValueError, KeyError) as exc:
            return page(request, "error.html", http_status=400, message=f"The decision was not recorded: {exc}")
        return RedirectResponse(f"/cases/{slug}#{ref}", status_code=303)

    @app.get("/cases/{slug}/audit", response_class=HTMLResponse)
    def audit(request: Request, slug: str) -> Response:
        user, _ = visible_case(request, slug)
        require_editor(user)
        return page(request, "audit.html", slug=slug, rows=registry.audit(slug),
                    decisions=registry.decisions(slug), versions=registry.versions(slug))

    @app.get("/cases/{slug}/export/{fmt}")
    def export(request: Request, slug: str, fmt: str) -> Response:
        user, cf = visible_case(request, slug)
        if fmt not in FORMATS or cf is None:
            raise HTTPException(status_code=404, detail="No such export.")
        text = registry.export(slug, fmt, user.name, redacted=not user.can_edit)
        headers = {"Content-Disposition": f'attachment; filename="{slug}.{fmt}"'}
        return PlainTextResponse(text, media_type=MEDIA[fmt], headers=headers)

    @app.post("/cases/{slug}/access")
    def access(request: Request, slug: str, restricted: str = Form(""), members: str = Form(""),
               remove: str = Form(""), csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        require_admin(request, "changes who may see a case")
        try:
            accounts.set_access(slug, bool(restricted), add=[m.strip() for m in members.split(",") if m.strip()],
                                remove=[m.strip() for m in remove.split(",") if m.strip()])
        except CasefileError as exc:
            return page(request, "error.html", http_status=400, message=str(exc))
        return RedirectResponse(f"/cases/{slug}", status_code=303)

    # ------------------------------------------------------------- accounts

    @app.get("/users", response_class=HTMLResponse)
    def users(request: Request) -> Response:
        require_admin(request, "manages accounts")
        return page(request, "users.html", users=accounts.users(), error=None)

    @app.post("/users")
    def add_user(request: Request, name: str = Form(...), password: str = Form(...), role: str = Form(...),
                 csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        require_admin(request, "manages accounts")
        try:
            accounts.add_user(name.strip(), password, role)
        except CasefileError as exc:
            return page(request, "users.html", http_status=400, users=accounts.users(), error=str(exc))
        return RedirectResponse("/users", status_code=303)

    app.state.registry = registry
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


async def _settle(job: Job, seconds: float) -> None:
    """Wait up to `seconds` for the job to end, without holding the event loop."""
    until = time.monotonic() + seconds
    while not job.done and time.monotonic() < until:
        await asyncio.sleep(0.05)


def _safe_name(name: str) -> str:
    """A file name with no path, no control characters, at most 120 characters."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .") or "report"
    if len(base) <= 120:
        return base
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > 10:
        return base[:120]
    return stem[:119 - len(suffix)] + "." + suffix  # a long name keeps its extension


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


def _review_target(cf: CaseFile, kind: str, ref: str, field: str, value: str, other: str) -> tuple[dict, dict]:
    if kind in ("confirm", "reject", "correct"):
        v = next(v for v in cf.events if v.id == ref)
        payload = {"field": field, "value": value} if kind == "correct" else {}
        return event_key(v, cf), payload
    if kind == "pick":
        c = next(c for c in cf.conflicts if c.id == ref)
        v = next(v for v in cf.events if v.id == c.event)
        return event_key(v, cf), {"field": c.field, "value": value}
    e = next(e for e in cf.entities if e.id == ref)
    if kind == "merge":
        o = next(x for x in cf.entities if x.id == other)
        return {"into": entity_key(e), "other": entity_key(o)}, {}
    if kind == "split":
        return entity_key(e), {"alias": value}
    return entity_key(e), {}


def _best_first(evidence: list[Any]) -> list[Any]:
    """An event's quotes, the ones a reader should see first leading: one from each source (a
    source that states the date before one that does not), then the rest. The page shows two
    and folds the others away, one click from view."""
    firsts: dict[str, Any] = {}
    for e in sorted(evidence, key=lambda e: e.date is None):
        firsts.setdefault(e.source, e)
    lead = list(firsts.values())
    return lead + [e for e in evidence if all(e is not f for f in lead)]


def _case_context(cf: CaseFile) -> dict[str, Any]:
    entities = {e.id: e for e in cf.entities}
    conflicts: dict[str, list] = defaultdict(list)
    for c in cf.conflicts:
        conflicts[c.event].append(c)
    quotes: dict[str | None, list] = defaultdict(list)
    for q in cf.quotes:
        quotes[q.speaker].append(q)
    return {
        "entities": entities,
        "sources_by_id": {s.id: s for s in cf.sources},
        "subject": entities.get(cf.subject or ""),
        "events": sorted(cf.events, key=lambda v: (v.date or "9999", v.id)),
        "conflicts_by_event": conflicts,
        "evidence_order": {v.id: _best_first(v.evidence) for v in cf.events},
        "quotes_by_speaker": quotes,
    }
