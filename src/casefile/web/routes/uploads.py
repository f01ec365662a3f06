"""Uploads: reports become a job in the worker process; the job's page shows its progress,
then what changed."""

from __future__ import annotations

import asyncio
import re
import shutil
import tempfile
import time
from pathlib import Path

from fastapi import APIRouter, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from casefile.web.context import check_csrf, page, require_case_access, require_editor, visible_case, web
from casefile.web.jobs import Job

MAX_UPLOAD = 10 * 1024 * 1024
UPLOAD_TYPES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}
QUICK_SECONDS = 2.0  # how long an upload or a job page waits for the add to end before showing progress

router = APIRouter()


@router.post("/cases/{slug}/upload", response_class=HTMLResponse)
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
        job = web(request).jobs.submit(slug, user.name, paths, folder, problems)
    except (OSError, RuntimeError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return page(request, "error.html", http_status=503, message=f"The reports could not be queued: {exc}")
    await _settle(job, QUICK_SECONDS)  # a short add lands straight on what changed
    return RedirectResponse(f"/cases/{slug}/jobs/{job.id}", status_code=303)


@router.get("/cases/{slug}/jobs/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, slug: str, job_id: str) -> Response:
    user = require_case_access(request, slug)  # no case file loaded: the page is polled while the add runs
    require_editor(user)
    job = web(request).jobs.get(slug, job_id)
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
