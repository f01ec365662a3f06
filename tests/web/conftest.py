from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from casefile.store.accounts import Accounts
from casefile.web import create_app

ADMIN, EDITOR, VIEWER = ("root", "admin-pass-1"), ("erin", "editor-pass-1"), ("vic", "viewer-pass-1")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_app(db: Path):
    app = create_app(str(db), secret="test-secret")
    acc: Accounts = app.state.accounts
    acc.add_user(*ADMIN, role="admin")
    acc.add_user(*EDITOR, role="editor")
    acc.add_user(*VIEWER, role="viewer")
    return app


@pytest.fixture()
def web_app(tmp_path: Path):
    return make_app(tmp_path / "web.db")


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by uvicorn on a loopback port, in a thread, for the browser tests."""
    app = make_app(tmp_path_factory.mktemp("live") / "live.db")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
