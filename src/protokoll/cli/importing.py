"""CLI commands (importing)."""

COMMANDS: list = []
