from django.db import migrations, models


def load(apps, schema_editor):
    from closeknit.assessment.content import load as load_content

    load_content(apps)


class Migration(migrations.Migration):
    dependencies = [("assessment", "0002_load_items")]

    operations = [
        migrations.AddField(
            model_name="intimacyitem",
            name="sensitive",
            field=models.BooleanField(default=False),
        ),
        # Marks the sensitive items from data/intimacy_items.csv.
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
