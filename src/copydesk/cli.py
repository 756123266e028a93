"""The command line: a thin argparse layer; each command is a plain function returning an exit
code. Exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage, config or input
error."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # importing typing would slow down the --version answer
if TYPE_CHECKING:
    from typing import Any

COMMANDS = (
    "check", "fix", "rules", "explain", "init", "vocab", "baseline", "docs", "audit", "lsp",
    "serve",
)  # fmt: skip

EPILOG = """exit codes:
  0  no finding at or above the fail level
  1  findings at or above the fail level
  2  usage, configuration or input error (a file that cannot be read, bad config or rules)

Run 'copydesk COMMAND --help' for a command's options."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):  # answered before anything heavy is imported
        from copydesk import __version__

        print(f"copydesk {__version__}")
        return 0
    # Start-up (imports, rule packs, building the rules) makes objects that live for the whole
    # run and no garbage: collecting while it lasts costs a one-file run a fifteenth of its
    # time. check and fix turn the collector back on once the first file is checked (_lint),
    # every other command before it starts.
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        code = _run(args)
        sys.stdout.flush()  # a reader that left early shows here when the output fit a buffer
        return code
    except KeyboardInterrupt:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (`| head`) has what it wanted: stop quietly, as a program killed by
        # SIGPIPE does, and keep the interpreter's last flush from complaining
        import os

        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        # called from Python (the API, tests): leave the collector as it was
        (gc.enable if collecting else gc.disable)()


def _run(args: list[str]) -> int:
    import argparse
    import functools
    import importlib
    import os

    from copydesk import __version__
    from copydesk.config import ConfigError
    from copydesk.engine.rules import RuleError

    # HelpFormatter asks shutil for the terminal width, and importing shutil (with bz2, lzma
    # and zlib) costs a pre-commit run ~2 ms; every add_argument makes a formatter
    width = _columns() - 2

    class Parser(argparse.ArgumentParser):  # sub-parsers are made of the parser's own class
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            base = kwargs.pop("formatter_class", argparse.HelpFormatter)
            kwargs["formatter_class"] = functools.partial(base, width=width)
            super().__init__(*args, **kwargs)

    parser = Parser(
        prog="copydesk",
        description="An editorial quality-check linter: typos that spare names, house style, "
        "unsourced figures and grammar, for Markdown, text and HTML.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = {}
    # Building every command's options costs a one-article run more than reading it. When
    # the first word names a command, argparse consults no other: build only that one (its
    # errors and --help name only itself and "copydesk"). Anything else, --help included,
    # gets the full parser.
    names = (args[0],) if args and args[0] in COMMANDS else COMMANDS
    for name in names:
        module = importlib.import_module(f"copydesk.commands.{name}")
        module.add_parser(sub)
        modules[name] = module
    if not args:
        parser.print_help()
        return 2
    try:
        ns, extra = parser.parse_known_args(args)
        # argparse stops filling a positional list at the first option, so paths written after
        # options ("check a.md --select X b.md") arrive here; they belong to the path list
        if (
            extra
            and hasattr(ns, "paths")
            and not any(e.startswith("-") and e != "-" for e in extra)
        ):
            defaulted = ns.paths == ["."] and "." not in args
            ns.paths = ([] if defaulted else ns.paths) + extra
        elif extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    if ns.command is None:
        parser.print_help()
        return 2
    if ns.command not in ("check", "fix"):
        import gc

        gc.enable()
    try:
        code: int = modules[ns.command].run(ns)
        return code
    except (ConfigError, RuleError, ValueError) as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise  # not an error of the input: handled in main
    except OSError as exc:
        print(
            f"copydesk: error: {exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
    except Exception as exc:
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        print(
            f"copydesk: internal error: {type(exc).__name__}: {exc} (set COPYDESK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 2


def _columns() -> int:
    """``shutil.get_terminal_size().columns``, which argparse uses, without importing shutil."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        if stdout is None:
            raise AttributeError
        return os.get_terminal_size(stdout.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


if __name__ == "__main__":
    sys.exit(main())
