"""Score every case of the shared corpus with the shared scorer, in one process.

    PYTHONPATH=src python bench/corpus_scores.py [CASE ...] [--details] [--json OUT]

Prints each case's score lines and total, the mean over the cases, and (for the events the
gold dates) how many the case file leaves with no date: the figure issue 15 asks to keep at
or under 5%. With --json, writes {case: {"total": ..., "parts": {...}}} for comparisons.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def undated(cf: dict, gold: dict, scorer_mod) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Gold events that have a date, and of those how many the case file only has undated.

    A gold event counts as undated when no system event of its type with a matching date
    exists but one of its type with date null cites one of the gold event's documents.
    """
    files = {s["id"]: s["file"] for s in cf["sources"]}
    dated_gold = [g for g in gold["events"] if g.get("date")]
    n_undated = 0
    for g in dated_gold:
        same_type = [e for e in cf["events"] if e["type"] == g["type"]]
        dates = [g["date"], *(g.get("accept_dates") or [])]
        if any(scorer_mod.date_match(dates, e.get("date")) for e in same_type if e.get("date")):
            continue
        docs = set(g.get("docs") or [])
        if any(not e.get("date") and {files.get(x["source"]) for x in e["evidence"]} & docs for e in same_type):
            n_undated += 1
    return n_undated, len(dated_gold)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="*")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    from casefile.pipeline import build_case
    from casefile.render import render_json

    mod = _scorer()
    names = args.cases or sorted(p.name for p in CORPUS.iterdir() if (p / "gold.json").exists())
    totals: dict[str, dict] = {}
    und = [0, 0]
    for name in names:
        case = CORPUS / name
        cf = json.loads(render_json(build_case([case / "docs"]).casefile))
        gold = json.loads((case / "gold.json").read_text())
        sc = mod.Scorer(cf, gold)
        lines, total = sc.run()
        if args.details:
            lines = [*lines, *sc.details]
        u, n = undated(cf, gold, mod)
        und[0] += u
        und[1] += n
        totals[name] = {"total": total, "parts": dict(sc.parts), "undated": [u, n]}
        print(f"== {name}: {total}   (gold-dated events left undated: {u}/{n})")
        for line in lines:
            print("   " + line)
    mean = sum(t["total"] for t in totals.values()) / max(1, len(totals))
    print(f"\nmean {mean:.1f} over {len(totals)} cases; min {min(t['total'] for t in totals.values()):.1f}")
    print(f"gold-dated events left undated: {und[0]}/{und[1]} ({100 * und[0] / max(1, und[1]):.1f}%)")
    if args.json:
        args.json.write_text(json.dumps(totals, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
