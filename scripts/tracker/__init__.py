"""The tracker pipeline, one package per step: core, load, check, model, trust, exports, render, site
(the only one that knows MkDocs), and the commands in cli. ARCHITECTURE.md has the table of what
each may import."""
