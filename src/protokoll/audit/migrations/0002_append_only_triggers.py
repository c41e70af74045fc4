"""Database triggers that refuse UPDATE and DELETE on the audit log (protokoll.audit.db)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from protokoll.audit.db import install_triggers

    install_triggers(schema_editor.connection)


def backwards(apps, schema_editor):
    from protokoll.audit.db import remove_triggers

    remove_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
