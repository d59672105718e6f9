"""Load: files under data/ into a Dataset of records with positions; the schema files; the canonical YAML writer; the problem report."""
