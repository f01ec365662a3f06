"""Batch mode on real news: every report of the corpus cases mixed with the 181 general-news
pages of the article-extraction benchmark, run through `casefile batch` as a new user would.

The corpus reports go in as their folders of text files; the general-news pages as one
WARC.gz built here (each page an HTTP response with its URL), so the WARC path is what reads
them. Prints:

* pairwise precision and recall of "same case" over every pair of reports of which at least
  one is a corpus report. A corpus report truly belongs to its own case, and also to another
  corpus case when its case's gold lists that case's subject as a person and the report names
  them (a report of a prisoner exchange that freed two of the corpus's subjects belongs to
  both); a general-news page belongs to no corpus case. Pairs of two general-news pages are
  left out (no truth for them): the next figure covers them;
* general-news pages put into a case, other than those `legal-news.json` lists as reporting
  an act (aim: at most 5);
* cases whose subject is not a person (aim: 0).

    PYTHONPATH=src python bench/batch_mixed.py [--details] [--keep DIR] [--ray ADDRESS]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
PAGES = SHARED / "bench" / "article-extraction"
CAPTURED = "2020-01-01T00:00:00Z"  # the pages' capture date is not known; a fixed one keeps runs equal


def write_warc(path: Path) -> dict[str, str]:
    """The general-news pages as HTTP responses in one WARC.gz. Returns {url: page key}."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    urls: dict[str, str] = {}
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in sorted((PAGES / "html").glob("*.html.gz")):
            key = page.name.split(".")[0]
            url = truth.get(key, {}).get("url") or f"https://pages.invalid/{key}"
            urls[url] = key
            body = gzip.decompress(page.read_bytes())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": CAPTURED})
            writer.write_record(rec)
    return urls


def _consonants(name: str) -> str:
    """A surname's first letter and its consonants: the same person romanised from two
    languages (a Belarusian and a Russian spelling differ in their unstressed vowels) keeps them."""
    last = name.split()[-1] if name.split() else ""
    return last[:1] + re.sub(r"[aeiouy]", "", last[1:])


def corpus_truth() -> tuple[dict[str, set[str]], dict[str, str]]:
    """{report path: the corpus cases it belongs to}, {case: its gold subject}. Names are
    compared in Latin letters (the golds write them in the script of their case's reports), a
    person of one gold being another case's subject when their surnames keep the same
    consonants and their given names start alike."""
    from casefile.batch.grouping import latin

    golds = {d.name: json.loads((d / "gold.json").read_text(encoding="utf-8"))
             for d in sorted(CORPUS.iterdir()) if (d / "gold.json").is_file()}
    subjects = {c: g["subject"] for c, g in golds.items()}

    def names(case: str) -> set[str]:
        g = golds[case]
        ent = next((e for e in g["entities"] if e.get("role") == "subject"), {})
        return {latin(n) for n in (g["subject"], ent.get("name", ""), *ent.get("aliases", [])) if latin(n)}

    def same(a: str, b: str) -> bool:
        return len(a.split()) > 1 and len(b.split()) > 1 and a[0] == b[0] and _consonants(a) == _consonants(b)

    truth: dict[str, set[str]] = {}
    for case, g in golds.items():
        # for each other case whose subject is a person of this gold: that person's names here
        written: dict[str, set[str]] = {}
        for e in g["entities"]:
            if e.get("type") != "person":
                continue
            forms = {latin(n) for n in (e["name"], *e.get("aliases", [])) if latin(n)}
            for other in golds:
                if other != case and any(same(a, b) for a in forms for b in names(other)):
                    keys = {_consonants(b) for b in names(other)}  # the surname's forms, not a given name alone
                    written.setdefault(other, set()).update(f for f in forms if _consonants(f) in keys)
        for doc in sorted((CORPUS / case / "docs").glob("*.txt")):
            text = latin(doc.read_text(encoding="utf-8"))
            labels = {case}
            for other, forms in written.items():  # named in the report by surname (in any case form)
                if any(f" {n.split()[-1]}" in f" {text}" for n in forms):
                    labels.add(other)
            truth[str(doc)] = labels
    return truth, subjects


