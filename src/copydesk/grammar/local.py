"""Local mode: a LanguageTool the user already installed, started by language-tool-python.

language-tool-python downloads LanguageTool whenever the version it is asked for is not in
its download folder, so copydesk first looks for an install the way it does (``LTP_PATH``,
else ``~/.cache/language_tool_python``, holding ``LanguageTool-<version>`` folders), then
asks for exactly that version: the library finds it installed and starts it without
touching the network. No install, no Java, no library: a skip with the reason, never a
download.

Once started, the server is queried with the same client as server mode, not through
``LanguageTool.check``, so timeouts, retries, concurrency and UTF-16 offsets behave the same
in both modes (see client.py for what ``check`` gets wrong for this use).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import threading
from pathlib import Path
from typing import Any

from .client import LanguageToolUnavailable

__all__ = ["LocalServer", "close_local_servers", "find_install", "shared_local_server"]

# language-tool-python's own names (language_tool_python.utils), repeated here so that
# looking for an install does not need the library imported.
_LTP_PATH_ENV_VAR = "LTP_PATH"
_JARS = ("languagetool-server.jar", "languagetool.jar")


def _download_folder() -> Path:
    configured = os.environ.get(_LTP_PATH_ENV_VAR)
    return Path(configured) if configured else Path.home() / ".cache" / "language_tool_python"


def find_install() -> tuple[str, Path]:
    """The newest installed LanguageTool: (version name, its jar). Raises
    :class:`LanguageToolUnavailable` saying where it looked."""
    folder = _download_folder()
    hint = (
        f"no local LanguageTool install found in {folder} "
        f"(set {_LTP_PATH_ENV_VAR} to the folder holding LanguageTool-<version>, "
        'or use mode = "server")'
    )
    # Checked before the library is involved: its lookup creates the folder if missing.
    if not folder.is_dir():
        raise LanguageToolUnavailable(hint)
    try:
        from language_tool_python.download_lt import LocalLanguageTool
    except ImportError:
        raise LanguageToolUnavailable(
            "local mode needs language-tool-python: pip install 'copydesk[grammar]'"
        ) from None
    try:
        installed = LocalLanguageTool.get_latest_installed_version()
    except (OSError, ValueError):
        installed = None
    if installed is None:
        raise LanguageToolUnavailable(hint)
    directory = folder / f"LanguageTool-{installed.version_name}"
    for name in _JARS:
        if (directory / name).is_file():
            return installed.version_name, directory / name
    raise LanguageToolUnavailable(f"{directory} holds no languagetool-server.jar")


class LocalServer:
    """Starts the local LanguageTool on first use and stops it on :meth:`close`."""

    def __init__(self, language: str, startup_timeout: float) -> None:
        self._language = language
        self._startup_timeout = startup_timeout
        self._lock = threading.Lock()
        self._tool: Any = None
        self._url: str | None = None
        self._failure: str | None = None
        version, jar = find_install()
        self.version_name = version
        self.identity = f"local:{jar}"

    def url(self) -> str:
        """Base URL of the running server, starting it if needed; thread-safe."""
        with self._lock:
            if self._url is not None:
                return self._url
            if self._failure is not None:
                raise LanguageToolUnavailable(self._failure)
            try:
                self._url = self._start()
            except LanguageToolUnavailable as failure:
                self._failure = str(failure)
                raise
            return self._url

    def _start(self) -> str:
        if shutil.which("java") is None:
            raise LanguageToolUnavailable(
                "local LanguageTool needs Java, and no java was found on PATH"
            )
        try:
            import language_tool_python
        except ImportError:
            raise LanguageToolUnavailable(
                "local mode needs language-tool-python: pip install 'copydesk[grammar]'"
            ) from None
        outcome: dict[str, Any] = {}

        def start() -> None:
            try:
                outcome["tool"] = language_tool_python.LanguageTool(
                    self._language,
                    language_tool_download_version=self.version_name,
                )
            except BaseException as error:  # anything it raises is a reason to skip
                outcome["error"] = error

        # The library polls for readiness but then retries on other ports without an overall
        # limit, so the wait is bounded here; a late server is killed by its atexit hook.
        starter = threading.Thread(target=start, name="copydesk-lt-start", daemon=True)
        starter.start()
        starter.join(self._startup_timeout)
        if starter.is_alive():
            raise LanguageToolUnavailable(
                f"local LanguageTool {self.version_name} did not start within "
                f"{self._startup_timeout:g} s"
            )
        error = outcome.get("error")
        if error is not None:
            detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise LanguageToolUnavailable(
                f"local LanguageTool {self.version_name} could not start "
                f"({type(error).__name__}{': ' + detail if detail else ''})"
            )
        self._tool = outcome["tool"]
        url = str(self._tool.url)
        return url.rstrip("/").removesuffix("/v2")

    def close(self) -> None:
        with self._lock:
            tool, self._tool = self._tool, None
        if tool is not None:
            with contextlib.suppress(Exception):
                tool.close()


# One server per language for the whole process: starting a JVM and loading LanguageTool's
# rules takes seconds, far too long to repeat for every file of a run.
_SERVERS: dict[str, LocalServer] = {}
_SERVERS_LOCK = threading.Lock()


def shared_local_server(language: str, startup_timeout: float) -> LocalServer:
    """The process-wide :class:`LocalServer` for ``language`` (not started until used)."""
    with _SERVERS_LOCK:
        server = _SERVERS.get(language)
        if server is None:
            server = LocalServer(language, startup_timeout)
            _SERVERS[language] = server
        return server


@atexit.register
def close_local_servers() -> None:
    """Stop every local LanguageTool this process started (also run at exit)."""
    with _SERVERS_LOCK:
        servers = list(_SERVERS.values())
        _SERVERS.clear()
    for server in servers:
        server.close()
