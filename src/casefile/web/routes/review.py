"""Review decisions on a case (confirm, reject, correct, pick, merge, split) and its audit log."""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from casefile.errors import CasefileError
from casefile.model import CaseFile
from casefile.store.history import audit_line, decision_line
from casefile.store.identity import entity_key, event_key
from casefile.web.context import check_csrf, page, require_editor, visible_case, web

router = APIRouter()


@router.post("/cases/{slug}/review")
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
        web(request).registry.decide(slug, kind, target, payload, note, user.name)
    except StopIteration:
        return page(request, "error.html", http_status=400, message="The decision was not recorded: "
                    "no such event, conflict or entity in the latest version (reload the page).")
    except (CasefileError, ValueError, KeyError) as exc:
        return page(request, "error.html", http_status=400, message=f"The decision was not recorded: {exc}")
    return RedirectResponse(f"/cases/{slug}#{ref}", status_code=303)


@router.get("/cases/{slug}/audit", response_class=HTMLResponse)
def audit(request: Request, slug: str) -> Response:
    user, cf = visible_case(request, slug)
    require_editor(user)
    registry = web(request).registry
    unapplied = {u["decision"] for u in registry.unapplied(slug)}
    # in words, as `casefile audit` and `review list` print them: targets named as the latest
    # version shows them (V5 detention (2024-05-14), E2 Dina Ospan), not by their identity keys
    return page(request, "audit.html", slug=slug, rows=[audit_line(r, cf) for r in registry.audit(slug)],
                decisions=[decision_line(d, cf, d.id in unapplied) for d in registry.decisions(slug)],
                versions=registry.versions(slug))


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
