"""User data on disk: where it lives, atomic writes, settings and bookmarks (no UI imports)."""
