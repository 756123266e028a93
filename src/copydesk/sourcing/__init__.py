"""Sourcing: find figures that are claims and check that each has a source in scope.

Pure Python with no engine dependency; the rule engine wires :class:`SourcingChecker` in as
the ``sourcing`` rule kind and formats ``SourcingIssue.message``.
"""

from copydesk.sourcing.checker import RULES, SourcingChecker, SourcingIssue
from copydesk.sourcing.options import DEFAULT_OPTIONS, EXCLUSION_CLASSES, OPTION_OWNERS

__all__ = [
    "DEFAULT_OPTIONS",
    "EXCLUSION_CLASSES",
    "OPTION_OWNERS",
    "RULES",
    "SourcingChecker",
    "SourcingIssue",
]
