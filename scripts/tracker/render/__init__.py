"""Render: pages from the model (one module per page family in pages/), the drawings (draw/) and the live preview's render memo."""
