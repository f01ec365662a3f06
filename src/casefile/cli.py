"""The `casefile` command: a thin Typer layer over the library API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casefile import __version__
from casefile.errors import CasefileError
from casefile.model import Source
from casefile.pipeline import build_case
from casefile.render import render_html, render_json

app = typer.Typer(
    help="Read reports about a human-rights case and write a sourced case file.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, soft_wrap=True, emoji=False)
EXIT_SKIPPED = 2


def _print_version(wanted: bool) -> None:
    """Eager, so that `casefile --version` needs no command after it."""
    if wanted:
        typer.echo(f"casefile {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True,
                                          callback=_print_version)] = False,
) -> None:
    """Read reports about a human-rights case and write a sourced case file."""


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(
        help="Report files (.txt, .md, .html, .pdf with a text layer) or folders of them.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for casefile.json and index.html.")] = Path("out"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    json_only: Annotated[bool, typer.Option("--json-only", help="Write casefile.json only, no HTML.")] = False,
) -> None:
    """Build a case file from a bundle of reports (text, Markdown, HTML or PDF).

    Files that cannot be read are named on stderr with the problem; the rest of
    the bundle is still processed, and the exit code is 2.
    """
    progress = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=True)
    task = progress.add_task("", total=None)

    def on_ingested(sources: list[Source]) -> None:
        progress.update(task, total=len(sources))

    def on_read(source: Source) -> None:
        progress.update(task, advance=1, description=source.file)

    try:
        with progress:
            result = build_case(list(inputs), progress=on_read, on_ingested=on_ingested)
    except CasefileError as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        raise typer.Exit(1) from exc
    for p in result.problems:
        err.print(f"[yellow]skipped[/yellow] {p.file}: {p.problem}", markup=True, highlight=False)
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "casefile.json").write_text(render_json(result.casefile), encoding="utf-8")
        if not json_only:
            (out / "index.html").write_text(render_html(result.casefile), encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write to {out}: {exc.strerror or exc}", markup=True, highlight=False)
        raise typer.Exit(1) from exc
    cf = result.casefile
    if not quiet:
        subject = next((e.name for e in cf.entities if e.id == cf.subject), "unknown")
        err.print(f"{len(cf.sources)} sources read, {len(result.problems)} skipped; subject {subject}; "
                  f"{len(cf.events)} events, {len(cf.entities)} entities, {len(cf.conflicts)} conflicts; "
                  f"status {cf.status.value}", highlight=False)
        err.print(f"wrote {out / 'casefile.json'}" + ("" if json_only else f" and {out / 'index.html'}"), highlight=False)
    if result.problems:
        raise typer.Exit(EXIT_SKIPPED)


from casefile.cli_registry import register  # noqa: E402  (the registry commands join the same app)

register(app)
from casefile.cli_batch import batch  # noqa: E402

app.command("batch")(batch)


def main() -> None:
    app()
