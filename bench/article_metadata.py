"""Publication date and outlet on real pages: casefile's metadata readers against what each
page declares about itself (not part of the test suite).

The 181 pages of the article-extraction benchmark (../shared/bench/article-extraction/)
come with their address. What a page declares about itself is read here, independently of
casefile, with lxml: the publication date from its JSON-LD (`datePublished`), its meta tags
(`article:published_time`, `datePublished`, `date`, `pubdate`, ...) or else a date in its
address (`/2019/03/14/`); the outlet from `og:site_name`, the JSON-LD publisher, the
`application-name`, and the address's site name.

casefile is scored on two paths:

- html: the page as an .html report (`read_source`): trafilatura's metadata, then casefile's.
- text: the same page flattened to its visible lines, as a scraper saves it to a .txt file
  (menus, bylines, date lines and all), then read as a .txt report: only casefile's readers of
  datelines, date lines, mastheads and self-references can date it and name its outlet. This
  is the shape of most reports researchers collect.

A date is right when it equals the declared day, or is that day's month at month precision
("month"); within a day of it counts apart ("±1 day": a time zone). An outlet is right when it
is one of the declared names, or the site's name in the address, written with or without
spaces, "the" or a domain ending, or their initials.

    PYTHONPATH=src python bench/article_metadata.py [--data DIR] [--path html|text|both] [--misses N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

from casefile.errors import IngestError
from casefile.ingest import read_source

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "article-extraction"
_DATE = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|-|$)")
_META_DATE_KEYS = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
                   "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
                   "parsely-pub-date", "og:published_time", "article.published", "originalpublicationdate")
_META_SITE_KEYS = ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "section",
          "article", "aside", "nav", "figure", "figcaption", "time", "tr", "table", "blockquote", "main", "span-block",
          "dt", "dd", "form", "button", "label", "address", "pre", "hr"}
_DROP = ("script", "style", "noscript", "svg", "template", "head", "iframe", "object")


# --- what a page declares ------------------------------------------------------------


def _json_ld(doc: lxml.html.HtmlElement) -> list[dict]:
    out: list[dict] = []
    for el in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text_content())
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    return out


def declared(html: str, url: str) -> tuple[str | None, set[str]]:
    """(declared publication day, declared outlet names) of a page."""
    doc = lxml.html.fromstring(html)
    dates: list[str] = []
    names: set[str] = set()
    for item in _json_ld(doc):
        for key in ("datePublished", "dateCreated"):
            v = item.get(key)
            if isinstance(v, str) and _DATE.search(v):
                dates.append(_DATE.search(v).group(0))  # type: ignore[union-attr]
        pub = item.get("publisher")
        for p in pub if isinstance(pub, list) else [pub]:
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                names.add(p["name"])
    for el in doc.xpath("//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content") or ""
        if key in _META_DATE_KEYS and _DATE.search(content):
            dates.append(_DATE.search(content).group(0))  # type: ignore[union-attr]
        if key in _META_SITE_KEYS and content.strip():
            names.add(content.strip().lstrip("@"))
    m = _URL_DATE.search(urlsplit(url).path)
    if m:
        dates.append("-".join(m.groups()))
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    parts = host.split(".")
    if len(parts) >= 2:
        names.add(parts[-3] if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net") else parts[-2])
    good = [d for d in dates if _is_day(d)]
    return (good[0] if good else None), names


def _is_day(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
        return True
    except ValueError:
        return False


def flatten(html: str) -> str:
    """A page's visible text, one block per line, as a scraper saves a page to a text file."""
    doc = lxml.html.fromstring(html)
    for el in list(doc.iter(*_DROP)):
        el.drop_tree()
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            if el.text:
                el.text = "\n" + el.text
    lines = (" ".join(ln.split()) for ln in doc.text_content().splitlines())
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


# --- scoring -------------------------------------------------------------------------


def _key(name: str) -> str:
    name = name.lower().strip()
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"\.(com|org|net|co\.uk|ru|kz|io|media|news)$", "", name)
    return re.sub(r"[^\w]", "", name)


def outlet_right(found: str | None, names: set[str]) -> bool:
    if not found:
        return False
    keys = {_key(n) for n in names if _key(n)}
    f = _key(found)
    initials = "".join(w[0] for w in re.findall(r"\w+", re.sub(r"^the\s+", "", found.lower())))
    return any(f == k or (len(f) >= 4 and len(k) >= 4 and (f in k or k in f)) or initials == k for k in keys)


def date_grade(found: str | None, gold: str) -> str:
    if not found:
        return "none"
    if found == gold:
        return "day"
    if len(found) == 7 and gold.startswith(found):
        return "month"
    if len(found) == 10 and _is_day(found):
        if abs((date.fromisoformat(found) - date.fromisoformat(gold)).days) <= 1:
            return "±1 day"
    return "wrong"


def read(stem: str, data: bytes, path: str) -> tuple[str | None, str | None]:
    try:
        if path == "html":
            s = read_source(Path(f"{stem}.html"), data, "S1")
        else:
            text = flatten(data.decode("utf-8", errors="replace"))
            s = read_source(Path(f"{stem}.txt"), text.encode("utf-8"), "S1")
    except IngestError:
        return None, None
    return s.published, s.outlet


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--path", choices=("html", "text", "both"), default="both")
    ap.add_argument("--misses", type=int, default=0, help="list N wrong dates and outlets per path")
    ap.add_argument("--dump", type=Path, help="write every page's declared and found metadata as JSON")
    args = ap.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"no benchmark data at {args.data}")
        return
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    paths = ("html", "text") if args.path == "both" else (args.path,)
    grades: dict[str, Counter[str]] = {p: Counter() for p in paths}
    outlets: dict[str, Counter[str]] = {p: Counter() for p in paths}
    misses: dict[str, list[str]] = {p: [] for p in paths}
    n_dated = n_named = 0
    dump: dict[str, dict] = {}
    for stem in sorted(truth):
        data = gzip.decompress((args.data / "html" / f"{stem}.html.gz").read_bytes())
        url = truth[stem].get("url", "")
        gold_date, names = declared(data.decode("utf-8", errors="replace"), url)
        n_dated += gold_date is not None
        n_named += bool(names)
        dump[stem] = {"url": url, "declared": [gold_date, sorted(names)]}
        for p in paths:
            published, outlet = read(stem, data, p)
            dump[stem][p] = [published, outlet]
            if gold_date:
                g = date_grade(published, gold_date)
                grades[p][g] += 1
                if g == "wrong":
                    misses[p].append(f"date {published} for {gold_date}  {url}")
            if names:
                if outlet is None:
                    outlets[p]["none"] += 1
                elif outlet_right(outlet, names):
                    outlets[p]["right"] += 1
                else:
                    outlets[p]["wrong"] += 1
                    misses[p].append(f"outlet {outlet!r} for {sorted(names)}  {url}")
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"pages {len(truth)}; with a declared publication day {n_dated}; with declared outlet names {n_named}")
    for p in paths:
        g, o = grades[p], outlets[p]
        print(f"[{p}] date: day {g['day']}, month {g['month']}, ±1 day {g['±1 day']}, wrong {g['wrong']}, "
              f"none {g['none']}  (right at its precision {g['day'] + g['month']}/{n_dated})")
        print(f"[{p}] outlet: right {o['right']}, wrong {o['wrong']}, none {o['none']}  (of {n_named})")
        for line in misses[p][: args.misses]:
            print("   ", line)


if __name__ == "__main__":
    main()
