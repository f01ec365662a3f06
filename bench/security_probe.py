"""The probes of the security issue, repeatable: adds killed with SIGKILL leave the registry
whole, concurrent adds lose nothing, a 1.6 MB report is read in bounded memory, and the case page stays fast for 50 readers while one
editor uploads a 1 MB report.

    .venv/bin/python bench/security_probe.py [kills] [clients] [seconds]

Prints one line per probe; exits 1 when a probe fails.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate  # noqa: E402
from web_load import _client, _port  # noqa: E402

from casefile.store import Registry  # noqa: E402
from casefile.store.accounts import Accounts  # noqa: E402

ENV = {"CASEFILE_SECRET": "probe", "PATH": "/usr/bin:/bin", "PYTHONPATH": "src", "CASEFILE_USER": "probe"}


def _reports(folder: Path, n: int, seed: int) -> list[Path]:
    folder.mkdir(parents=True)
    records, _ = generate(n, share_cases=1.0, seed=seed, reports_per_case=(n, n))
    paths = []
    for r in records[:n]:
        p = folder / f"{folder.name}-{r['id']}.txt"
        p.write_text(f"Published: {r['date']}\n\n{r['text']}\n", encoding="utf-8")
        paths.append(p)
    return paths


def _add(db: str, case: str, paths: list[Path]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "casefile", "add", case, *map(str, paths), "--db", db],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)


def kills(tmp: Path, n: int) -> bool:
    """Adds of 30 reports killed at random moments: the database stays whole and every version
    it holds is complete (its case file loads, with as many sources as the version says)."""
    db = str(tmp / "kill.db")
    Registry(db).new_case("k")
    paths = _reports(tmp / "kill", 30, seed=11)
    for _ in range(n):
        proc = _add(db, "k", paths)
        time.sleep(random.uniform(2.0, 12.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    ok = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reg = Registry(db)
    versions = reg.versions("k")
    whole = all(len(reg.casefile("k", v["number"]).sources) > 0 for v in versions)
    print(f"kill -9 during adds: {n} kills, {len(versions)} complete versions, integrity {'ok' if ok else 'BROKEN'}")
    return ok and whole


def concurrent(tmp: Path) -> bool:
    """Two adds of different reports to one case at once: both sets are in the case."""
    db = str(tmp / "conc.db")
    Registry(db).new_case("c")
    a, b = _reports(tmp / "a", 8, seed=21), _reports(tmp / "b", 8, seed=22)
    procs = [_add(db, "c", a), _add(db, "c", b)]
    for p in procs:
        p.wait()
    files = {s.file for s in Registry(db).casefile("c").sources}
    missing = {p.name for p in a + b} - files
    print(f"concurrent adds: {len(files)} of {len(a) + len(b)} reports stored, {len(missing)} lost")
    return not missing


def load_with_upload(tmp: Path, clients: int, seconds: float) -> bool:
    """50 readers on the case page while an editor uploads a 1 MB report: p95 under 300 ms."""
    db = str(tmp / "load.db")
    reg = Registry(db)
    Accounts(reg).add_user("bench", "bench-pass", "editor")
    reg.new_case("load")
    reg.add("load", _reports(tmp / "load", 100, seed=5))
    big = tmp / "big.txt"
    text = "".join((tmp / "load").joinpath(p.name).read_text() for p in sorted((tmp / "load").iterdir()))
    big.write_text((text * (1 + 1_000_000 // len(text)))[:990_000], encoding="utf-8")
    port = _port()
    server = subprocess.Popen([sys.executable, "-m", "casefile", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/login", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        lat: list[float] = []
        errors: list[str] = []
        until = time.perf_counter() + seconds
        upload: dict[str, float] = {}

        async def uploader() -> None:
            async with httpx.AsyncClient(base_url=base, timeout=600) as c:
                token = re.search(r'name="csrf" value="([^"]+)"', (await c.get("/login")).text).group(1)
                await c.post("/login", data={"username": "bench", "password": "bench-pass", "csrf": token})
                page = (await c.get("/cases/load")).text
                token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
                t = time.perf_counter()
                r = await c.post("/cases/load/upload", data={"csrf": token},
                                 files=[("files", ("big.txt", big.read_bytes()))])
                job = r.headers.get("location")
                while job:  # the job's page, reloaded as a browser would until the add is done
                    r = await c.get(job)
                    if "Adding reports" not in r.text:
                        break
                    await asyncio.sleep(1.0)
                upload["seconds"], upload["status"] = time.perf_counter() - t, r.status_code

        async def run() -> None:
            await asyncio.gather(uploader(), *(_client(base, "load", until, lat, errors) for _ in range(clients)))

        asyncio.run(run())
    finally:
        server.terminate()
        server.wait(timeout=10)
    p95 = statistics.quantiles(lat, n=100)[94] * 1000
    print(f"{clients} readers for {seconds:.0f} s while a 1 MB report was added "
          f"({upload.get('seconds', 0):.0f} s, HTTP {upload.get('status')}): {len(lat)} requests, "
          f"p95 {p95:.0f} ms, errors {len(errors)}")
    return p95 < 300 and not errors


def big_report(tmp: Path) -> bool:
    """One 1.6 MB report added by the CLI: its time and the peak memory of the process that
    reads it (the issue measured 2 min 40 s and 3.16 GB); aim under 1 GB."""
    db = str(tmp / "big.db")
    Registry(db).new_case("b")
    parts = _reports(tmp / "parts", 200, seed=31)
    text = "".join(p.read_text(encoding="utf-8") for p in parts)
    big = tmp / "big-report.txt"
    big.write_text((text * (1 + 1_600_000 // len(text)))[:1_600_000], encoding="utf-8")
    t = time.perf_counter()
    proc = _add(db, "b", [big])
    _, status, usage = os.wait4(proc.pid, 0)
    peak_mb = usage.ru_maxrss / 1024
    print(f"a 1.6 MB report added by the CLI: {time.perf_counter() - t:.0f} s, peak {peak_mb:.0f} MB, "
          f"exit {os.waitstatus_to_exitcode(status)}")
    return os.waitstatus_to_exitcode(status) == 0 and peak_mb < 1024


def main(n_kills: int, clients: int, seconds: float) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        ok = [kills(Path(tmp), n_kills), concurrent(Path(tmp)), big_report(Path(tmp)),
              load_with_upload(Path(tmp), clients, seconds)]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    a = sys.argv[1:]
    raise SystemExit(main(int(a[0]) if a else 5, int(a[1]) if len(a) > 1 else 50, float(a[2]) if len(a) > 2 else 30))
