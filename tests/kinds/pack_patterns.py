"""Every regex entry of the default rule packs, with its rule's code and flags."""

from __future__ import annotations

import re

from copydesk.api import default_registry
from copydesk.kinds import regex_patterns


def pack_patterns() -> list[tuple[str, str, int]]:
    out = []
    for rule in default_registry():
        flags = re.IGNORECASE if rule.options.get("ignorecase", True) else 0
        out.extend((rule.code, p, flags) for p in regex_patterns(rule))
    return out
