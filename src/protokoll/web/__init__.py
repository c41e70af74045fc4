"""Public site and JSON API: every page is data first (HTML or JSON per URL)."""
