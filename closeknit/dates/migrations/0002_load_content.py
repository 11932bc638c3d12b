from django.db import migrations


def load(apps, schema_editor):
    from closeknit.dates.content import load as load_content

    load_content(apps)


class Migration(migrations.Migration):
    dependencies = [("dates", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
