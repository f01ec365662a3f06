"""Article-extraction benchmark for casefile's HTML ingest (not part of the test suite).

Runs every page of the article-extraction benchmark (181 real pages with the
article body a person marked; see ../shared/bench/article-extraction/README.md)
through casefile's own HTML path (decode -> trafilatura -> boilerplate removal,
`casefile.ingest.read_source`) and scores the text the way that benchmark does:
token 4-gram shingle multisets of the extracted text against the ground truth,
per-page true/false positives and negatives normalised to sum to one, precision
and recall averaged over the pages where they are defined, F1 from those means.

    PYTHONPATH=src python bench/article_extraction.py [--data DIR] [--baseline] [--worst N]

--baseline also scores trafilatura's plain `extract()` on the same pages, to
show what casefile's own steps add or cost.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

import trafilatura

from casefile.errors import IngestError
from casefile.ingest import read_source

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "article-extraction"
_TOKEN = re.compile(r"\w+")
NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised so that every page weighs the same."""
    t, p = shingles(truth), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum(p.values())) - tp
    fn = float(sum(t.values())) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    p = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def casefile_text(stem: str, data: bytes) -> str:
    try:
        return read_source(Path(f"{stem}.html"), data, "S1").text
    except IngestError:
        return ""


def trafilatura_text(data: bytes) -> str:
    return trafilatura.extract(data.decode("utf-8", errors="replace")) or ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--baseline", action="store_true", help="also score trafilatura.extract() alone")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    ours: list[tuple[float, float, float]] = []
    base: list[tuple[float, float, float]] = []
    per_page: list[tuple[float, str]] = []
    for stem in sorted(truth):
        data = gzip.decompress((args.data / "html" / f"{stem}.html.gz").read_bytes())
        gold = truth[stem].get("articleBody", "")
        c = page_counts(gold, casefile_text(stem, data))
        ours.append(c)
        p, r = _precision(*c), _recall(*c)
        per_page.append((2 * p * r / (p + r) if p + r else 0.0, stem))
        if args.baseline:
            base.append(page_counts(gold, trafilatura_text(data)))
    print(f"pages {len(ours)}")
    print("casefile HTML ingest   precision={:.3f} recall={:.3f} F1={:.3f}".format(*summarise(ours)))
    if base:
        print("trafilatura.extract()  precision={:.3f} recall={:.3f} F1={:.3f}".format(*summarise(base)))
    for f1, stem in sorted(per_page)[: args.worst]:
        print(f"  {f1:.3f} {stem} {truth[stem].get('url', '')}")


if __name__ == "__main__":
    main()
