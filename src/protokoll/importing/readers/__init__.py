"""One reader per input format; each returns an ``Extracted``."""
