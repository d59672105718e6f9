"""Layer 0, the bottom: what every layer uses and that knows nothing of the pipeline (record kinds, EDTF dates, escaping, caches, licences, text matching)."""
