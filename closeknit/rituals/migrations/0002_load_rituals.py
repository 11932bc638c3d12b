from django.db import migrations


def load(apps, schema_editor):
    from closeknit.rituals.content import load as load_content

    load_content(apps)


class Migration(migrations.Migration):
    # A fresh database gets the suggestions here; an existing one has them from
    # `dates` already, and loading by key changes nothing.
    dependencies = [("rituals", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
