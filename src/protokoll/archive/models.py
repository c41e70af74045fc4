"""Archive models (filled in by the storage work)."""
