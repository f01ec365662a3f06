"""Who may see a restricted case: members are added and removed (store, command line, browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from casefile.cli import app
from casefile.store import Registry
from casefile.store.accounts import Accounts
from casefile.store.registry import StoreError

runner = CliRunner()


@pytest.fixture()
def acc(tmp_path: Path) -> Accounts:
    reg = Registry(str(tmp_path / "access.db"))
    reg.new_case("quiet-case", "Quiet")
    a = Accounts(reg)
    for name in ("olga", "piet", "root"):
        a.add_user(name, "long-enough-1", "admin" if name == "root" else "viewer")
    return a


def test_a_member_is_removed_and_no_longer_sees_the_case(acc: Accounts) -> None:
    acc.set_restricted("quiet-case", True, ["olga", "piet"])
    olga = next(u for u in acc.users() if u.name == "olga")
    assert acc.members("quiet-case") == ["olga", "piet"] and acc.may_see(olga, "quiet-case")
    acc.remove_members("quiet-case", ["olga"])
    assert acc.members("quiet-case") == ["piet"] and not acc.may_see(olga, "quiet-case")
    with pytest.raises(StoreError, match="'olga' is not a member"):
        acc.set_access("quiet-case", add=["root"], remove=["olga"])
    assert acc.members("quiet-case") == ["piet"]  # all or nothing


def test_members_through_the_command_line(acc: Accounts) -> None:
    db = acc.registry.url.removeprefix("sqlite:///")
    r = runner.invoke(app, ["access", "quiet-case", "--restrict", "--add", "olga", "--add", "piet", "--db", db])
    assert r.exit_code == 0 and "restricted; members: olga, piet" in r.output, r.output
    r = runner.invoke(app, ["access", "quiet-case", "--remove", "piet", "--db", db])
    assert r.exit_code == 0 and "restricted; members: olga " in r.output, r.output
    r = runner.invoke(app, ["access", "quiet-case", "--remove", "nobody", "--db", db])
    assert r.exit_code == 1 and "'nobody' is not a member" in r.output
    r = runner.invoke(app, ["access", "quiet-case", "--open", "--db", db])
    assert r.exit_code == 0 and "open to every account" in r.output


def test_the_access_form_removes_members(tmp_path: Path) -> None:
    from ..web.conftest import ADMIN, EDITOR, make_app
    from ..web.test_app import login

    web = make_app(tmp_path / "web.db")
    web.state.registry.new_case("quiet-case", "Quiet")
    web.state.accounts.set_restricted("quiet-case", True, [EDITOR[0]])
    editor = TestClient(web)
    login(editor, EDITOR)
    assert editor.get("/cases/quiet-case").status_code == 200
    admin = TestClient(web)
    token = login(admin, ADMIN)
    r = admin.post("/cases/quiet-case/access", data={"csrf": token, "restricted": "1", "remove": EDITOR[0]},
                   follow_redirects=False)
    assert r.status_code == 303
    assert web.state.accounts.members("quiet-case") == []
    assert editor.get("/cases/quiet-case").status_code == 404
