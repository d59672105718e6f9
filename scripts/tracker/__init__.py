"""The tracker pipeline: load → validate → model → render (→ exports), driven by scripts/mkdocs_hooks.py
through tracker/site_build.py."""
