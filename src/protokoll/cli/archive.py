"""CLI commands (archive)."""

COMMANDS: list = []
