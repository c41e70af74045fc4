"""Django's ``flush``, allowed to empty the append-only audit table (``protokoll.audit.db``).

Flushing removes every row of every table at once, the test runner's reset between
transactional tests; it is not a way to rewrite the log selectively."""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from protokoll.audit.db import unlocked_for_flush


class Command(FlushCommand):
    def handle(self, **options):
        with unlocked_for_flush(connections[options["database"]]):
            return super().handle(**options)
