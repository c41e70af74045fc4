"""Insights derived from the archive: the uppdrag ledger, statistics and meeting summaries.

Pure functions over the ORM's public rows (``protokoll.web.public``) or over ``protokoll/1``
documents; the site and the API draw their pages and charts from what these return.
"""
