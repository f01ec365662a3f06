"""Uploads as jobs: the editor is sent to a page that shows the add's progress, then what
changed; a worker that dies is named on the page and replaced for the next upload."""

from __future__ import annotations

import os
import signal
import time

import pytest
from fastapi.testclient import TestClient

from casefile.web import jobs as jobs_module
from casefile.web.routes import uploads as uploads_module

from .conftest import EDITOR, VIEWER
from .test_app import finish, login

REPORT = ("Published: 2024-03-05\n\nPolice detained the blogger Arman Tulegenov in Shymkent on Monday, "
          "his lawyer Dana Serikova said. A court later placed him under arrest for two months.\n")


@pytest.fixture()
def no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The upload and the job page answer at once, so that the page of a running job is seen."""
    monkeypatch.setattr(uploads_module, "QUICK_SECONDS", 0.0)


def _reports(n: int) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (f"r{i}.txt", (REPORT + f"Report number {i}.\n" * 40).encode())) for i in range(n)]


def test_an_upload_shows_its_progress_then_what_changed(web_app, no_wait) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    client.post("/cases", data={"slug": "job-case", "csrf": token})
    r = client.post("/cases/job-case/upload", data={"csrf": token}, files=_reports(6), follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/cases/job-case/jobs/")
    running = client.get(r.headers["location"])
    assert "Adding reports" in running.text and '<meta http-equiv="refresh"' in running.text
    assert "<progress" in running.text and "r0.txt" in running.text
    done = finish(client, running)
    assert "Version 1: 6 report(s) added" in done.text and '<meta http-equiv="refresh"' not in done.text
    # the finished job's page stays readable, and only from its own case
    assert "Version 1" in client.get(r.headers["location"]).text
    other = r.headers["location"].replace("/job-case/", "/another-case/")
    assert client.get(other).status_code == 404
    assert client.get("/cases/job-case/jobs/no-such-job").status_code == 404


def test_a_viewer_cannot_open_a_job_page(web_app) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    client.post("/cases", data={"slug": "job-view", "csrf": token})
    r = finish(client, client.post("/cases/job-view/upload", data={"csrf": token}, files=_reports(1)))
    viewer = TestClient(web_app)
    login(viewer, VIEWER)
    assert viewer.get(str(r.url)).status_code == 403


def test_a_worker_that_dies_is_named_and_replaced(web_app, no_wait) -> None:
    client = TestClient(web_app)
    token = login(client, EDITOR)
    client.post("/cases", data={"slug": "job-kill", "csrf": token})
    r = client.post("/cases/job-kill/upload", data={"csrf": token}, files=_reports(8), follow_redirects=False)
    pool = jobs_module.pool()
    deadline = time.monotonic() + 30
    while not pool._processes and time.monotonic() < deadline:  # the worker starts with its first job
        time.sleep(0.05)
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)
    done = finish(client, client.get(r.headers["location"]))
    assert "worker reading them stopped" in done.text
    assert web_app.state.registry.latest_version("job-kill") == 0
    again = finish(client, client.post("/cases/job-kill/upload", data={"csrf": token}, files=_reports(2)))
    assert "Version 1: 2 report(s) added" in again.text
