"""Readers and writers of other schedule formats (no UI imports)."""
