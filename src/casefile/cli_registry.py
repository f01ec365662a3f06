"""Registry commands: `casefile new|add|cases|show|diff|export|versions|audit|review`.

Thin: each command parses its options and calls `casefile.store.Registry`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from casefile.errors import CasefileError
from casefile.model import CaseFile
from casefile.render import FORMATS
from casefile.render.fmt import case_language, conflict_text
from casefile.store import Registry
from casefile.store.identity import entity_key, event_key, fold
from casefile.store.review import ReviewError

# what a case file holds is printed as it is: [brackets] are no markup, :words: no emoji
out = Console(soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)

DbOpt = Annotated[str, typer.Option("--db", envvar="CASEFILE_DB",
                                    help="SQLite file or database URL (postgresql://...).")]
UserOpt = Annotated[str, typer.Option("--user", envvar="CASEFILE_USER", help="Who does this (for the audit log).")]
CaseArg = Annotated[str, typer.Argument(help="The case's name, as `casefile cases` lists it.", show_default=False)]
DEFAULT_DB = "casefile.db"

review_app = typer.Typer(help="Review a case: confirm, reject or correct events, pick conflict values, "
                         "merge or split entities, mark names sensitive.", no_args_is_help=True)


def _registry(db: str) -> Registry:
    return Registry(db)


def _fail(exc: Exception) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
    raise typer.Exit(1)


@contextmanager
def _failing() -> Iterator[None]:
    """A registry call whose error ends the command with its message (exit 1)."""
    try:
        yield
    except CasefileError as exc:
        _fail(exc)


def register(app: typer.Typer) -> None:
    app.command("new")(new)
    app.command("add")(add)
    app.command("cases")(cases)
    app.command("show")(show)
    app.command("diff")(diff)
    app.command("export")(export)
    app.command("versions")(versions)
    app.command("audit")(audit)
    app.add_typer(review_app, name="review")
    app.add_typer(user_app, name="user")
    app.command("access")(access)
    app.command("serve")(serve)


def new(case: Annotated[str, typer.Argument(help="A short name for the case, e.g. jane-doe-2024.")],
        title: Annotated[str, typer.Option("--title", help="A readable title.")] = "",
        db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Create an empty case in the registry."""
    with _failing():
        _registry(db).new_case(case, title, user)
    out.print(f"created case {case}", highlight=False)


