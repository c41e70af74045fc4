"""Full-text search in Swedish behind one interface: SQLite FTS5 and PostgreSQL's swedish configuration."""
