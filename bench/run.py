"""Time `casefile build` on the shared corpus and on a synthetic bundle; report documents per
second and peak memory. Each build runs in its own process, so peak memory is that build's.

    PYTHONPATH=src python bench/run.py [--n 500] [--skip-corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def build(docs: Path, out: Path) -> dict:
    """Run one build in a child process; wall time and the child's peak resident memory."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    code = ("import resource, sys, time\n"
            "from casefile.cli import main\n"
            "t = time.perf_counter()\n"
            "sys.argv = ['casefile', 'build', sys.argv[1], '--out', sys.argv[2], '-q', '--json-only']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('BENCH', time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, str(docs), str(out)], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(proc.stderr[-2000:])
    _, inner, rss_kb = line.split()
    n = len([p for p in docs.iterdir() if p.is_file()])
    events = len(json.loads((out / "casefile.json").read_text())["events"])
    return {"docs": n, "seconds": round(float(inner), 2), "wall_seconds": round(wall, 2),
            "docs_per_second": round(n / float(inner), 2), "peak_mb": round(int(rss_kb) / 1024, 1),
            "events": events}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--skip-corpus", action="store_true")
    args = ap.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_corpus and CORPUS.exists():
            for case in sorted(p for p in CORPUS.iterdir() if (p / "docs").is_dir()):
                rows[case.name] = build(case / "docs", Path(tmp) / case.name)
        synth = Path(tmp) / "synthetic"
        subprocess.run([sys.executable, str(Path(__file__).with_name("synth.py")), str(synth), "-n", str(args.n)],
                       check=True, capture_output=True)
        rows[f"synthetic-{args.n}"] = build(synth, Path(tmp) / "synthetic-out")
    print(f"{'bundle':16} {'docs':>5} {'seconds':>8} {'docs/s':>7} {'peak MB':>8} {'events':>6}")
    for name, r in rows.items():
        print(f"{name:16} {r['docs']:5} {r['seconds']:8} {r['docs_per_second']:7} {r['peak_mb']:8} {r['events']:6}")


if __name__ == "__main__":
    main()
