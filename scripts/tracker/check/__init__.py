"""Check: the JSON Schema checker, the vocabulary read from the schemas, the rule registry and every cross-record rule (rules/), validation."""
