"""The tracker pipeline: load → validate → model → render (→ exports), driven by scripts/mkdocs_hooks.py."""

# What MkDocs command is running ("build", "serve", "gh-deploy"), set by the hooks' on_startup.
# It lives here, not in the hooks module, because `mkdocs serve` re-imports the hooks file for
# every rebuild (and calls on_startup only once), while this package stays imported.
RUN: dict[str, str] = {}
