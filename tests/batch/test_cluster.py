"""`casefile batch --ray ADDRESS` on a real two-node Ray cluster started on this machine: a
head node and a second node joining it with `ray start --address`, each with one CPU, its own
temporary folder and its own ports. The case files must equal those of a local run, and both
nodes must have read reports. The nodes are stopped in the fixture's finaliser."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import casefile
from casefile.batch.run import run_local

pytest.importorskip("ray")
RAY = Path(sys.executable).with_name("ray")
SRC = Path(casefile.__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parents[2] / "bench" / "synthetic.py"


class _Ports:
    """Free ports on this machine, each handed out once: all the sockets of a batch are bound
    together, so they differ from each other, and closed just before Ray binds them."""

    def __init__(self) -> None:
        self.given: set[int] = set()

    def take(self, n: int) -> list[int]:
        socks = []
        try:
            while len(socks) < n:
                s = socket.socket()
                s.bind(("127.0.0.1", 0))
                if s.getsockname()[1] in self.given:
                    s.close()
                    continue
                socks.append(s)
            ports = [int(s.getsockname()[1]) for s in socks]
        finally:
            for s in socks:
                s.close()
        self.given.update(ports)
        return ports


def _env() -> dict[str, str]:
    # the cluster's workers import casefile as this process does; no token auth between nodes on
    # one machine (a token file another Ray left in the home folder would turn it on for the head only)
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0",
            "RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S": "0"}  # a test node has nothing to hand over: stop at once


def _node(tmp: Path, ports: _Ports, *args: str) -> subprocess.Popen:
    """`ray start --block` in a session of its own: stopping it (SIGTERM) stops the node's processes."""
    tmp.mkdir(parents=True)
    manager, objects, agent, agent_grpc, runtime_env, metrics = ports.take(6)
    workers = ",".join(map(str, ports.take(24)))
    cmd = [str(RAY), "start", "--block", "--num-cpus=1", "--object-store-memory=150000000",
           "--disable-usage-stats", f"--temp-dir={tmp}", f"--node-manager-port={manager}",
           f"--object-manager-port={objects}", f"--dashboard-agent-listen-port={agent}",
           f"--dashboard-agent-grpc-port={agent_grpc}", f"--runtime-env-agent-port={runtime_env}",
           f"--metrics-export-port={metrics}", f"--worker-port-list={workers}", *args]
    log = (tmp / "ray-start.log").open("w")
    return subprocess.Popen(cmd, env=_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=45)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def _alive_nodes(address: str) -> int:
    r = subprocess.run([str(RAY), "status", f"--address={address}"], env=_env(), capture_output=True, text=True,
                       timeout=60)
    active = r.stdout.split("Active:", 1)[-1].split("Pending:", 1)[0] if "Active:" in r.stdout else ""
    return len(re.findall(r"^\s*1 node_", active, re.M))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    if not RAY.exists():
        pytest.skip("no ray command beside this interpreter")
    # a short folder: Ray's socket paths under it must stay within the 107 bytes of a Unix socket
    base = Path(tempfile.mkdtemp(prefix="cfray-", dir="/tmp" if Path("/tmp").is_dir() else None))
    ports = _Ports()
    (port,) = ports.take(1)
    address = f"127.0.0.1:{port}"
    procs = [_node(base / "head", ports, "--head", f"--port={port}", "--include-dashboard=false")]
    try:
        deadline = time.monotonic() + 120
        joined = False
        while time.monotonic() < deadline:
            if procs[0].poll() is not None:
                pytest.fail(f"the head node did not start: {(base / 'head' / 'ray-start.log').read_text()[-2000:]}")
            if not joined and "Ray runtime started" in (base / "head" / "ray-start.log").read_text():
                procs.append(_node(base / "second", ports, f"--address={address}"))
                joined = True
            if joined and _alive_nodes(address) == 2:
                break
            time.sleep(2)
        else:
            pytest.fail("the two-node cluster did not come up in two minutes")
        yield address, base
    finally:
        for p in reversed(procs):
            _stop(p)
    # stopped: none of the nodes' processes is left (they all name their node's temporary folder)
    time.sleep(2)
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(base) not in ps, "a process of the test's Ray nodes outlived the test"
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("synthetic", BENCH)
    assert spec and spec.loader
    syn = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = syn
    spec.loader.exec_module(syn)
    records, _ = syn.generate(40, share_cases=0.5, seed=11)
    path = tmp_path_factory.mktemp("cluster-corpus") / "news.jsonl"
    syn.write_jsonl(path, records)
    return path


def _case_files(out: Path) -> dict[str, dict]:
    res = {}
    for p in (out / "cases").glob("*/casefile.json"):
        cf = json.loads(p.read_text(encoding="utf-8"))
        cf.pop("generated_at")
        res[p.parent.name] = cf
    return res


def test_batch_on_a_two_node_cluster_gives_the_local_case_files(cluster, corpus: Path, tmp_path: Path) -> None:
    address, base = cluster
    run_local([str(corpus)], tmp_path / "local")
    r = subprocess.run([sys.executable, "-m", "casefile", "batch", str(corpus), "--out", str(tmp_path / "ray"),
                        "--ray", address, "--workers", "2", "--quiet"], env=_env(), capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    local, on_ray = _case_files(tmp_path / "local"), _case_files(tmp_path / "ray")
    assert local and local.keys() == on_ray.keys()
    assert local == on_ray
    # each node ran one of the two reading actors (Ray names each worker's log after its actor)
    for node in ("head", "second"):
        logs = list((base / node).glob("session_*/logs/worker-*.out"))
        assert any(":actor_name:_Worker" in p.read_text(errors="replace") for p in logs), node
    index = json.loads((tmp_path / "ray" / "index.json").read_text(encoding="utf-8"))
    assert index["summary"]["cases"] == len(local)
