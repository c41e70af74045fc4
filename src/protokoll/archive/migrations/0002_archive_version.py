"""The archive version counter and its triggers (``protokoll.archive.version``)."""

from django.db import migrations

from protokoll.archive import version


def _tables(apps) -> list[str]:
    return sorted(model._meta.db_table for model in apps.get_app_config("archive").get_models())


def forwards(apps, schema_editor):
    version.install(schema_editor, _tables(apps))


def backwards(apps, schema_editor):
    version.uninstall(schema_editor, _tables(apps))


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
