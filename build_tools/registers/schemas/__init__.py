"""JSON Schemas of the editorial data and of the export (data files, not code)."""
