"""The fact base: its records, schema, loading, periods, numbers and proof against the sources."""
