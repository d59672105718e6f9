"""Drawings rendered at build time: inline SVG and annotated HTML, from the model, as strings.

Plain functions that take model objects and return markup in which every value from data/ is
escaped. No JavaScript is needed to read them; the list or table they sit next to stays the text
equivalent. Colours come from CSS classes (docs/stylesheets/drawings.css) so the dark palette and
the strict Content-Security-Policy (no inline style attributes from data) both hold.
"""
