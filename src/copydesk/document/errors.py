"""The one error a reader raises for a file it cannot read."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be linted; the message is one line, ready for the user."""
