"""The tracker pipeline: load → validate → model → render (→ exports), driven by scripts/mkdocs_hooks.py."""

# What MkDocs command is running ("build", "serve", "gh-deploy") and whether it is a --dirty
# one, set by the hooks' on_startup. It lives here, not in the hooks module, because
# `mkdocs serve` re-imports the hooks file for every rebuild (and calls on_startup only once),
# while this package stays imported.
RUN: dict[str, str] = {}

# What the last successful live-preview build wrote: generated page path -> (digest of its
# output's inputs, the HTML file written). `make serve` (mkdocs serve --dirty) rebuilds only
# the pages whose digest changed and removes the pages of records that are gone.
PREVIEW: dict[str, tuple[bytes, str]] = {}

# The live preview's render memo (tracker.incremental.RenderMemo), under the key "memo".
PREVIEW_MEMO: dict[str, object] = {}
