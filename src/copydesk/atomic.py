"""The one way copydesk writes files it owns or fixes: to a temporary file in the same folder,
flushed, then renamed over the target, so a crash leaves the old file or the new one, never half
of either. Also the one content digest used for cache keys and fingerprints.

Neither ``tempfile`` nor ``hashlib`` is imported: together they cost a pre-commit run more
than checking a short article (``hashlib`` loads OpenSSL; ``tempfile`` pulls in ``random``)."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def write_atomic(path: Path, data: bytes, keep_mode: bool = True, durable: bool = True) -> None:
    target = path.resolve()
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if keep_mode else None
    except FileNotFoundError:
        mode = None
    for attempt in range(100):
        # the name is cut short so that a long file name cannot make the temporary one too long
        tmp = target.with_name(f".{target.name[:120]}.{os.getpid()}.{attempt}.tmp")
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else 0o600
            )
            break
        except FileExistsError:
            continue
    else:
        raise OSError(f"cannot create a temporary file next to {target}")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def digest(*parts: str | bytes, size: int = 20) -> str:
    """Hex digest of the parts, each length-prefixed so that they cannot run together."""
    try:
        from _blake2 import blake2b  # built into CPython; hashlib would load OpenSSL first
    except ImportError:  # pragma: no cover - other interpreters
        from hashlib import blake2b
    h = blake2b(digest_size=size)
    for part in parts:
        raw = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(raw).to_bytes(8, "little"))
        h.update(raw)
    return h.hexdigest()
