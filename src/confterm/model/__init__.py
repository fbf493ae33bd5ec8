"""The pure core: programme models, loading, queries and agenda logic (no UI imports)."""
