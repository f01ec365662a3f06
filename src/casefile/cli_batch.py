"""`casefile batch`: a news corpus to case files, locally or on a Ray cluster."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

err = Console(stderr=True, soft_wrap=True, emoji=False)


def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Folders of reports, JSONL files (text or html, url, date, outlet), WARC or WARC.gz files, "
             "RSS/Atom feed files (.rss, .atom, .xml), or globs of these.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the case files and index.json/index.csv.")] = Path("batch-out"),
    ray_address: Annotated[str | None, typer.Option(
        "--ray", help="Ray cluster address (HEAD:PORT, as `ray start --head` prints it), or 'local' for a Ray "
                      "started in this process.")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Reading workers on Ray (one CPU each).")] = 2,
    db: Annotated[str | None, typer.Option("--db", help="Also put the cases into this registry.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Find the reports in which a person is detained or prosecuted, group them into one case per person,
    build a case file each."""
    from casefile.batch.run import run_local, run_on_ray

    on_case = _registry_sink(db) if db else None
    progress = Progress(TextColumn("reports"), BarColumn(), TextColumn("{task.completed} done"),
                        TextColumn("{task.fields[rate]:.1f}/s"), TimeElapsedColumn(), console=err, disable=quiet)
    task = progress.add_task("", total=None, rate=0.0)
    start = time.perf_counter()

    def tick(n: int) -> None:
        done = progress.tasks[0].completed + n
        progress.update(task, advance=n, rate=done / max(time.perf_counter() - start, 1e-6))

    with progress:
        if ray_address:
            try:
                import ray  # noqa: F401
            except ImportError:
                err.print("[red]error:[/red] --ray needs Ray: pip install 'casefile[scale]'", markup=True)
                raise typer.Exit(1) from None
            summary = run_on_ray(inputs, out, ray_address, workers, progress=tick, on_case=on_case)
        else:
            summary = run_local(inputs, out, progress=tick, on_case=on_case)
    for rid, problem in summary.failed:
        err.print(f"[yellow]failed[/yellow] {rid}: {problem}", markup=True, highlight=False)
    if not quiet:
        elapsed = time.perf_counter() - start
        err.print(f"read {summary.read}, skipped before parsing {summary.irrelevant}, read but no act against "
                  f"a person {summary.no_case}, no report (archived images, redirects) {summary.not_reports}, "
                  f"failed {len(summary.failed)}; {len(summary.cases)} cases built in "
                  f"{elapsed:.1f} s (reading {summary.seconds.get('reading', 0):.1f} s, cases "
                  f"{summary.seconds.get('cases', 0):.1f} s); index: {out / 'index.json'}", highlight=False)
    if summary.failed:
        raise typer.Exit(2)


def _registry_sink(db: str):
    from casefile.batch.grouping import same_person
    from casefile.model import DocAnalysis, Source
    from casefile.store import Registry

    reg = Registry(db)

    def sink(case, cf, docs) -> None:
        slug = None
        for c in reg.cases():  # a report about a person already in the registry joins that case
            if c.subject and len(c.subject.split()) > 1 and same_person(c.subject, case.name):
                slug = c.slug
                break
        if slug is None:
            slug = case.id
            if slug in {c.slug for c in reg.cases()}:
                slug = f"{slug}-{len(reg.cases())}"
            reg.new_case(slug, case.name)
        items = [(d["original"].encode("utf-8", "surrogateescape"), Source.model_validate(d["source"]),
                  DocAnalysis.model_validate(d["analysis"])) for d in docs]
        reg.add_read(slug, items)

    return sink
