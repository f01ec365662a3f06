"""How many general-news pages yield an act: the reader's precision on reports about no case.

    PYTHONPATH=src python bench/general_news_acts.py [--list]

Runs `casefile build` on each of the 181 pages of `../shared/bench/article-extraction/`
(shopping guides, reviews, politics, sport, ...) as a bundle of its own, and counts the
pages whose case file has any event. The pages listed in `legal-news.json` there do report
a detention or prosecution against someone and are counted apart. Issue 15 asks for at
most 5 of the others. With --list, prints each page with an act and the acts' words.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "article-extraction"


def main() -> int:
    if not BENCH.is_dir():
        print(f"no benchmark pages at {BENCH}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    from casefile.pipeline import build_case

    legal = {p["key"] for p in json.loads((BENCH / "legal-news.json").read_text())["pages"]}
    pages = sorted((BENCH / "html").glob("*.html.gz"))
    with_acts: list[tuple[str, list[str]]] = []
    legal_found = 0
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            key = page.name.removesuffix(".html.gz")
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(gzip.decompress(page.read_bytes()))
            cf = build_case([path]).casefile
            path.unlink()
            if not cf.events:
                continue
            if key in legal:
                legal_found += 1
                continue
            with_acts.append((key, [f"{e.type} ({e.evidence[0].quote[:100]!r})" for e in cf.events]))
    others = len(pages) - len([p for p in pages if p.name.removesuffix(".html.gz") in legal])
    print(f"general-news pages with an act: {len(with_acts)} of {others} (aim: at most 5); "
          f"pages that report one (legal-news.json): {legal_found} of {len(legal)} with an act")
    if "--list" in sys.argv:
        for key, acts in with_acts:
            print(f"  {key[:12]}: " + "; ".join(acts[:4]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
