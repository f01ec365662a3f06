"""Benchmark: adding one report to a stored case of N reports (default 1,000).

Builds the case once (all N reports read and stored), then times `Registry.add` of one
new report, and separately the reading of that report alone; the difference is what the
registry costs beyond reading (aim: under 2 seconds at N = 1,000).

    .venv/bin/python bench/registry_add.py [N] [--worst]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate  # noqa: E402

from casefile.ingest import read_source  # noqa: E402
from casefile.read import read_sources  # noqa: E402
from casefile.store import Registry  # noqa: E402


def main(n: int, worst: bool) -> None:
    # a long-running case: n reports retelling acts on 40 dates; --worst: every report a new date
    records, truth = generate(n + 3, share_cases=1.0, seed=11, reports_per_case=(n + 3, n + 3),
                              date_pool=None if worst else 40)
    # one person's reports: the case grows to n reports about one subject
    person = max(set(truth.values()), key=lambda p: sum(1 for v in truth.values() if v == p))
    mine = [r for r in records if truth.get(r["id"]) == person][: n + 3]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        paths = []
        for r in mine:
            p = folder / f"{r['id']}.txt"
            p.write_text(f"Published: {r['date']}\n\n{r['text']}\n", encoding="utf-8")
            paths.append(p)
        reg = Registry(str(Path(tmp) / "bench.db"))
        reg.new_case("bench")
        t0 = time.perf_counter()
        reg.add("bench", paths[:n])
        build = time.perf_counter() - t0
        adds, reads = [], []
        for extra in paths[n:]:
            src = read_source(extra, extra.read_bytes(), "S0")
            t1 = time.perf_counter()
            read_sources([src])
            reads.append(time.perf_counter() - t1)
            t2 = time.perf_counter()
            reg.add("bench", [extra])
            adds.append(time.perf_counter() - t2)
    add, read = statistics.median(adds), statistics.median(reads)
    print(f"case of {n} reports built in {build:.1f} s ({n / build:.1f} reports/s)")
    print(f"adding one report: {add:.2f} s (median of {len(adds)}); reading it alone: {read:.3f} s; "
          f"registry overhead beyond reading: {add - read:.2f} s")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 1000, "--worst" in sys.argv)