def pairwise(truth: dict[str, set[str]], got: dict[str, set[str]], pages: list[str]) -> tuple[float, float, int, int, int]:
    items = sorted(truth) + sorted(pages)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a not in truth and b not in truth:
                continue
            same_true = bool(truth.get(a, set()) & truth.get(b, set()))
            same_got = bool(got.get(a, set()) & got.get(b, set()))
            tp += same_true and same_got
            fp += (not same_true) and same_got
            fn += same_true and not same_got
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the run's output here and keep it")
    ap.add_argument("--ray", help="run on this Ray address instead of in this process")
    args = ap.parse_args()
    if not CORPUS.is_dir() or not (PAGES / "html").is_dir():
        print(f"no corpus at {CORPUS} or no pages at {PAGES}", file=sys.stderr)
        return 1
    from casefile.batch.run import run_local, run_on_ray

    truth, subjects = corpus_truth()
    legal = {p["key"] for p in json.loads((PAGES / "legal-news.json").read_text(encoding="utf-8"))["pages"]}
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "general-news.warc.gz"
        urls = write_warc(warc)
        out = args.keep or Path(tmp) / "out"
        inputs = [str(CORPUS / c / "docs") for c in subjects] + [str(warc)]
        start = time.perf_counter()
        summary = run_on_ray(inputs, out, args.ray) if args.ray else run_local(inputs, out)
        elapsed = time.perf_counter() - start
        got: dict[str, set[str]] = {}
        cases: dict[str, dict] = {}
        for cf_path in sorted((out / "cases").glob("*/casefile.json")):
            cf = json.loads(cf_path.read_text(encoding="utf-8"))
            cid = cf_path.parent.name
            cases[cid] = cf
            for s in cf["sources"]:
                key = urls.get(s.get("path") or "", s["file"])
                got.setdefault(key, set()).add(cid)
    page_keys = sorted(urls.values())
    precision, recall, tp, fp, fn = pairwise(truth, got, page_keys)
    in_case = sorted(k for k in page_keys if k in got)
    stray = [k for k in in_case if k not in legal]

    def subject_type(cf: dict) -> str:
        ent = next((e for e in cf["entities"] if e["id"] == cf["subject"]), None)
        return ent["type"] if ent else "none"

    # a subject is not a person where the case file types it otherwise, or where a corpus gold
    # names it as an organisation or place; the subjects of cases made of general-news pages
    # alone have no gold, and are printed for a check by eye
    from casefile.batch.grouping import latin

    gold_types: dict[str, str] = {}
    for d in sorted(CORPUS.iterdir()):
        if (d / "gold.json").is_file():
            for e in json.loads((d / "gold.json").read_text(encoding="utf-8"))["entities"]:
                for n in (e["name"], *e.get("aliases", [])):
                    gold_types.setdefault(latin(n), e["type"])

    def subject_name(cf: dict) -> str:
        return next((e["name"] for e in cf["entities"] if e["id"] == cf["subject"]), "")

    not_person = sorted(cid for cid, cf in cases.items() if subject_type(cf) not in ("person", "group")
                        or gold_types.get(latin(subject_name(cf)), "person") not in ("person", "group"))
    pages_only = sorted(subject_name(cf) for cid, cf in cases.items()
                        if not any(cid in got.get(doc, set()) for doc in truth))
    s = summary.as_dict()
    print(f"stream: {len(truth)} corpus reports of {len(subjects)} cases + {len(page_keys)} general-news pages "
          f"(WARC); {elapsed:.0f} s; read {s['read']}, skipped before parsing {s['skipped_irrelevant']}, "
          f"read but no act against a person {s['read_but_no_case']}, failed {len(s['failed'])}; "
          f"{len(cases)} cases")
    print(f"same case, pairwise: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    own = {doc: {Path(doc).parent.parent.name} for doc in truth}
    p_own, r_own, *_ = pairwise(own, got, page_keys)
    print(f"  (counting each corpus report in its own case only, not also in the case of another corpus "
          f"subject it reports an act against: precision {p_own:.3f}, recall {r_own:.3f})")
    print(f"general-news pages in a case: {len(in_case)}, of which not in legal-news.json: {len(stray)} (aim <= 5); "
          f"pages of legal-news.json in a case: {len(set(in_case) & legal)} of {len(legal)}")
    print(f"cases whose subject is not a person: {len(not_person)} (aim 0) {not_person if not_person else ''}")
    print(f"  subjects of the cases made of general-news pages alone (no gold; check by eye): "
          f"{'; '.join(pages_only)}")
    if args.details:
        print("\ncases:")
        for cid, cf in sorted(cases.items(), key=lambda kv: -len(kv[1]["sources"])):
            ent = next((e for e in cf["entities"] if e["id"] == cf["subject"]), None)
            members = sorted({k for k, v in got.items() if cid in v})
            labels = sorted({lab for m in members for lab in truth.get(m, {"page" if m in urls.values() else "?"})})
            print(f"  {cid}: subject {ent['name'] if ent else None} ({subject_type(cf)}), "
                  f"{len(cf['sources'])} sources, {len(cf['events'])} events; from {labels}")
        owner: dict[str, str] = {}
        for lab in subjects:
            held = Counter(cid for doc in truth if Path(doc).parent.parent.name == lab for cid in got.get(doc, set()))
            if held:
                owner[lab] = held.most_common(1)[0][0]
        print("\ncorpus reports missing from a case they belong to (its case: the case holding most of its reports):")
        for doc, labels in sorted(truth.items()):
            missing = sorted(lab for lab in labels if owner.get(lab) not in got.get(doc, set()))
            if missing:
                print(f"  {Path(doc).parent.parent.name}/{Path(doc).name}: not in the case of {missing}; "
                      f"in {sorted(got.get(doc, set()))}")
        print("\ngeneral-news pages in a case (* = not in legal-news.json):")
        for k in in_case:
            print(f"  {'*' if k in stray else ' '} {k[:12]}: {sorted(got[k])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
