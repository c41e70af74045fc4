"""The append-only audit log (who did what, when) that loggkontroller read."""
