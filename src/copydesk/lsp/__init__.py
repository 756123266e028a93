"""``copydesk lsp``: a Language Server Protocol server over stdio (pygls and lsprotocol, the
``lsp`` extra). Everything but ``server`` and ``protocol`` is plain Python over copydesk's
engine, so the logic is testable without a client."""
