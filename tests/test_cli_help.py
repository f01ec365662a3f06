"""The command line as a new user meets it: help for every option and argument, no types after
flags, the version, whole case names, and accounts managed from the shell."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from casefile import __version__
from casefile.cli import app
from casefile.store import Registry
from casefile.store.accounts import Accounts

runner = CliRunner()


def _commands(cmd, path=()):
    subs = getattr(cmd, "commands", None)
    if subs:
        for name, sub in subs.items():
            yield from _commands(sub, (*path, name))
    else:
        yield path, cmd


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_every_command_is_there() -> None:
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"build", "cases", "access", "review pick", "user add", "user list", "user role", "user reset",
            "user remove"} <= names


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_option_and_argument_says_what_it_is_and_flags_show_no_type(path, cmd) -> None:
    missing = [p.name for p in cmd.params if not (getattr(p, "help", None) or "").strip()]
    assert not missing, f"{' '.join(path)}: no help for {missing}"
    r = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert "<bool>" not in r.output and "BOOLEAN" not in r.output, r.output


def test_build_help_names_pdf() -> None:
    assert ".pdf" in runner.invoke(app, ["build", "--help"]).output


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.output.strip() == f"casefile {__version__}"


def test_cases_never_cuts_the_case_name(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    slug = "ona-vell-appeal-against-the-second-conviction-norbury-2031"
    Registry(db).new_case(slug, "A long one")
    r = runner.invoke(app, ["cases", "--db", db], env={"COLUMNS": "40"})
    assert r.exit_code == 0 and slug in r.output, r.output
    assert "…" not in r.output


# --------------------------------------------------------------------------- accounts


def test_user_add_says_it_asks_twice_and_a_rejected_password_says_why(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    assert "twice" in runner.invoke(app, ["user", "add", "--help"], env={"COLUMNS": "120"}).output
    r = runner.invoke(app, ["user", "add", "root", "--role", "admin", "--db", db],
                      input="short\nshort\nlong-enough-1\nlong-enough-1\n")
    assert r.exit_code == 0, r.output
    assert "cannot be used: a password has at least 8 characters" in r.output and "created admin root" in r.output
    r = runner.invoke(app, ["user", "add", "ann", "--db", db], input="long-enough-1\nsomething-else\n")
    assert r.exit_code == 1 and "do not match" in r.output and "no password given" in r.output
    r = runner.invoke(app, ["user", "add", "ann", "--password", "x", "--db", db])
    assert r.exit_code == 1 and "at least 8 characters" in r.output


def test_users_are_listed_changed_reset_and_removed(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    for name, role in (("root", "admin"), ("erin", "editor")):
        assert runner.invoke(app, ["user", "add", name, "--role", role, "--password", "long-enough-1",
                                   "--db", db]).exit_code == 0
    r = runner.invoke(app, ["user", "list", "--db", db])
    assert r.exit_code == 0 and r.output.split() == ["erin", "editor", "root", "admin"]
    r = runner.invoke(app, ["user", "role", "erin", "viewer", "--db", db])
    assert r.exit_code == 0 and "erin is now viewer" in r.output
    assert runner.invoke(app, ["user", "role", "erin", "boss", "--db", db]).exit_code == 1
    r = runner.invoke(app, ["user", "role", "root", "viewer", "--db", db])
    assert r.exit_code == 1 and "last admin" in r.output
    r = runner.invoke(app, ["user", "reset", "erin", "--db", db], input="brand-new-pass\nbrand-new-pass\n")
    assert r.exit_code == 0 and "new password set for erin" in r.output
    acc = Accounts(Registry(db))
    assert acc.authenticate("erin", "brand-new-pass") and not acc.authenticate("erin", "long-enough-1")
    r = runner.invoke(app, ["user", "remove", "root", "--db", db])
    assert r.exit_code == 1 and "last admin" in r.output
    r = runner.invoke(app, ["user", "remove", "erin", "--db", db])
    assert r.exit_code == 0 and [u.name for u in acc.users()] == ["root"]
    r = runner.invoke(app, ["user", "remove", "nobody", "--db", db])
    assert r.exit_code == 1 and "no user 'nobody'" in r.output
