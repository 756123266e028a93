"""The audit counts what ``copydesk check`` finds in the same texts written as files, and gives
the same output in this process, on a local pool and on a real dask.distributed cluster."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from auditkit import ARTICLES, write_jsonl

EXTRA = [
    {
        "id": f"x{i}",
        "desk": "sport" if i % 2 else "home",
        "year": 2018 + i % 4,
        "text": f"Story {i}. The comittee met on Monday and said about 1,{i:03d} fans attended.\n\n"
        "It was a very unique occasion, the the organisers said.",
    }
    for i in range(40)
]
BIN = Path(sys.executable).parent


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "copydesk"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COPYDESK_NO_CACHE": "1"},
    )


@pytest.fixture
def big_archive(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "archive.jsonl", ARTICLES + EXTRA)


def test_counts_equal_check_over_files(tmp_path: Path, big_archive: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    for article in ARTICLES + EXTRA:
        (files / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
    paths = sorted(str(p) for p in files.iterdir())
    checked = cli("check", "--format", "json", "--jobs", "1", *paths, cwd=tmp_path)
    assert checked.returncode in (0, 1), checked.stderr
    report = json.loads(checked.stdout)
    by_code = Counter(f["code"] for file in report["files"] for f in file["findings"])
    audited = cli("audit", str(big_archive), "--out", "out", "-j", "0", cwd=tmp_path)
    assert audited.returncode == 0, audited.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["by_code"] == dict(sorted(by_code.items()))
    assert summary["articles"] == len(ARTICLES) + len(EXTRA)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """A dask scheduler and two single-threaded workers on loopback, as separate processes."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [
        subprocess.Popen(
            [
                str(BIN / "dask"),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=tmp_path,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the dask scheduler did not start")
                time.sleep(0.2)
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        str(BIN / "dask"),
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--no-dashboard",
                        "--host",
                        "127.0.0.1",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    cwd=tmp_path,
                )
            )
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _outputs(folder: Path) -> tuple[object, ...]:
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    summary.pop("inputs")
    return (
        pq.read_table(folder / "findings.parquet").to_pylist(),
        summary,
        (folder / "report.html").read_text(encoding="utf-8"),
    )


def test_same_output_in_process_local_pool_and_cluster(
    tmp_path: Path, big_archive: Path, cluster: str
) -> None:
    # small partitions, so that both workers get several and finish out of order
    args = [
        str(big_archive),
        "--group-by",
        "desk",
        "--group-by",
        "year",
        "--partition-bytes",
        "512",
    ]
    runs = {}
    for name, extra in (
        ("inline", ["-j", "0"]),
        ("pool", ["-j", "2"]),
        ("cluster", ["--scheduler", cluster]),
    ):
        done = subprocess.run(
            [str(BIN / "copydesk"), "audit", *args, "--out", name, *extra],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        runs[name] = _outputs(tmp_path / name)
    assert runs["inline"] == runs["pool"] == runs["cluster"]
    assert len(runs["inline"][0]) > 40  # type: ignore[arg-type]


def test_unreachable_scheduler_is_one_line(tmp_path: Path, big_archive: Path) -> None:
    done = cli(
        "audit",
        str(big_archive),
        "--out",
        "o",
        "--scheduler",
        f"tcp://127.0.0.1:{_free_port()}",
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("copydesk: error: tcp://127.0.0.1:")
    assert done.stderr.count("\n") == 1
