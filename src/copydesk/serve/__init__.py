"""``copydesk serve``: LanguageTool's HTTP API (``GET /v2/languages``, ``POST /v2/check``)
answered by copydesk, so that every LanguageTool client shows copydesk's findings."""