def add(case: CaseArg,
        files: Annotated[list[Path], typer.Argument(help="Report files (.txt, .md, .html, .pdf) or folders of them.",
                                                    show_default=False)],
        db: DbOpt = DEFAULT_DB, user: UserOpt = "",
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but problems.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print what changed as JSON.")] = False) -> None:
    """Add reports to a case: only new reports are read; prints what changed. Exit 2 if any file was skipped."""
    with _failing():
        result = _registry(db).add(case, files, user)
    for p in result.problems:
        err.print(f"[yellow]skipped[/yellow] {escape(p.file)}: {escape(p.problem)}", markup=True, highlight=False)
    if as_json:
        out.print_json(data={"version": result.version, "added": result.added,
                             "already_known": result.already_known, "diff": result.diff})
    elif not quiet:
        for f in result.already_known:
            out.print(f"already in the case: {f}", highlight=False)
        if result.version:
            out.print(f"version {result.version}: {len(result.added)} reports added", highlight=False)
            for line in result.changes:
                out.print(f"  {line}", highlight=False)
    if result.problems:
        raise typer.Exit(2)


def cases(db: DbOpt = DEFAULT_DB) -> None:
    """List the cases: name, subject, status, sources, open conflicts, last change."""
    rows = [["case", "subject", "status", "sources", "open conflicts", "last change"]]
    for c in _registry(db).cases():
        rows.append([c.slug, c.subject or "", c.status.replace("_", " "), str(c.sources), str(c.open_conflicts),
                     c.last_change.strftime("%Y-%m-%d %H:%M")])
    for line in aligned(rows):
        out.print(line, highlight=False, overflow="ignore", crop=False)


def aligned(rows: list[list[str]]) -> list[str]:
    """Rows as lines of columns padded to their widest cell. Why not a Rich table: a table fits
    itself to the terminal by cutting cells ("ona-vell-appe…"), and the case's name is what
    every other command needs whole; a line too long for the terminal wraps instead."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def show(case: CaseArg, db: DbOpt = DEFAULT_DB,
         version: Annotated[int | None, typer.Option("--version", "-v", show_default=False,
                                                     help="A version's number (default: the latest).")] = None) -> None:
    """Show a case: status, summary, timeline and conflicts."""
    with _failing():
        cf = _registry(db).casefile(case, version)
    names = {e.id: e.name for e in cf.entities}
    out.print(f"[bold]{escape(case)}[/bold]: {escape(names.get(cf.subject or '', 'subject unknown'))}", markup=True,
              highlight=False)
    st = cf.status
    out.print(f"status: {st.value}" + (f" as of {st.as_of}" if st.as_of else "")
              + (f"; conditions: {', '.join(st.conditions)}" if st.conditions else ""), highlight=False)
    for s in cf.summary:
        out.print(f"  {s.text} [{', '.join(s.sources)}]", highlight=False)
    table = Table("id", "date", "event", "place", "sources", "review")
    for v in sorted(cf.events, key=lambda v: (v.date or "9999", v.id)):
        table.add_row(v.id, v.date or "undated", v.type.replace("_", " "), names.get(v.place or "", ""),
                      ", ".join(dict.fromkeys(e.source for e in v.evidence)), v.review or "")
    out.print(table)
    for c in cf.conflicts:
        state = "settled" if c.resolved else "open"
        out.print(f"conflict {c.id} on {c.event} [{state}]: {conflict_text(c, case_language(cf))}", highlight=False)


def diff(case: CaseArg, db: DbOpt = DEFAULT_DB,
         from_v: Annotated[int | None, typer.Option("--from", show_default=False,
                                                    help="The older version (default: the one before --to).")] = None,
         to_v: Annotated[int | None, typer.Option("--to", show_default=False,
                                                  help="The newer version (default: the latest).")] = None,
         as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False) -> None:
    """What changed between two versions (default: the last change)."""
    from casefile.store.diff import describe

    with _failing():
        d = _registry(db).diff(case, from_v, to_v)
    if as_json:
        out.print_json(data=d)
        return
    out.print(f"from version {d['from']} to {d['to']}:", highlight=False)
    for line in describe(d):
        out.print(f"  {line}", highlight=False)


def export(case: CaseArg,
           fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")] = "json",
           output: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")] = None,
           redacted: Annotated[bool, typer.Option("--redacted", help="Withhold names marked sensitive.")] = False,
           db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Export the latest version as JSON (the contract), HTML, Markdown or CSV."""
    if fmt not in FORMATS:
        _fail(ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}"))
    with _failing():
        text = _registry(db).export(case, fmt, user, redacted)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", highlight=False)
    else:
        typer.echo(text, nl=False)


def versions(case: CaseArg, db: DbOpt = DEFAULT_DB) -> None:
    """List a case's versions."""
    with _failing():
        vs = _registry(db).versions(case)
    for v in vs:
        extra = f" ({len(v['unapplied'])} decisions could not be applied)" if v["unapplied"] else ""
        out.print(f"{v['number']:>3}  {v['created_at']:%Y-%m-%d %H:%M}  {v['created_by']}  {v['reason']}{extra}",
                  highlight=False)


def audit(case: CaseArg, db: DbOpt = DEFAULT_DB) -> None:
    """The audit log: every add, decision and export, with who and when (events and entities by
    their ids in the latest version)."""
    from casefile.store.history import audit_line

    with _failing():
        reg = _registry(db)
        rows = reg.audit(case)
        cf = _latest_or_none(reg, case)
    for a in rows:
        out.print(audit_line(a, cf), highlight=False)


def _latest_or_none(reg: Registry, case: str) -> CaseFile | None:
    """The latest version, or None before the first add."""
    return reg.casefile(case) if reg.latest_version(case) else None


# --------------------------------------------------------------------------- review


def _event_target(reg: Registry, case: str, event_id: str) -> tuple[dict[str, Any], CaseFile]:
    cf = reg.casefile(case)
    v = next((v for v in cf.events if v.id == event_id), None)
    if v is None:
        raise typer.BadParameter(f"case {case!r} has no event {event_id}; see `casefile show {case}`")
    return event_key(v, cf), cf


def _entity_target(reg: Registry, case: str, name: str) -> dict[str, Any]:
    cf = reg.casefile(case)
    e = next((e for e in cf.entities if e.id == name or fold(name) in {fold(e.name), *map(fold, e.aliases)}), None)
    if e is None:
        raise typer.BadParameter(f"case {case!r} has no entity named {name!r}")
    return entity_key(e)


def _decide(db: str, case: str, kind: str, target_of: Any, payload: dict[str, Any] | None, note: str, user: str,
            hint: str = "") -> None:
    try:
        reg = _registry(db)
        target = target_of(reg)
        number, unapplied = reg.decide(case, kind, target, payload, note, user)
    except (CasefileError, ValueError) as exc:
        if hint and isinstance(exc, ReviewError):
            err.print(f"hint: {hint}", highlight=False)
        _fail(exc)
        return
    out.print(f"recorded; version {number}", highlight=False)
    for u in unapplied:
        err.print(f"[yellow]not applied[/yellow] earlier {u['kind']} decision: {escape(u['reason'])}", markup=True,
                  highlight=False)


NoteOpt = Annotated[str, typer.Option("--note", "-n", help="Why (kept with the decision).")]
EventArg = Annotated[str, typer.Argument(help="The event's id, e.g. V3, as `casefile show` lists it.", show_default=False)]
EntityArg = Annotated[str, typer.Argument(help="The entity: its id (E2), name or one of its aliases.", show_default=False)]


@review_app.command("confirm")
def review_confirm(case: CaseArg, event: EventArg, note: NoteOpt = "", db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Confirm an event (by its id in `casefile show`)."""
    _decide(db, case, "confirm", lambda r: _event_target(r, case, event)[0], None, note, user)


@review_app.command("reject")
def review_reject(case: CaseArg, event: EventArg, note: NoteOpt = "", db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Reject an event the machine got wrong."""
    _decide(db, case, "reject", lambda r: _event_target(r, case, event)[0], None, note, user)


@review_app.command("correct")
def review_correct(case: CaseArg, event: EventArg,
                   field: Annotated[str, typer.Option("--field", help="date, amount, duration, place or charge")],
                   value: Annotated[str, typer.Option("--value", help="e.g. 2024-05-14, '300 USD', P2M")],
                   note: NoteOpt = "", db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Correct a date, amount, duration, place or charge of an event."""
    _decide(db, case, "correct", lambda r: _event_target(r, case, event)[0], {"field": field, "value": value}, note, user)


@review_app.command("pick")
def review_pick(case: CaseArg, conflict: Annotated[str, typer.Argument(help="The conflict's id, e.g. C1 (see `show`).")],
                value: Annotated[str, typer.Option("--value", help="One of the values the sources give, as `show` "
                                                                    "prints it.")],
                note: NoteOpt = "", db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Pick the right one of a conflict's values. A value no source gives is a correction (`correct`, with a note)."""
    with _failing():
        cf = _registry(db).casefile(case)
    c = next((c for c in cf.conflicts if c.id == conflict), None)
    if c is None:
        _fail(ValueError(f"case {case!r} has no conflict {conflict}; see `casefile show {case}`"))
        return
    hint = (f"to record a value no source gives, correct it with a note: casefile review correct {case} {c.event} "
            f"--field {c.field} --value {value!r} --note \"where the value comes from\"")
    _decide(db, case, "pick", lambda r: _event_target(r, case, c.event)[0], {"field": c.field, "value": value},
            note, user, hint=hint)


@review_app.command("merge")
def review_merge(case: CaseArg,
                 into: Annotated[str, typer.Argument(help="The entity that stays: id, name or alias.", show_default=False)],
                 other: Annotated[str, typer.Argument(help="The entity merged into it: id, name or alias.",
                                                      show_default=False)],
                 note: NoteOpt = "", db: DbOpt = DEFAULT_DB,
                 user: UserOpt = "") -> None:
    """Merge entity OTHER into entity INTO (names or ids)."""
    _decide(db, case, "merge", lambda r: {"into": _entity_target(r, case, into), "other": _entity_target(r, case, other)},
            None, note, user)


@review_app.command("split")
def review_split(case: CaseArg, entity: EntityArg,
                 alias: Annotated[str, typer.Option("--alias", help="The alias that names someone else; it takes the "
                                                    "sources in which it is written.")],
                 note: NoteOpt = "",
                 db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Split an alias off an entity into an entity of its own."""
    _decide(db, case, "split", lambda r: _entity_target(r, case, entity), {"alias": alias}, note, user)


@review_app.command("sensitive")
def review_sensitive(case: CaseArg, entity: EntityArg, note: NoteOpt = "", db: DbOpt = DEFAULT_DB, user: UserOpt = "") -> None:
    """Mark an entity's names sensitive: withheld in redacted exports."""
    _decide(db, case, "sensitive", lambda r: _entity_target(r, case, entity), None, note, user)


@review_app.command("list")
def review_list(case: CaseArg, db: DbOpt = DEFAULT_DB) -> None:
    """The decisions of a case (events and entities by their ids in the latest version), and
    those that could not be applied to it."""
    from casefile.store.history import decision_line

    with _failing():
        reg = _registry(db)
        ds, un = reg.decisions(case), reg.unapplied(case)
        cf = _latest_or_none(reg, case)
    gone = {u["decision"] for u in un}
    for d in ds:
        out.print(decision_line(d, cf, unapplied=d.id in gone), highlight=False)
    if not ds:
        out.print("no decisions yet", highlight=False)


# --------------------------------------------------------------------------- accounts and the web app

user_app: typer.Typer = typer.Typer(help="Accounts for the web app.", no_args_is_help=True)


NameArg = Annotated[str, typer.Argument(help="The account's user name.", show_default=False)]
PasswordOpt = Annotated[str | None, typer.Option(
    "--password", envvar="CASEFILE_PASSWORD", show_default=False,
    help="The password (8 characters or more). Without it you are asked for it twice, the second time to "
         "confirm; a password that cannot be used is refused with the reason and asked for again.")]
PASSWORD_TRIES = 3


def _accounts(db: str) -> Any:
    from casefile.store.accounts import Accounts

    return Accounts(_registry(db))


def _ask_password() -> str:
    """Ask twice (the second time to confirm); a password that cannot be used is refused with
    the reason, and asked for again."""
    from casefile.store.accounts import password_problem

    for _ in range(PASSWORD_TRIES):
        try:
            password = typer.prompt("Password (8 characters or more)", hide_input=True,
                                    confirmation_prompt="Repeat the password to confirm")
        except typer.Abort:
            _fail(ValueError("no password given (the input ended); nothing was changed"))
        problem = password_problem(password)
        if problem is None:
            return str(password)
        err.print(f"this password cannot be used: {problem}; try another", highlight=False)
    _fail(ValueError(f"no usable password after {PASSWORD_TRIES} tries; nothing was changed"))
    return ""


@user_app.command("add")
def user_add(name: NameArg,
             role: Annotated[str, typer.Option("--role", help="admin (accounts and access), editor (adds and "
                                                              "reviews) or viewer (reads).")] = "viewer",
             password: PasswordOpt = None,
             db: DbOpt = DEFAULT_DB) -> None:
    """Create an account for the web app (the first one is usually the admin). Asks for the password
    twice, the second time to confirm, unless --password or CASEFILE_PASSWORD gives it."""
    with _failing():
        acc = _accounts(db)
        acc.add_user(name, password if password is not None else _ask_password(), role)
    out.print(f"created {role} {name}", highlight=False)


@user_app.command("list")
def user_list(db: DbOpt = DEFAULT_DB) -> None:
    """The accounts and their roles."""
    with _failing():
        users = _accounts(db).users()
    for u in users:
        out.print(f"{u.name}  {u.role}", highlight=False)
    if not users:
        out.print("no accounts yet; create the admin with `casefile user add NAME --role admin`", highlight=False)


@user_app.command("role")
def user_role(name: NameArg,
              role: Annotated[str, typer.Argument(help="admin, editor or viewer.", show_default=False)],
              db: DbOpt = DEFAULT_DB) -> None:
    """Change an account's role (the last admin stays one)."""
    with _failing():
        _accounts(db).set_role(name, role)
    out.print(f"{name} is now {role}", highlight=False)


@user_app.command("reset")
def user_reset(name: NameArg, password: PasswordOpt = None, db: DbOpt = DEFAULT_DB) -> None:
    """Give an account a new password (asked for twice unless --password gives it)."""
    with _failing():
        acc = _accounts(db)
        acc.set_password(name, password if password is not None else _ask_password())
    out.print(f"new password set for {name}", highlight=False)


@user_app.command("remove")
def user_remove(name: NameArg, db: DbOpt = DEFAULT_DB) -> None:
    """Delete an account and its memberships of restricted cases (the last admin cannot be removed)."""
    with _failing():
        _accounts(db).remove_user(name)
    out.print(f"removed {name}", highlight=False)


def access(case: CaseArg,
           restrict: Annotated[bool | None, typer.Option(
               "--restrict/--open", show_default=False,
               help="Restrict the case to its members (admins see every case), or open it to every account. "
                    "Left as it is when not given.")] = None,
           add: Annotated[list[str] | None, typer.Option(
               "--add", show_default=False, help="A user who may see the case when it is restricted; repeat for more.")] = None,
           remove: Annotated[list[str] | None, typer.Option(
               "--remove", show_default=False, help="A member who may no longer see it; repeat for more.")] = None,
           db: DbOpt = DEFAULT_DB) -> None:
    """Who may see a case: restrict it or open it, add or remove members; prints who may see it now."""
    with _failing():
        acc = _accounts(db)
        if restrict is not None or add or remove:
            acc.set_access(case, restrict, add=add or [], remove=remove or [])
        restricted, members = acc.is_restricted(case), acc.members(case)
    who = ", ".join(members) or "none"
    out.print(f"{case}: " + (f"restricted; members: {who} (and every admin)" if restricted
                             else f"open to every account; members kept for when it is restricted: {who}"),
              highlight=False)


def serve(db: DbOpt = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="The address to listen on (keep 127.0.0.1 unless a "
                                                          "TLS proxy is in front).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8000,
          secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Send the session cookie over HTTPS "
                                                       "only (set it behind TLS; or CASEFILE_SECURE_COOKIES=1).")] = False,
          ) -> None:
    """Open the registry in the browser (FastAPI + Jinja2)."""
    import uvicorn

    from casefile.web import create_app

    uvicorn.run(create_app(db, secure_cookies=secure_cookies or None), host=host, port=port, log_level="info")
