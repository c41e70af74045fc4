"""CLI commands (site)."""

COMMANDS: list = []
