"""The public site's HTML pages (each also answers JSON: the same URL with .json or Accept)."""
