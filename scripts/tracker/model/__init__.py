"""Model: typed records and their indexes, built once from a valid Dataset; paths and names of records; the story's order, disputes, lead and provenance; the archived texts."""
