"""YAML from files copydesk does not trust (rule packs, front matter): safe types only, and no
aliases. An alias (``*name``) makes a document a graph: a few lines of nested aliases stand for
billions of nodes, and anything that walks the result (validation, the pack cache's JSON)
expands them. Rule files and front matter have no need for them, so they are refused with the
line of the first one, as is nesting too deep for the parser to follow."""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml


class YAMLError(Exception):
    """A document that cannot be used; ``line`` is 1-based, or None when unknown."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class Loaded(NamedTuple):
    data: Any
    node: yaml.Node | None  # the composed tree, for the lines that keys stand on


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YAMLError(
                f"YAML aliases are not allowed (*{event.anchor}); write the value out",
                event.start_mark.line + 1 if event.start_mark else None,
            )
        node: yaml.Node | None = super().compose_node(parent, index)
        return node


def load(text: str) -> Loaded:
    """Parse one YAML document; raises YAMLError for bad YAML, aliases or runaway nesting."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YAMLError(f"invalid YAML: {exc.problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YAMLError(f"invalid YAML: {exc}", None) from None
    except RecursionError:
        raise YAMLError("invalid YAML: nested too deeply", None) from None
    finally:
        loader.dispose()
    return Loaded(data, node)
