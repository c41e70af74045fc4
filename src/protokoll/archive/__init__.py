"""The archive: Django models for stored proceedings, load/export of documents, search."""
