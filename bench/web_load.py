"""Load benchmark on loopback: C concurrent clients read the case page of an N-report case
for S seconds (defaults 50, 200, 30); prints p50/p95 latency and the error count.

    .venv/bin/python bench/web_load.py [clients] [reports] [seconds]
"""

from __future__ import annotations

import asyncio
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate  # noqa: E402

from casefile.store import Registry  # noqa: E402
from casefile.store.accounts import Accounts  # noqa: E402


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _client(base: str, slug: str, until: float, lat: list[float], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        token = re.search(r'name="csrf" value="([^"]+)"', (await c.get("/login")).text).group(1)
        await c.post("/login", data={"username": "bench", "password": "bench-pass", "csrf": token})
        while time.perf_counter() < until:
            t = time.perf_counter()
            try:
                # the body is read as sent (not decompressed): the load generator shares the
                # machine's two cores with the server and should spend as little as it can
                async with c.stream("GET", f"/cases/{slug}", headers={"Accept-Encoding": "gzip"}) as r:
                    async for _ in r.aiter_raw():
                        pass
                if r.status_code != 200:
                    errors.append(str(r.status_code))
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
            lat.append(time.perf_counter() - t)


def main(clients: int, reports: int, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.db")
        reg = Registry(db)
        Accounts(reg).add_user("bench", "bench-pass", "editor")
        records, truth = generate(reports, share_cases=1.0, seed=5, reports_per_case=(reports, reports))
        folder = Path(tmp) / "r"
        folder.mkdir()
        for r in records[:reports]:
            (folder / f"{r['id']}.txt").write_text(f"Published: {r['date']}\n\n{r['text']}\n", encoding="utf-8")
        reg.new_case("load")
        t0 = time.perf_counter()
        reg.add("load", [folder])
        print(f"case of {len(reg.casefile('load').sources)} reports stored in {time.perf_counter() - t0:.1f} s")
        port = _port()
        server = subprocess.Popen([sys.executable, "-m", "casefile", "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env={"CASEFILE_SECRET": "bench", "PATH": "/usr/bin:/bin", "PYTHONPATH": "src"})
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(base + "/login", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            lat: list[float] = []
            errors: list[str] = []
            until = time.perf_counter() + seconds

            async def run() -> None:
                await asyncio.gather(*(_client(base, "load", until, lat, errors) for _ in range(clients)))

            asyncio.run(run())
        finally:
            server.terminate()
            server.wait(timeout=10)
    q = statistics.quantiles(lat, n=100)
    print(f"{clients} clients, {seconds:.0f} s: {len(lat)} requests ({len(lat) / seconds:.1f}/s), "
          f"p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, errors {len(errors)}")


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 50, int(a[1]) if len(a) > 1 else 200, float(a[2]) if len(a) > 2 else 30)
