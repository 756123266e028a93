"""Re-check latency of ``copydesk lsp``: how long after an edit the diagnostics for the new
text arrive, for a story of about 1,000 words, through the real server over stdio.

    .venv/bin/python benchmarks/lsp_latency.py [SHARED] [--rounds 40] [--words 1000]

With the shared folder the story is built from BBC News articles (``corpora/bbc-news``) to the
word count; without it, from the repository's sample article. The server is started with
``debounceMs: 0`` so that what is timed is the check and the protocol, not the pause a server
waits for typing to stop. Each round types a word into the middle of the story or deletes it
again (an incremental change, as editors send), then waits for the diagnostics of exactly that
version. The first rounds warm the caches and are not counted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
SERVER = [
    sys.executable,
    "-c",
    "import sys; from copydesk.cli import main; sys.exit(main(['lsp']))",
]
WAIT = 60.0


def story(shared: Path | None, words: int) -> tuple[str, str]:
    """(Markdown text of about ``words`` words, where it came from)."""
    paragraphs: list[str] = []
    if shared is not None:
        articles = []
        for split in ("train", "val", "test"):
            with open(shared / "corpora" / "bbc-news" / f"{split}.jsonl", encoding="utf-8") as fh:
                articles += [json.loads(line)["text"] for line in fh if line.strip()]
        # the shortest article of at least the word count
        long_enough = [a for a in articles if len(a.split()) >= words] or articles
        paragraphs.append(min(long_enough, key=lambda a: abs(len(a.split()) - words)))
        source = "the shortest BBC News article of at least that many words"
    else:
        sample = (ROOT / "examples" / "calais-crossing.md").read_text(encoding="utf-8")
        body = sample.split("---", 2)[2].strip()
        source = "examples/calais-crossing.md, repeated"
        while sum(len(p.split()) for p in paragraphs) < words:
            paragraphs.append(body)
    text = "\n\n".join(paragraphs)
    return text.strip() + "\n", source


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process (Linux), which load on a shared machine
    disturbs far less than wall time."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(text: str, rounds: int, warm: int) -> tuple[list[float], int, float | None]:
    client = LanguageClient("copydesk-bench", "1")
    waiting: dict[int, asyncio.Future[int]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        future = waiting.pop(params.version or 0, None)
        if future is not None and not future.done():
            future.set_result(len(params.diagnostics))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.md"
        path.write_text(text, encoding="utf-8")
        await client.start_io(*SERVER, cwd=folder)
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=Path(folder).as_uri(),
                    initialization_options={"debounceMs": 0},
                )
            ),
            WAIT,
        )
        client.initialized(types.InitializedParams())
        uri = path.as_uri()
        loop = asyncio.get_running_loop()
        waiting[1] = loop.create_future()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        count = await asyncio.wait_for(waiting[1], WAIT)
        # the middle of the story, at a word boundary
        lines = text.split("\n")
        line = max(range(len(lines)), key=lambda n: len(lines[n]) if n >= len(lines) // 2 else 0)
        col = lines[line].find(" ", len(lines[line]) // 2)
        at = types.Position(line, max(col, 0))
        word = " Secretaray"
        times: list[float] = []
        pid = client._server.pid if client._server is not None else 0
        cpu_before: float | None = None
        for version in range(2, 2 + warm + rounds):
            if version == 2 + warm:
                cpu_before = cpu_seconds(pid)
            typed = version % 2 == 0
            end = at if typed else types.Position(line, at.character + len(word))
            change = types.TextDocumentContentChangePartial(
                range=types.Range(at, end), text=word if typed else ""
            )
            waiting[version] = loop.create_future()
            start = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
            await asyncio.wait_for(waiting[version], WAIT)
            if version >= 2 + warm:
                times.append(time.perf_counter() - start)
        cpu_after = cpu_seconds(pid)
        cpu = None
        if cpu_before is not None and cpu_after is not None:
            cpu = (cpu_after - cpu_before) / rounds
        await asyncio.wait_for(client.shutdown_async(None), WAIT)
        client.exit(None)
        await client.stop()
    return times, count, cpu


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("shared", type=Path, nargs="?", help="the shared folder (corpora/bbc-news)")
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--warm", type=int, default=5, help="rounds not counted (default 5)")
    args = ap.parse_args()
    text, source = story(args.shared, args.words)
    times, count, cpu = asyncio.run(measure(text, args.rounds, args.warm))
    ms = sorted(t * 1000 for t in times)
    print(f"story: {len(text.split())} words ({source}), {count} diagnostics when opened")
    print(
        f"re-check after an edit, {len(ms)} rounds: median {statistics.median(ms):.1f} ms, "
        f"p90 {ms[int(len(ms) * 0.9) - 1]:.1f} ms, min {ms[0]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    if cpu is not None:
        print(f"server CPU per re-check (mean over the rounds): {cpu * 1000:.1f} ms")
    print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
