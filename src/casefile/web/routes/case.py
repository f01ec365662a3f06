"""A case: its page (kept rendered per version and reader), past versions, sources, what
changed between versions, exports, and who may see it."""

from __future__ import annotations

import dataclasses
import gzip
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from casefile.errors import CasefileError
from casefile.model import CaseFile
from casefile.render import FORMATS
from casefile.store.accounts import User
from casefile.store.redaction import redact
from casefile.web.chart import timeline_svg
from casefile.web.context import (
    check_csrf,
    csrf_token,
    page,
    require_admin,
    require_case_access,
    visible_case,
    web,
)

CSRF_SLOT = "__casefile_csrf_slot__"  # stands for the session's token in a cached page
MEDIA = {"json": "application/json", "html": "text/html", "md": "text/markdown", "csv": "text/csv"}

router = APIRouter()


@router.get("/cases/{slug}", response_class=HTMLResponse)
async def case_page(request: Request, slug: str) -> Response:
    # Async, so that a cached page is served without a hop to the thread pool; the few
    # lookups it makes are short, and rendering or compressing a page goes to the pool.
    user = require_case_access(request, slug)
    ctx = web(request)
    # A version never changes, so its page is rendered once per reader and kept; the
    # session's CSRF token is put in at serving time (a large case's page is costly to render).
    key = (slug, ctx.registry.latest_version(slug), user.id)
    html = ctx.page_cache.get(key)
    if html is None:
        html = await run_in_threadpool(render_case, request, user, slug)
        ctx.page_cache[key] = html
        while len(ctx.page_cache) > 128:
            ctx.page_cache.pop(next(iter(ctx.page_cache)))
    token = csrf_token(request)
    if "gzip" not in request.headers.get("accept-encoding", ""):
        return HTMLResponse(html.replace(CSRF_SLOT, token))
    # the compressed page of this session, kept too: a reader reloading a large case costs
    # a few lookups, not half a megabyte of compression
    packed = ctx.packed_cache.get((key, token))
    if packed is None:
        page_html = html.replace(CSRF_SLOT, token).encode("utf-8")
        packed = await run_in_threadpool(gzip.compress, page_html, 6)
        ctx.packed_cache[(key, token)] = packed
        while len(ctx.packed_cache) > 512:
            ctx.packed_cache.pop(next(iter(ctx.packed_cache)))
    return Response(packed, media_type="text/html; charset=utf-8",
                    headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})


def render_case(request: Request, user: User, slug: str) -> str:
    _, cf = visible_case(request, slug)
    ctx = web(request)
    extra = _case_context(cf) if cf else {}
    return ctx.templates.get_template("case.html").render(
        request=request, user=user, csrf=CSRF_SLOT, slug=slug, cf=cf,
        unapplied=ctx.registry.unapplied(slug) if user.can_edit else [],
        chart=timeline_svg(cf.events, link="#") if cf else "", **extra)


@router.get("/cases/{slug}/versions", response_class=HTMLResponse)
def versions(request: Request, slug: str) -> Response:
    visible_case(request, slug)
    return page(request, "versions.html", slug=slug, versions=web(request).registry.versions(slug))


@router.get("/cases/{slug}/versions/{number}", response_class=HTMLResponse)
def version_page(request: Request, slug: str, number: int) -> Response:
    """A past version of the case file, read only: no review forms (decisions apply to the
    latest), names withheld for viewers by today's marks, not the version's own."""
    user, _ = visible_case(request, slug)
    ctx = web(request)
    latest = ctx.registry.latest_version(slug)
    if not 1 <= number <= latest:
        raise HTTPException(status_code=404, detail=f"The case has versions 1 to {latest}.")
    cf = ctx.registry.casefile(slug, number)
    if not user.can_edit:
        cf = redact(cf, ctx.registry.redactor())
    reader = dataclasses.replace(user, role="viewer")  # read only: the page offers no decisions
    html = ctx.templates.get_template("case.html").render(
        request=request, user=reader, csrf=csrf_token(request), slug=slug, cf=cf, unapplied=[],
        version=number, latest=latest, chart=timeline_svg(cf.events, link="#"), **_case_context(cf))
    return HTMLResponse(html)


@router.get("/cases/{slug}/sources/{sid}", response_class=HTMLResponse)
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


@router.get("/cases/{slug}/changes", response_class=HTMLResponse)
def changes(request: Request, slug: str, frm: int | None = None, to: int | None = None) -> Response:
    visible_case(request, slug)
    from casefile.store.diff import describe

    try:
        d = web(request).registry.diff(slug, frm, to)
    except CasefileError as exc:
        return page(request, "error.html", http_status=400, message=str(exc))
    return page(request, "changes.html", slug=slug, result=None, problems=[], lines=describe(d), diff=d)


@router.get("/cases/{slug}/export/{fmt}")
def export(request: Request, slug: str, fmt: str) -> Response:
    user, cf = visible_case(request, slug)
    if fmt not in FORMATS or cf is None:
        raise HTTPException(status_code=404, detail="No such export.")
    text = web(request).registry.export(slug, fmt, user.name, redacted=not user.can_edit)
    headers = {"Content-Disposition": f'attachment; filename="{slug}.{fmt}"'}
    return PlainTextResponse(text, media_type=MEDIA[fmt], headers=headers)


@router.post("/cases/{slug}/access")
def access(request: Request, slug: str, restricted: str = Form(""), members: str = Form(""),
           remove: str = Form(""), csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    require_admin(request, "changes who may see a case")
    try:
        web(request).accounts.set_access(slug, bool(restricted),
                                         add=[m.strip() for m in members.split(",") if m.strip()],
                                         remove=[m.strip() for m in remove.split(",") if m.strip()])
    except CasefileError as exc:
        return page(request, "error.html", http_status=400, message=str(exc))
    return RedirectResponse(f"/cases/{slug}", status_code=303)


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
