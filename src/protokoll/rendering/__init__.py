"""Renderers of a ``protokoll/1`` document: plain text and PDF in the usual Swedish layout."""
