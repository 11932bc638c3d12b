from django.db import migrations


def load(apps, schema_editor):
    from closeknit.talk.content import load as load_content

    load_content(apps)


class Migration(migrations.Migration):
    dependencies = [("talk", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
