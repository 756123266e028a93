"""copydesk: an editorial quality-check linter."""

__version__ = "0.1.0"
